package dev.witbind.wasi.host;

import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.wasi.bindings.StreamError;
import dev.witbind.wasi.bindings.StreamsHost;
import dev.witbind.wit.values.Result;
import java.io.IOException;
import java.util.Arrays;

/**
 * {@code wasi:io/streams}: byte streams over a {@link ByteSource} or a {@link ByteSink}. Every operation completes
 * on the guest's thread: a read waits for at least one byte, a write is done when it returns, so the blocking and
 * non-blocking forms behave the same and every pollable is ready. A failed operation is
 * {@code last-operation-failed} with an {@link IoError.Error} saying why; once failed or at its end a stream is
 * {@code closed} from then on.
 */
@WitInterface("wasi:io/streams@0.2.12")
public final class IoStreams
        implements StreamsHost<IoStreams.InputStream, IoStreams.OutputStream, IoPoll.Pollable> {
    /**
     * The most bytes one read returns, and what {@code check-write} permits: a guest asking for 2^64 bytes gets at
     * most this, so a read never allocates more than it (WASI lets a read return fewer bytes than asked).
     */
    static final int MAX_CHUNK = 1 << 20;

    private static final StreamError CLOSED = new StreamError.Closed();
    /** The answer of every successful write and flush: immutable, so one for all (nothing to allocate per write). */
    private static final Result<Void, StreamError> DONE = Result.ok(null);

    /** WIT {@code resource input-stream}. */
    @WitResource
    public static final class InputStream implements StreamsHost.InputStream<IoPoll.Pollable>, AutoCloseable {
        private final ByteSource source;
        private StreamError ended;

        InputStream(ByteSource source) {
            this.source = source;
        }

        @Override
        public Result<byte[], StreamError> read(@Unsigned long len) {
            return blockingRead(len);
        }

        @Override
        public Result<byte[], StreamError> blockingRead(@Unsigned long len) {
            if (ended != null) {
                return Result.err(ended);
            }
            if (len == 0) {
                return Result.ok(new byte[0]);
            }
            byte[] buffer = new byte[chunk(len)];
            try {
                int read = source.read(buffer, 0, buffer.length);
                if (read < 0) {
                    ended = CLOSED;
                    return Result.err(ended);
                }
                return Result.ok(read == buffer.length ? buffer : Arrays.copyOf(buffer, read));
            } catch (IOException failure) {
                return Result.err(fail(failure));
            }
        }

        @Override
        public Result<@Unsigned Long, StreamError> skip(@Unsigned long len) {
            return blockingSkip(len);
        }

        @Override
        public Result<@Unsigned Long, StreamError> blockingSkip(@Unsigned long len) {
            Result<byte[], StreamError> read = blockingRead(len);
            return read instanceof Result.Ok<byte[], StreamError> ok
                    ? Result.ok((long) ok.value().length)
                    : Result.err(((Result.Err<byte[], StreamError>) read).error());
        }

        @Override
        public IoPoll.Pollable subscribe() {
            return IoPoll.Pollable.alwaysReady();
        }

        @Override
        public void close() throws IOException {
            source.close();
        }

        private StreamError fail(IOException failure) {
            ended = CLOSED;
            return lastOperationFailed(failure);
        }
    }

    /** WIT {@code resource output-stream}. */
    @WitResource
    public static final class OutputStream
            implements StreamsHost.OutputStream<IoPoll.Pollable, InputStream>, AutoCloseable {
        private final ByteSink sink;
        private StreamError ended;

        OutputStream(ByteSink sink) {
            this.sink = sink;
        }

        @Override
        public Result<@Unsigned Long, StreamError> checkWrite() {
            return ended != null ? Result.err(ended) : Result.ok((long) MAX_CHUNK);
        }

        @Override
        public Result<Void, StreamError> write(byte[] contents) {
            if (ended != null) {
                return Result.err(ended);
            }
            try {
                sink.write(contents, 0, contents.length);
                return DONE;
            } catch (IOException failure) {
                return Result.err(fail(failure));
            }
        }

        @Override
        public Result<Void, StreamError> blockingWriteAndFlush(byte[] contents) {
            Result<Void, StreamError> written = write(contents);
            return written.isOk() ? flush() : written;
        }

        @Override
        public Result<Void, StreamError> flush() {
            if (ended != null) {
                return Result.err(ended);
            }
            try {
                sink.flush();
                return DONE;
            } catch (IOException failure) {
                return Result.err(fail(failure));
            }
        }

        @Override
        public Result<Void, StreamError> blockingFlush() {
            return flush();
        }

        @Override
        public IoPoll.Pollable subscribe() {
            return IoPoll.Pollable.alwaysReady();
        }

        @Override
        public Result<Void, StreamError> writeZeroes(@Unsigned long len) {
            byte[] zeroes = new byte[chunk(len)];
            for (long left = len; left > 0; left -= zeroes.length) {
                Result<Void, StreamError> written = write(left >= zeroes.length ? zeroes
                        : Arrays.copyOf(zeroes, (int) left));
                if (written.isErr()) {
                    return written;
                }
            }
            return DONE;
        }

        @Override
        public Result<Void, StreamError> blockingWriteZeroesAndFlush(@Unsigned long len) {
            Result<Void, StreamError> written = writeZeroes(len);
            return written.isOk() ? flush() : written;
        }

        /** Reads at most {@code len} bytes of {@code src} (one read) and writes them here. */
        @Override
        public Result<@Unsigned Long, StreamError> splice(@Borrow InputStream src, @Unsigned long len) {
            if (ended != null) {
                return Result.err(ended);
            }
            Result<byte[], StreamError> read = src.blockingRead(len);
            if (read instanceof Result.Err<byte[], StreamError> err) {
                return Result.err(err.error());
            }
            byte[] bytes = ((Result.Ok<byte[], StreamError>) read).value();
            Result<Void, StreamError> written = write(bytes);
            return written.isOk() ? Result.ok((long) bytes.length)
                    : Result.err(((Result.Err<Void, StreamError>) written).error());
        }

        @Override
        public Result<@Unsigned Long, StreamError> blockingSplice(@Borrow InputStream src, @Unsigned long len) {
            return splice(src, len);
        }

        @Override
        public void close() throws IOException {
            sink.close();
        }

        private StreamError fail(IOException failure) {
            ended = CLOSED;
            return lastOperationFailed(failure);
        }
    }

    /** The error of a failed read or write; the stream is closed after it. */
    private static StreamError lastOperationFailed(IOException failure) {
        return new StreamError.LastOperationFailed(IoError.Error.of(failure));
    }

    /** {@code len} (a u64) capped to {@link #MAX_CHUNK}. */
    static int chunk(long len) {
        return len < 0 || len > MAX_CHUNK ? MAX_CHUNK : (int) len;
    }
}
