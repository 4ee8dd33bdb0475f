package dev.witbind.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.component.binary.CoreModuleWiring;
import dev.witbind.component.binary.Definition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link CoreModuleWiring} read from the modules {@code jco new} emits, and from broken bytes. */
class CoreModuleWiringTest {
    private static final Component KV = Fixtures.component("kv/kv.wasm");

    private static List<Definition.CoreModule> modules(Component component) {
        return component.definitions().stream().filter(Definition.CoreModule.class::isInstance)
                .map(Definition.CoreModule.class::cast).toList();
    }

    @Test
    void theShimIsTrampolinesOnItsOwnTable() {
        CoreModuleWiring shim = KV.coreModuleWiring(modules(KV).get(1)).orElseThrow();
        assertEquals(0, shim.imports());
        assertEquals(1, shim.tables().size());
        assertEquals(8, shim.tables().get(0).limits().min());
        assertEquals(OptionalInt.empty(), shim.start());
        assertEquals(List.of(), shim.elements());
        assertEquals(new CoreModuleWiring.Export(CoreModuleWiring.Export.TABLE, 0), shim.exports().get("$imports"));
        Map<Integer, CoreModuleWiring.Trampoline> expected = new java.util.HashMap<>();
        IntStream.range(0, 8).forEach(i -> expected.put(i, new CoreModuleWiring.Trampoline(i)));
        assertEquals(expected, shim.trampolines());
        assertEquals(new CoreModuleWiring.Export(CoreModuleWiring.Export.FUNCTION, 5), shim.exports().get("5"));
    }

    @Test
    void theFixupOnlyWritesItsImportsIntoTheTable() {
        CoreModuleWiring fixup = KV.coreModuleWiring(modules(KV).get(2)).orElseThrow();
        assertFalse(fixup.definesFunctions());
        assertEquals(8, fixup.importedFunctions());
        assertEquals(1, fixup.importedTables());
        assertEquals(List.of(new CoreModuleWiring.ActiveElements(0, 0, List.of(0, 1, 2, 3, 4, 5, 6, 7))),
                fixup.elements());
    }

    @Test
    void aProgramHasNoTrampolines() {
        CoreModuleWiring main = KV.coreModuleWiring(modules(KV).get(0)).orElseThrow();
        assertTrue(main.definesFunctions());
        assertEquals(Map.of(), main.trampolines());
    }

    /** Every truncation and many corruptions of the shim and fixup: an answer, never an exception or a hang. */
    @Test
    void brokenModulesAreNotDescribedRatherThanFatal() {
        Random random = new Random(42);
        for (Definition.CoreModule module : modules(KV).subList(1, 3)) {
            byte[] bytes = Fixtures.bytes("kv/kv.wasm");
            int start = module.moduleOffset();
            int end = start + module.moduleLength();
            for (int cut = start; cut < end; cut++) {
                CoreModuleWiring.read(bytes, start, cut);
            }
            for (int i = 0; i < 5_000; i++) {
                byte[] mutated = bytes.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    mutated[start + 8 + random.nextInt(end - start - 8)] = (byte) random.nextInt(256);
                }
                Optional<CoreModuleWiring> wiring = CoreModuleWiring.read(mutated, start, end);
                wiring.ifPresent(CoreModuleWiring::toString);
            }
        }
    }

    @Test
    void aLargeModuleIsNotRead() {
        byte[] large = new byte[CoreModuleWiring.MAX_BYTES + 1];
        assertEquals(Optional.empty(), CoreModuleWiring.read(large, 0, large.length));
    }
}
