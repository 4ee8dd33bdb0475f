package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.TerminalStderrHost;
import java.util.Optional;

/** {@code wasi:cli/terminal-stderr}: stderr is not a terminal (so a guest's {@code isatty(2)} is false). */
@WitInterface("wasi:cli/terminal-stderr@0.2.12")
public final class CliTerminalStderr implements TerminalStderrHost<CliTerminalOutput.TerminalOutput> {
    @Override
    public Optional<CliTerminalOutput.TerminalOutput> getTerminalStderr() {
        return Optional.empty();
    }
}
