package dev.witbind.wasi.config;

import java.time.Instant;

/**
 * The time of day that {@code wasi:clocks/wall-clock} reports. {@link #system()} reads the JVM's clock; a test passes
 * its own to make a guest's output deterministic.
 */
@FunctionalInterface
public interface WallClock {
    /** The current time: seconds and nanoseconds since the Unix epoch, as {@code wall-clock.now} returns it. */
    Instant now();

    /** The resolution {@code wall-clock.resolution} reports, in nanoseconds; one by default. */
    default long resolutionNanos() {
        return 1;
    }

    /** The JVM's clock. */
    static WallClock system() {
        return Instant::now;
    }
}
