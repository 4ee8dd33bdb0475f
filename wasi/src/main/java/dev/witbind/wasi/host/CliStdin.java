package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.StdinHost;

/** {@code wasi:cli/stdin}: the configured input; every stream it hands out continues the same input. */
@WitInterface("wasi:cli/stdin@0.2.12")
public final class CliStdin implements StdinHost<IoPoll.Pollable, IoStreams.InputStream> {
    private final WasiContext context;

    CliStdin(WasiContext context) {
        this.context = context;
    }

    @Override
    public IoStreams.InputStream getStdin() {
        return new IoStreams.InputStream(context.stdin());
    }
}
