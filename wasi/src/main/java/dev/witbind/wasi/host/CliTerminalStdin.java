package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.TerminalStdinHost;
import java.util.Optional;

/** {@code wasi:cli/terminal-stdin}: stdin is not a terminal (so a guest's {@code isatty(0)} is false). */
@WitInterface("wasi:cli/terminal-stdin@0.2.12")
public final class CliTerminalStdin implements TerminalStdinHost<CliTerminalInput.TerminalInput> {
    @Override
    public Optional<CliTerminalInput.TerminalInput> getTerminalStdin() {
        return Optional.empty();
    }
}
