package dev.witbind.wit.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.names.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The harness itself: each part of the rule fails a run, naming the seed and input and saving the input. */
class FuzzRunTest {
    private static final long SEED = 7L;

    /** Inputs 1, 2, 3...: the input number as text, so each failure's saved file is predictable. */
    private static FuzzRun.Inputs<String> numbers() {
        int[] n = new int[1];
        return mutator -> "input " + ++n[0];
    }

    private static FuzzRun run() {
        return new FuzzRun("harness-test", 5, SEED, IllegalArgumentException.class);
    }

    /** Version.parse documents InvalidNameException, an IllegalArgumentException. */
    @Test
    void documentedExceptionsAreRefusalsAndReturnsAcceptances() {
        FuzzRun.Outcome outcome = run().run(mutator -> mutator.random().nextBoolean() ? "1.0.0" : "1.0", Version::parse);
        assertEquals(5, outcome.inputs());
        assertEquals(5, outcome.accepted() + outcome.refused());
        assertEquals(SEED, outcome.seed());
    }

    @Test
    void anUndocumentedExceptionFailsNamingTheInputAndSavesIt() throws IOException {
        AssertionError e = assertThrows(AssertionError.class, () -> run().run(numbers(), input -> {
            if (input.equals("input 3")) {
                throw new IllegalStateException("boom");
            }
        }));
        assertTrue(e.getMessage().startsWith("fuzz target harness-test, seed 7, input 3: threw "
                + "java.lang.IllegalStateException: boom, which is none of the documented [IllegalArgumentException]"),
                e.getMessage());
        assertArrayEquals("input 3".getBytes(), Files.readAllBytes(Path.of("target/fuzz-failures/harness-test-7-3.bin")));
    }

    @Test
    void aDocumentedExceptionCausedByARunOutStackFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> run().run(numbers(), input -> {
            throw new IllegalArgumentException("too deep", new StackOverflowError());
        }));
        assertTrue(e.getMessage().contains("input 1: threw IllegalArgumentException only because of "
                + "java.lang.StackOverflowError"), e.getMessage());
    }

    @Test
    void anInputThatAllocatesTooMuchFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> run().run(numbers(), input -> {
            byte[] big = new byte[80 << 20];
            big[big.length - 1] = 1; // used, so that the allocation stays
        }));
        assertTrue(e.getMessage().contains("input 1: allocated 80 MiB, more than the 64 MiB allowed for 7 bytes"),
                e.getMessage());
    }

    @Test
    void anInputThatHangsFailsAtTheDeadlineInsteadOfHangingTheBuild() {
        long start = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class, () -> run().run(numbers(), input -> {
            if (input.equals("input 2")) {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait(); // a loop no deadline inside the target would stop
                }
            }
        }));
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertTrue(e.getMessage().startsWith("fuzz target harness-test, seed 7, input 2 ran past the 2 s deadline"),
                e.getMessage());
        assertTrue(seconds < 10, seconds + " s");
        assertTrue(e.getStackTrace()[0].getClassName().startsWith(FuzzRunTest.class.getName()),
                "the failure shows where the input is stuck: " + e.getStackTrace()[0]);
    }
}
