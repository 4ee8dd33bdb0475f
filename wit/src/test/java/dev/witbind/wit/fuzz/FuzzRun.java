package dev.witbind.wit.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rule every fuzz target is held to, in one place. For each input of its {@link FuzzBudget}, the target either
 * returns or throws one of the exceptions it documents (whose message stays short, and whose causes hold no
 * {@link VirtualMachineError}: a stack or heap that ran out and was caught is luck, not a bound); within a
 * per-input deadline; allocating at most {@link #allocationLimit} bytes. Anything else fails the test with the
 * target, seed and input number, and the input is written to {@code target/fuzz-failures/<target>-<seed>-<n>.bin}
 * to become a regression.
 *
 * <p>The inputs run on one worker thread while the test's thread watches the clock, so that a hang fails the test
 * (with the worker's stack) instead of hanging the build. Inputs are {@code byte[]} or text (saved as UTF-8).
 */
public final class FuzzRun {
    /** Generous for one small input even on a busy CI machine; the slowest targets take milliseconds. */
    static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Longer than every excerpt a message quotes, far shorter than a hostile input. */
    static final int MAX_MESSAGE = 2_000;

    /** Makes the next input from the run's seeded mutator. */
    public interface Inputs<T> {
        T next(Mutator mutator);
    }

    /** Runs one input; returning means it was accepted. */
    public interface Target<T> {
        void run(T input) throws Exception;
    }

    /** What a run did, for the test's own assertions and the line it prints. */
    public record Outcome(String target, long seed, int inputs, int accepted, int refused, long mostAllocated,
            long millis) {
        @Override
        public String toString() {
            return "fuzz " + target + ": " + inputs + " inputs (seed " + seed + ") in " + millis + " ms, " + accepted
                    + " accepted, " + refused + " refused, at most " + (mostAllocated >> 10)
                    + " KiB allocated by one input";
        }
    }

    private final String target;
    private final FuzzBudget budget;
    private final List<Class<? extends Throwable>> documented;
    private Consumer<Throwable> refusalCheck = e -> {};

    /** A run of {@code inputs} inputs from {@code fixedSeed} (or a timed run, see {@link FuzzBudget}). */
    @SafeVarargs
    public FuzzRun(String target, int inputs, long fixedSeed, Class<? extends Throwable>... documented) {
        this.target = target;
        this.budget = FuzzBudget.of(target, inputs, fixedSeed);
        this.documented = List.of(documented);
    }

    /** A further check of each documented exception the target throws (a position inside the input, say). */
    public FuzzRun checkingRefusals(Consumer<Throwable> check) {
        this.refusalCheck = check;
        return this;
    }

    /**
     * The most one input may allocate: 64 MiB (what reading a few hundred kilobytes of valid input costs, with
     * room) and 100 bytes per input byte; what a declared count alone could make a reader allocate is far more.
     */
    public static long allocationLimit(int inputBytes) {
        return (64L << 20) + 100L * inputBytes;
    }

    /** Runs the budget's inputs through {@code body}; fails on the first input that breaks the rule. */
    public <T> Outcome run(Inputs<T> inputs, Target<T> body) {
        Mutator mutator = new Mutator(budget.seed());
        Worker<T> worker = new Worker<>(inputs, body, mutator);
        Thread thread = new Thread(worker, "fuzz-" + target);
        thread.setDaemon(true); // a hung input must not keep the JVM alive after the failure is reported
        long start = System.nanoTime();
        thread.start();
        try {
            while (thread.isAlive()) {
                thread.join(50);
                long since = worker.inputStart;
                if (since != 0 && System.nanoTime() - since > DEADLINE.toNanos() && thread.isAlive()) {
                    AssertionError hang = new AssertionError(where(worker.number) + " ran past the "
                            + DEADLINE.toSeconds() + " s deadline" + saved(worker.number, worker.current));
                    hang.setStackTrace(thread.getStackTrace()); // where it is stuck
                    thread.interrupt();
                    throw hang;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while fuzzing " + target, e);
        }
        if (worker.failure != null) {
            throw worker.failure;
        }
        Outcome outcome = new Outcome(target, budget.seed(), budget.done(), worker.accepted, worker.refused,
                worker.mostAllocated, (System.nanoTime() - start) / 1_000_000);
        System.out.println(outcome);
        return outcome;
    }

    private String where(int number) {
        return "fuzz target " + target + ", seed " + budget.seed() + ", input " + number;
    }

    /** Writes the input where the README of fuzz regressions says to look; the message says where it went. */
    private String saved(int number, Object input) {
        byte[] bytes = bytesOf(input);
        Path file = Path.of("target", "fuzz-failures", target.replaceAll("[^A-Za-z0-9.-]", "-") + "-"
                + budget.seed() + "-" + number + ".bin");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return " (" + bytes.length + " bytes, saved as " + file.toAbsolutePath() + ")";
    }

    private static byte[] bytesOf(Object input) {
        return input instanceof byte[] bytes ? bytes : String.valueOf(input).getBytes(StandardCharsets.UTF_8);
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** The worker's loop; its fields are read by the watching thread. */
    private final class Worker<T> implements Runnable {
        private final Inputs<T> inputs;
        private final Target<T> body;
        private final Mutator mutator;
        volatile long inputStart;
        volatile int number;
        volatile Object current;
        int accepted;
        int refused;
        long mostAllocated;
        AssertionError failure;

        Worker(Inputs<T> inputs, Target<T> body, Mutator mutator) {
            this.inputs = inputs;
            this.body = body;
            this.mutator = mutator;
        }

        @Override
        public void run() {
            while (budget.next()) {
                T input = inputs.next(mutator);
                current = input;
                number = budget.done();
                long allocatedBefore = allocatedByThisThread();
                inputStart = System.nanoTime();
                Throwable thrown = null;
                try {
                    body.run(input);
                } catch (Throwable t) {
                    thrown = t;
                }
                inputStart = 0;
                long allocated = allocatedByThisThread() - allocatedBefore;
                mostAllocated = Math.max(mostAllocated, allocated);
                String problem = problem(thrown);
                // the input's size matters only past the floor; encoding every text input would cost more than it
                int size = allocated > allocationLimit(0) ? bytesOf(input).length : 0;
                if (problem == null && allocated > allocationLimit(size)) {
                    problem = "allocated " + (allocated >> 20) + " MiB, more than the " + (allocationLimit(size) >> 20)
                            + " MiB allowed for " + size + " bytes of input";
                }
                if (problem != null) {
                    // a message too long to read is left out, not printed as the cause
                    boolean readable = thrown == null || String.valueOf(thrown.getMessage()).length() <= MAX_MESSAGE;
                    failure = new AssertionError(where(number) + ": " + problem + saved(number, input),
                            readable ? thrown : null);
                    return;
                }
                if (thrown == null) {
                    accepted++;
                } else {
                    refused++;
                }
            }
        }

        /** What breaks the rule in how the input ended, or null. */
        private String problem(Throwable thrown) {
            if (thrown == null) {
                return null;
            }
            if (documented.stream().noneMatch(type -> type.isInstance(thrown))) {
                return "threw " + thrown + ", which is none of the documented " + documented.stream()
                        .map(Class::getSimpleName).toList();
            }
            for (Throwable cause = thrown.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof VirtualMachineError) {
                    return "threw " + thrown.getClass().getSimpleName() + " only because of " + cause
                            + ", which a bounded reader never reaches";
                }
            }
            String message = String.valueOf(thrown.getMessage());
            if (message.length() > MAX_MESSAGE) {
                return "a message of " + message.length() + " characters, which quotes too much of the input: "
                        + message.substring(0, 200) + "...";
            }
            try {
                refusalCheck.accept(thrown);
            } catch (AssertionError e) {
                return "the refusal fails its check: " + e.getMessage();
            }
            return null;
        }
    }

    /** For a test that compares texts: the first {@code max} characters of {@code text}, and its length. */
    public static String shown(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "... (" + text.length() + " chars)" : text;
    }
}
