package dev.witbind.runtime.abi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one guest instance may take (Wasmtime's {@code StoreLimits}, and its epoch deadline): a guest over a limit
 * traps, the host and every other instance stay up. The defaults keep a JVM with a modest heap alive whatever a guest
 * does; raise them for guests that need more.
 *
 * @param memoryPages the most 64 KiB pages a linear memory may have: a module that declares more initial pages is
 *     refused when it is instantiated, a {@code memory.grow} beyond fails (returns -1, which WebAssembly allows)
 * @param handles the most resource handles the instance's table may hold at once
 * @param callTimeout how long one call into the instance may run (from the host's call of an export until it
 *     returns); empty for no deadline. A call over it is interrupted and traps.
 * @param liftedBytes the most bytes of strings and lists that the values of one call may take from guest memory:
 *     the arguments of one host function, or the result of one export. Memory bounds each string and list, but
 *     not a list of strings that all point at the same large range, which would make the host allocate far more
 *     than the guest has; over the limit, the guest traps.
 */
public record InstanceLimits(int memoryPages, int handles, Optional<Duration> callTimeout, long liftedBytes) {
    /** 256 MiB of linear memory, 1,048,576 handles, no deadline, 256 MiB lifted per call. */
    public static final InstanceLimits DEFAULT = new InstanceLimits(4096, 1 << 20, Optional.empty(), 256L << 20);

    /** The most pages witbind's linear memory can hold: its bytes are one Java array. */
    public static final int MAX_MEMORY_PAGES = 32767;

    public InstanceLimits {
        if (memoryPages < 0 || memoryPages > MAX_MEMORY_PAGES) {
            throw new IllegalArgumentException("memoryPages must be between 0 and " + MAX_MEMORY_PAGES + ", not "
                    + memoryPages);
        }
        if (handles < 1 || handles > (1 << 28)) {
            throw new IllegalArgumentException("handles must be between 1 and 2^28 (the Canonical ABI's limit), not "
                    + handles);
        }
        if (liftedBytes < 0) {
            throw new IllegalArgumentException("liftedBytes must not be negative, not " + liftedBytes);
        }
        Objects.requireNonNull(callTimeout, "callTimeout");
        callTimeout.ifPresent(timeout -> {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("callTimeout must be positive, not " + timeout);
            }
        });
    }

    /** These limits with at most {@code pages} pages of linear memory. */
    public InstanceLimits withMemoryPages(int pages) {
        return new InstanceLimits(pages, handles, callTimeout, liftedBytes);
    }

    /** These limits with at most {@code count} live resource handles. */
    public InstanceLimits withHandles(int count) {
        return new InstanceLimits(memoryPages, count, callTimeout, liftedBytes);
    }

    /** These limits with a deadline for every call into the instance. */
    public InstanceLimits withCallTimeout(Duration timeout) {
        return new InstanceLimits(memoryPages, handles, Optional.of(timeout), liftedBytes);
    }

    /** These limits with at most {@code bytes} of strings and lists lifted from guest memory per call. */
    public InstanceLimits withLiftedBytes(long bytes) {
        return new InstanceLimits(memoryPages, handles, callTimeout, bytes);
    }
}
