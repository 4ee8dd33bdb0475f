package dev.witbind.wasi.config;

/**
 * The clock that {@code wasi:clocks/monotonic-clock} reads: nanoseconds that never go backwards, from an arbitrary
 * origin. {@link #system()} is {@link System#nanoTime()}; a test passes its own to make waits deterministic.
 */
@FunctionalInterface
public interface MonotonicClock {
    /** The current instant in nanoseconds; never less than an earlier answer. */
    long nowNanos();

    /** The resolution {@code monotonic-clock.resolution} reports, in nanoseconds; one by default. */
    default long resolutionNanos() {
        return 1;
    }

    /** {@link System#nanoTime()}. */
    static MonotonicClock system() {
        return System::nanoTime;
    }
}
