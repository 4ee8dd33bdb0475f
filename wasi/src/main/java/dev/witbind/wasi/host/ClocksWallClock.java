package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.Datetime;
import dev.witbind.wasi.bindings.WallClockHost;
import java.time.Instant;

/** {@code wasi:clocks/wall-clock}: the configured clock. */
@WitInterface("wasi:clocks/wall-clock@0.2.12")
public final class ClocksWallClock implements WallClockHost {
    private final WasiContext context;

    ClocksWallClock(WasiContext context) {
        this.context = context;
    }

    @Override
    public Datetime now() {
        return datetime(context.config().wallClock().now());
    }

    @Override
    public Datetime resolution() {
        long nanos = context.config().wallClock().resolutionNanos();
        return new Datetime(nanos / 1_000_000_000L, (int) (nanos % 1_000_000_000L));
    }

    /** A time before 1970 has no {@code datetime} (its seconds are unsigned): it is reported as the epoch. */
    static Datetime datetime(Instant instant) {
        return instant.getEpochSecond() < 0 ? new Datetime(0, 0)
                : new Datetime(instant.getEpochSecond(), instant.getNano());
    }
}
