package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.TerminalStdoutHost;
import java.util.Optional;

/** {@code wasi:cli/terminal-stdout}: stdout is not a terminal (so a guest's {@code isatty(1)} is false). */
@WitInterface("wasi:cli/terminal-stdout@0.2.12")
public final class CliTerminalStdout implements TerminalStdoutHost<CliTerminalOutput.TerminalOutput> {
    @Override
    public Optional<CliTerminalOutput.TerminalOutput> getTerminalStdout() {
        return Optional.empty();
    }
}
