package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.wasi.bindings.TerminalOutputHost;

/** {@code wasi:cli/terminal-output}: the resource only; a guest here never has a terminal. */
@WitInterface("wasi:cli/terminal-output@0.2.12")
public final class CliTerminalOutput implements TerminalOutputHost<CliTerminalOutput.TerminalOutput> {
    /** WIT {@code resource terminal-output}; never handed out. */
    @WitResource
    public static final class TerminalOutput implements TerminalOutputHost.TerminalOutput {
        private TerminalOutput() {}
    }
}
