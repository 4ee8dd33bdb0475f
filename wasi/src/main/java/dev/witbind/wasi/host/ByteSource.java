package dev.witbind.wasi.host;

import java.io.IOException;

/**
 * What an {@link IoStreams.InputStream} reads: the configured stdin, or a file channel for
 * {@code read-via-stream}.
 */
interface ByteSource {
    /** Reads at most {@code length} bytes; blocks until at least one is there; -1 at the end. */
    int read(byte[] into, int offset, int length) throws IOException;

    /** Called when the guest drops the stream; stdin stays open for the next {@code get-stdin}. */
    default void close() throws IOException {}
}
