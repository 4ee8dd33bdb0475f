package dev.witbind.wasi.host;

import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.wasi.bindings.PollHost;
import dev.witbind.wasi.config.MonotonicClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** {@code wasi:io/poll}: pollables, and {@code poll}, which waits until at least one of several is ready. */
@WitInterface("wasi:io/poll@0.2.12")
public final class IoPoll implements PollHost<IoPoll.Pollable> {
    /** The largest list {@code poll} takes, as Wasmtime: a guest cannot make the host scan without bound. */
    static final int MAX_POLLABLES = 1 << 16;

    /**
     * The indices of the ready pollables, at least one. When none is ready, it blocks on the one that will be
     * ready first: a clock's earliest deadline, else the first (streams are always ready here, so in practice a
     * wait is for a clock).
     */
    @Override
    public List<@Unsigned Integer> poll(List<@Borrow Pollable> in) {
        if (in.isEmpty()) {
            throw new IllegalArgumentException("poll was given no pollables (WASI: the list must not be empty)");
        }
        if (in.size() > MAX_POLLABLES) {
            throw new IllegalArgumentException("poll was given " + in.size() + " pollables, more than "
                    + MAX_POLLABLES);
        }
        while (true) {
            List<Integer> ready = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                if (in.get(i).ready()) {
                    ready.add(i);
                }
            }
            if (!ready.isEmpty() || Thread.currentThread().isInterrupted()) {
                return ready;
            }
            firstToBeReady(in).block();
        }
    }

    private static Pollable firstToBeReady(List<Pollable> in) {
        Pollable first = in.get(0);
        for (Pollable pollable : in) {
            if (pollable.readiness instanceof Deadline deadline && (!(first.readiness instanceof Deadline current)
                    || deadline.nanos() < current.nanos())) {
                first = pollable;
            }
        }
        return first;
    }

    /** WIT {@code resource pollable}: what a stream or a clock hands out to be waited for. */
    @WitResource
    public static final class Pollable implements PollHost.Pollable {
        private final Readiness readiness;

        Pollable(Readiness readiness) {
            this.readiness = readiness;
        }

        /** A pollable that is always ready. */
        static Pollable alwaysReady() {
            return new Pollable(Readiness.READY);
        }

        @Override
        public boolean ready() {
            return readiness.ready();
        }

        @Override
        public void block() {
            readiness.block();
        }
    }

    /** Ready once the monotonic clock reaches {@code nanos}. */
    record Deadline(MonotonicClock clock, long nanos) implements Readiness {
        @Override
        public boolean ready() {
            // compared as a difference, so that a clock near the end of the long range still works
            return clock.nowNanos() - nanos >= 0;
        }

        @Override
        public void block() {
            long remaining;
            while ((remaining = nanos - clock.nowNanos()) > 0) {
                LockSupport.parkNanos(remaining);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }
    }
}
