package dev.witbind.wasi.host;

import java.io.IOException;

/**
 * Where an {@link IoStreams.OutputStream} writes: a Java stream for stdout and stderr, a file channel for
 * {@code write-via-stream}. One sink may back several stream resources (each {@code get-stdout} makes one), so
 * {@link #close()} is called when the last user is done only where the sink owns what it writes to.
 */
interface ByteSink {
    void write(byte[] bytes, int offset, int length) throws IOException;

    void flush() throws IOException;

    /** Called when the guest drops the stream; stdout and stderr stay open for the next {@code get-stdout}. */
    default void close() throws IOException {
        flush();
    }
}
