package dev.witbind.wit.fuzz;

import java.time.Duration;

/**
 * How long a fuzz target runs: a fixed number of inputs in {@code mvn verify} (so the suite's time stays bounded and
 * every run is the same), or, with {@code -Dwitbind.fuzz.seconds=N} ({@code .ci/fuzz} sets it), as many inputs as N
 * seconds allow, with a seed from {@code -Dwitbind.fuzz.seed} or the clock, printed so that a failure reproduces.
 */
public final class FuzzBudget {
    private final int count;
    private final long deadlineNanos;
    private final long seed;
    private int done;

    private FuzzBudget(int count, long deadlineNanos, long seed) {
        this.count = count;
        this.deadlineNanos = deadlineNanos;
        this.seed = seed;
    }

    /** {@code inputs} inputs with {@code fixedSeed}, unless a time-bounded run was asked for. */
    public static FuzzBudget of(String target, int inputs, long fixedSeed) {
        String seconds = System.getProperty("witbind.fuzz.seconds");
        if (seconds == null || seconds.isBlank()) {
            return new FuzzBudget(inputs, Long.MAX_VALUE, fixedSeed);
        }
        long seed = Long.getLong("witbind.fuzz.seed", System.nanoTime());
        System.out.println("fuzz " + target + ": " + seconds + " s, -Dwitbind.fuzz.seed=" + seed);
        return new FuzzBudget(Integer.MAX_VALUE,
                System.nanoTime() + Duration.ofSeconds(Long.parseLong(seconds.strip())).toNanos(), seed);
    }

    public long seed() {
        return seed;
    }

    /** Whether another input may run; counts it. */
    public boolean next() {
        if (done >= count || System.nanoTime() > deadlineNanos) {
            return false;
        }
        done++;
        return true;
    }

    /** The inputs run so far. */
    public int done() {
        return done;
    }
}
