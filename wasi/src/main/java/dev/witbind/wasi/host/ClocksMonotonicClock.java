package dev.witbind.wasi.host;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.MonotonicClockHost;

/**
 * {@code wasi:clocks/monotonic-clock}: the configured clock, counted from the instance's start so that its
 * {@code u64} never wraps (the JVM's {@code nanoTime} may be negative), and pollables ready at an instant.
 */
@WitInterface("wasi:clocks/monotonic-clock@0.2.12")
public final class ClocksMonotonicClock implements MonotonicClockHost<IoPoll.Pollable> {
    private final WasiContext context;

    ClocksMonotonicClock(WasiContext context) {
        this.context = context;
    }

    @Override
    public @Unsigned long now() {
        return context.monotonicNow();
    }

    @Override
    public @Unsigned long resolution() {
        return context.config().monotonicClock().resolutionNanos();
    }

    @Override
    public IoPoll.Pollable subscribeInstant(@Unsigned long when) {
        // an instant beyond the long range is as good as never; clamp instead of wrapping into the past
        long instant = when < 0 ? Long.MAX_VALUE : when;
        return pollableAt(instant);
    }

    @Override
    public IoPoll.Pollable subscribeDuration(@Unsigned long when) {
        long duration = when < 0 ? Long.MAX_VALUE : when;
        long now = context.monotonicNow();
        return pollableAt(now > Long.MAX_VALUE - duration ? Long.MAX_VALUE : now + duration);
    }

    private IoPoll.Pollable pollableAt(long guestInstant) {
        return new IoPoll.Pollable(new IoPoll.Deadline(context.config().monotonicClock(),
                context.monotonicHostTime(guestInstant)));
    }
}
