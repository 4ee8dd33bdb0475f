package dev.witbind.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.wit.fuzz.FuzzRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of every committed core-module guest (this module's and the samples'), read with
 * {@link GuestModule#parse} and link-checked against a linker: every input is a module or a
 * {@link WitModuleException}, never another {@code Throwable}, held to the rest of {@link FuzzRun}'s rule (deadline,
 * allocation, message length).
 */
class CoreModuleFuzzTest {

    @Test
    void mutatedCoreModulesGiveOnlyOurExceptions() throws IOException {
        List<byte[]> seeds = seeds();
        FuzzRun.Outcome outcome = new FuzzRun("core-modules", 5_000, 20261202L, WitModuleException.class).run(
                mutator -> mutator.mutate(seeds.get(mutator.random().nextInt(seeds.size())), 8, seeds),
                input -> new Linker().check(GuestModule.parse("mutant", input)));
        System.out.println("fuzz core modules: " + seeds.size() + " seeds, peak heap " + peakHeapMiB() + " MiB");
        assertTrue(outcome.refused() > 0 && outcome.accepted() > 0, "both outcomes occur: " + outcome);
    }

    /**
     * Bounded memory: mutations of tiny modules, one per kind of section, where a count the mutator makes huge is
     * most of the input; {@link FuzzRun} fails any input that allocates more than 64 MiB and 100 bytes per byte.
     */
    @Test
    void mutatedTinyModulesAllocateBoundedMemory() {
        List<byte[]> seeds = TINY.stream().map(CoreModuleFuzzTest::module).toList();
        FuzzRun.Outcome outcome = new FuzzRun("tiny-core-modules", 5_000, 20261202L, WitModuleException.class).run(
                mutator -> mutator.mutate(seeds.get(mutator.random().nextInt(seeds.size())), 8, seeds),
                input -> new Linker().check(GuestModule.parse("tiny", input)));
        assertTrue(outcome.refused() > 0 && outcome.accepted() > 0, "both outcomes occur: " + outcome);
    }

    /** The tiny seeds: each a list of sections, {id, content...}, after a type section that every one has. */
    private static final List<int[][]> TINY = List.of(
            new int[][] {},
            new int[][] {{2, 1, 1, 'm', 1, 'f', 0, 0}}, // import m#f: func type 0
            new int[][] {{3, 1, 0}, {10, 1, 4, 1, 1, 0x7f, 0x0b}}, // a function with one i32 local
            new int[][] {{4, 1, 0x70, 0, 1}}, // a table of 1 funcref
            new int[][] {{5, 1, 0, 1}}, // a memory of 1 page
            new int[][] {{6, 1, 0x7f, 0, 0x41, 0, 0x0b}}, // an i32 global
            new int[][] {{3, 1, 0}, {7, 1, 1, 'f', 0, 0}, {10, 1, 2, 0, 0x0b}}, // export f
            new int[][] {{5, 1, 0, 1}, {11, 1, 0, 0x41, 0, 0x0b, 2, 'h', 'i'}}, // a data segment
            new int[][] {{3, 1, 0}, {4, 1, 0x70, 0, 1}, {9, 1, 0, 0x41, 0, 0x0b, 1, 0}, {10, 1, 2, 0, 0x0b}}, // elements
            new int[][] {{0, 1, 'x', 'y'}}); // a custom section

    /** A module of a type section of {@code () -> ()} and {@code (i32, i64) -> (f32)}, then {@code sections}. */
    private static byte[] module(int[][] sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 9, 2, 0x60, 0, 0, 0x60, 2, 0x7f, 0x7e, 1, 0x7d});
        for (int[] section : sections) {
            out.write(section[0]);
            out.write(section.length - 1); // every tiny section is under 128 bytes: a one-byte size
            for (int i = 1; i < section.length; i++) {
                out.write(section[i]);
            }
        }
        return out.toByteArray();
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
