package dev.witbind.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.Linker;
import dev.witbind.wit.WitException;
import dev.witbind.wit.fuzz.FuzzBudget;
import dev.witbind.wit.fuzz.Mutator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of every committed core-module guest (this module's and the samples'), read with
 * {@link GuestModule#parse} and link-checked against a linker: every input is a module or one of witbind's
 * exceptions ({@link WitException}), never another {@code Throwable}, within a second each and with bounded heap.
 */
class CoreModuleFuzzTest {

    @Test
    void mutatedCoreModulesGiveOnlyOurExceptions() throws IOException {
        List<byte[]> seeds = seeds();
        FuzzBudget budget = FuzzBudget.of("core modules", 10_000, 20261202L);
        Mutator mutator = new Mutator(budget.seed());
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(90 + Long.getLong("witbind.fuzz.seconds", 0)), () -> {
            while (budget.next()) {
                byte[] input = mutator.mutate(seeds.get(mutator.random().nextInt(seeds.size())), 8, seeds);
                String name = "mutant-" + budget.done();
                long start = System.nanoTime();
                try {
                    GuestModule module = GuestModule.parse(name, input);
                    new Linker().check(module);
                    outcomes[0]++;
                } catch (WitException expected) {
                    outcomes[1]++;
                    assertTrue(expected.getMessage().length() < 2_000, () -> name + ": a message of "
                            + expected.getMessage().length() + " characters");
                } catch (RuntimeException | Error e) {
                    fail(name + " (seed " + budget.seed() + ") threw " + e + " instead of a WitException", e);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 1_000, () -> name + " took " + millis + " ms");
            }
        });
        System.out.println("fuzz core modules: " + budget.done() + " inputs from " + seeds.size() + " seeds, "
                + outcomes[0] + " read, " + outcomes[1] + " refused, peak heap " + peakHeapMiB() + " MiB");
        assertTrue(outcomes[1] > 0, "every mutation was accepted");
    }

    /** Every core module committed beside this module's tests and the samples' (not components). */
    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path folder : List.of(Path.of("src/test/guests"), Path.of("../samples/src/main/guests"),
                Path.of("../samples/src/test/guests"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".wasm")).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    if (bytes.length > 8 && bytes[4] == 1 && bytes[5] == 0) { // version 1: a core module
                        seeds.add(bytes);
                    }
                }
            }
        }
        assertTrue(seeds.size() >= 5, "found only " + seeds.size() + " core modules to mutate");
        return seeds;
    }

    private static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
