package dev.witbind.wasi.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wasi.bindings.FilesystemTypesErrorCode;
import dev.witbind.wasi.bindings.StreamError;
import dev.witbind.wasi.config.MonotonicClock;
import dev.witbind.wit.values.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** wasi:io's streams, errors and pollables, called from Java on the sources and sinks they wrap. */
class IoHostsTest {
    @Test
    void aReadReturnsWhatIsThereThenTheEndIsClosedFromThenOn() {
        IoStreams.InputStream in = new IoStreams.InputStream(source(new byte[] {1, 2, 3}));

        assertArrayEquals(new byte[] {1, 2}, ok(in.blockingRead(2)));
        assertArrayEquals(new byte[] {3}, ok(in.read(10)));
        assertInstanceOf(StreamError.Closed.class, err(in.read(10)));
        assertInstanceOf(StreamError.Closed.class, err(in.blockingRead(1)));
    }

    @Test
    void aHugeReadAllocatesNoMoreThanOneChunk() {
        byte[] lots = new byte[3 * IoStreams.MAX_CHUNK];
        IoStreams.InputStream in = new IoStreams.InputStream(source(lots));

        // a u64 of 2^64 - 1, as a guest may ask
        assertEquals(IoStreams.MAX_CHUNK, ok(in.blockingRead(-1L)).length);
        assertEquals(IoStreams.MAX_CHUNK, (long) ok(in.skip(Long.MAX_VALUE)));
    }

    @Test
    void aFailedWriteIsLastOperationFailedWithTheReasonAndTheStreamIsClosedAfter() {
        IoStreams.OutputStream out = new IoStreams.OutputStream(new ByteSink() {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                throw new NoSuchFileException("/data/gone.txt");
            }

            @Override
            public void flush() {}
        });

        StreamError failure = err(out.blockingWriteAndFlush(new byte[] {1}));

        IoError.Error error = (IoError.Error) ((StreamError.LastOperationFailed) failure).value();
        assertEquals("/data/gone.txt", error.toDebugString());
        assertEquals(FilesystemTypesErrorCode.NO_ENTRY, error.code());
        assertInstanceOf(StreamError.Closed.class, err(out.checkWrite()));
        assertInstanceOf(StreamError.Closed.class, err(out.write(new byte[] {2})));
    }

    @Test
    void writesZeroesAndSplicesReachTheSink() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        IoStreams.OutputStream out = new IoStreams.OutputStream(sink(written));

        assertTrue(out.write(new byte[] {7}).isOk());
        assertTrue(out.blockingWriteZeroesAndFlush(3).isOk());
        assertEquals(2L, (long) ok(out.splice(new IoStreams.InputStream(source(new byte[] {8, 9})), 5)));

        assertArrayEquals(new byte[] {7, 0, 0, 0, 8, 9}, written.toByteArray());
        assertEquals(IoStreams.MAX_CHUNK, (long) ok(out.checkWrite()));
    }

    @Test
    void pollReturnsTheReadyOnesAndWaitsForTheEarliestDeadlineWhenNoneIs() {
        AtomicLong now = new AtomicLong(100);
        // a clock that moves on by 10 ns each time it is read, so waiting ends without sleeping for real
        MonotonicClock clock = () -> now.addAndGet(10);
        IoPoll poll = new IoPoll();
        IoPoll.Pollable late = new IoPoll.Pollable(new IoPoll.Deadline(clock, 1_000_000));
        IoPoll.Pollable soon = new IoPoll.Pollable(new IoPoll.Deadline(clock, 500));
        IoPoll.Pollable ready = IoPoll.Pollable.alwaysReady();

        assertEquals(List.of(2), poll.poll(List.of(late, soon, ready)));
        assertFalse(soon.ready());
        assertEquals(List.of(1), poll.poll(List.of(late, soon)));
        assertTrue(now.get() < 1_000_000, "it waited for the earliest deadline, not the latest: " + now.get());
    }

    @Test
    void pollWithNoPollablesIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new IoPoll().poll(List.of()));

        assertTrue(error.getMessage().contains("no pollables"), error.getMessage());
    }

    private static ByteSource source(byte[] bytes) {
        java.io.InputStream in = new java.io.ByteArrayInputStream(bytes);
        return in::read;
    }

    private static ByteSink sink(ByteArrayOutputStream out) {
        return new ByteSink() {
            @Override
            public void write(byte[] bytes, int offset, int length) {
                out.write(bytes, offset, length);
            }

            @Override
            public void flush() {}
        };
    }

    private static <T> T ok(Result<T, StreamError> result) {
        return ((Result.Ok<T, StreamError>) result).value();
    }

    private static StreamError err(Result<?, StreamError> result) {
        return ((Result.Err<?, StreamError>) result).error();
    }
}
