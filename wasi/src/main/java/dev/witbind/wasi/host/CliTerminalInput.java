package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.wasi.bindings.TerminalInputHost;

/** {@code wasi:cli/terminal-input}: the resource only; a guest here never has a terminal. */
@WitInterface("wasi:cli/terminal-input@0.2.12")
public final class CliTerminalInput implements TerminalInputHost<CliTerminalInput.TerminalInput> {
    /** WIT {@code resource terminal-input}; never handed out. */
    @WitResource
    public static final class TerminalInput implements TerminalInputHost.TerminalInput {
        private TerminalInput() {}
    }
}
