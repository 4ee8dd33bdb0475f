package dev.witbind.wasi.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The {@link ByteSource} and {@link ByteSink}s of {@code read-via-stream}, {@code write-via-stream} and
 * {@code append-via-stream}: each keeps its own position in the file (streams on one file do not disturb each
 * other, as WASI asks) and uses positioned reads and writes, so the channel itself has no position to share.
 */
final class FileChannelStreams {
    private FileChannelStreams() {}

    /**
     * A descriptor's open file, shared with the streams made from it: closed when the descriptor and every stream
     * have let go, whichever the guest drops first (the WIT makes streams children of their descriptor, but a
     * guest that drops the descriptor first should see its streams keep working, not fail).
     */
    static final class SharedChannel {
        private final FileChannel channel;
        private int users = 1;

        SharedChannel(FileChannel channel) {
            this.channel = channel;
        }

        /** The channel, for the descriptor's own operations. */
        FileChannel channel() {
            return channel;
        }

        synchronized SharedChannel retain() {
            users++;
            return this;
        }

        synchronized void release() throws IOException {
            if (--users == 0) {
                channel.close();
            }
        }
    }

    /** Reads from {@code offset} on. */
    static ByteSource reader(SharedChannel file, long offset) {
        return new Reader(file.retain(), offset);
    }

    /** Writes from {@code offset} on. */
    static ByteSink writer(SharedChannel file, long offset) {
        return new Writer(file.retain(), offset, false);
    }

    /**
     * Writes each buffer at the end of the file as it is then. Not atomic against other writers of the file (the
     * channel was not opened with {@code APPEND}, which would make every write of the descriptor an append).
     */
    static ByteSink appender(SharedChannel file) {
        return new Writer(file.retain(), 0, true);
    }

    private static final class Reader implements ByteSource {
        private final SharedChannel file;
        private long position;

        Reader(SharedChannel file, long position) {
            this.file = file;
            this.position = position;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int read = file.channel.read(ByteBuffer.wrap(into, offset, length), position);
            if (read > 0) {
                position += read;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            file.release();
        }
    }

    private static final class Writer implements ByteSink {
        private final SharedChannel file;
        private final boolean append;
        private long position;

        Writer(SharedChannel file, long position, boolean append) {
            this.file = file;
            this.position = position;
            this.append = append;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (append) {
                position = file.channel.size();
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                position += file.channel.write(buffer, position);
            }
        }

        /** Every write went to the file when it returned; {@code sync} is the descriptor's. */
        @Override
        public void flush() {}

        @Override
        public void close() throws IOException {
            file.release();
        }
    }
}
