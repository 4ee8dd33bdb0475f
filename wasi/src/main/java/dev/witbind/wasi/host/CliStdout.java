package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.StdoutHost;

/** {@code wasi:cli/stdout}: the configured output stream. */
@WitInterface("wasi:cli/stdout@0.2.12")
public final class CliStdout
        implements StdoutHost<IoPoll.Pollable, IoStreams.InputStream, IoStreams.OutputStream> {
    private final WasiContext context;

    CliStdout(WasiContext context) {
        this.context = context;
    }

    @Override
    public IoStreams.OutputStream getStdout() {
        return new IoStreams.OutputStream(context.stdout());
    }
}
