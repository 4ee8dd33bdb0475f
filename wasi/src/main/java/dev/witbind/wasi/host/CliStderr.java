package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.StderrHost;

/** {@code wasi:cli/stderr}: the configured output stream. */
@WitInterface("wasi:cli/stderr@0.2.12")
public final class CliStderr
        implements StderrHost<IoPoll.Pollable, IoStreams.InputStream, IoStreams.OutputStream> {
    private final WasiContext context;

    CliStderr(WasiContext context) {
        this.context = context;
    }

    @Override
    public IoStreams.OutputStream getStderr() {
        return new IoStreams.OutputStream(context.stderr());
    }
}
