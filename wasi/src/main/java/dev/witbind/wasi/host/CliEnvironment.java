package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.EnvironmentHost;
import dev.witbind.wasi.bindings.Tuple2OfStringAndString;
import java.util.List;
import java.util.Optional;

/** {@code wasi:cli/environment}: the configured arguments and variables, and no initial directory. */
@WitInterface("wasi:cli/environment@0.2.12")
public final class CliEnvironment implements EnvironmentHost {
    private final WasiContext context;

    CliEnvironment(WasiContext context) {
        this.context = context;
    }

    @Override
    public List<Tuple2OfStringAndString> getEnvironment() {
        return context.config().env().entrySet().stream()
                .map(variable -> new Tuple2OfStringAndString(variable.getKey(), variable.getValue()))
                .toList();
    }

    @Override
    public List<String> getArguments() {
        return context.config().args();
    }

    /** None: a guest resolves relative paths against its preopens, as with Wasmtime's default. */
    @Override
    public Optional<String> initialCwd() {
        return Optional.empty();
    }
}
