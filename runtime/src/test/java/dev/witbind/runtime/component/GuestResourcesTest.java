package dev.witbind.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestExports;
import dev.witbind.runtime.GuestFunction;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.abi.GuestResource;
import dev.witbind.runtime.errors.WitExportException;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The counters component ({@code component/src/test/guests/counters}): an exported interface whose resource the guest
 * defines (constructor, methods, a static function, a destructor that calls back into the host), reached through a
 * nested component that re-exports it; a world-level function returning a world-level record; an imported inline
 * interface with an enum.
 */
class GuestResourcesTest {
    private static final String COUNTERS = "example:counters/counters@0.1.0";
    private static final ResourceType COUNTER = new ResourceType(COUNTERS, "counter");
    private final CountersLog log = new CountersLog();
    private final List<String> logged = log.lines();

    private GuestInstance instantiate(Engine engine) {
        return log.defineIn(new Linker()).instantiate(GuestComponent.fromResource(getClass().getClassLoader(),
                "components/counters/counters.wasm"), engine);
    }

    private static WitParam param(String name, dev.witbind.wit.types.WitType type) {
        return new WitParam(name, type);
    }

    private static GuestFunction constructor(GuestExports counters) {
        return counters.function("[constructor]counter",
                WitFunctionType.of(List.of(param("start", PrimitiveType.U32)), HandleType.own(COUNTER)));
    }

    private static GuestFunction increment(GuestExports counters) {
        return counters.function("[method]counter.increment", WitFunctionType.of(List.of(
                param("self", HandleType.borrow(COUNTER)), param("by", PrimitiveType.U32)), PrimitiveType.U32));
    }

    private static GuestFunction live(GuestExports counters) {
        return counters.function("live", WitFunctionType.of(List.of(), PrimitiveType.U32));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theHostMakesUsesAndDropsTheGuestsOwnResource(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestExports counters = guest.exports(COUNTERS);

        GuestResource a = (GuestResource) constructor(counters).call(5);
        GuestResource b = (GuestResource) constructor(counters).call(10);
        assertEquals(7, increment(counters).call(a, 2));
        assertEquals(7, counters.function("[method]counter.value",
                WitFunctionType.of(List.of(param("self", HandleType.borrow(COUNTER))), PrimitiveType.U32)).call(a));
        GuestResource merged = (GuestResource) counters.function("[static]counter.merge", WitFunctionType.of(List.of(
                param("a", HandleType.borrow(COUNTER)), param("b", HandleType.borrow(COUNTER))),
                HandleType.own(COUNTER))).call(a, b);
        assertEquals("counter=17", counters.function("describe", WitFunctionType.of(List.of(
                param("c", HandleType.borrow(COUNTER))), PrimitiveType.STRING)).call(merged));
        assertEquals(3, live(counters).call());
        assertTrue(a.isOwnedByHost());

        a.drop();
        merged.drop();

        assertTrue(a.isDropped());
        assertEquals(1, live(counters).call());
        // the destructor logged through the host's log import, while the instance was entered
        assertEquals(List.of("info: dropped", "info: dropped"), logged);
        assertEquals(COUNTER, b.type());
        assertFalse(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDroppedResourceOrOneOfAnotherInstanceIsRefused(Engine engine) {
        GuestInstance first = instantiate(engine);
        GuestInstance second = instantiate(engine);
        GuestResource mine = (GuestResource) constructor(first.exports(COUNTERS)).call(1);

        // refused before the guest is entered, as every bad argument is: nothing is poisoned
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> increment(second.exports(COUNTERS)).call(mine, 1));
        assertEquals("export 'example:counters/counters@0.1.0#[method]counter.increment' of guest 'counters.wasm': "
                + "argument 'self' (borrow<counter>) is counter 1 of guest 'counters.wasm', which another instance "
                + "made: a guest's resource goes back only to the instance that defines it", foreign.getMessage());

        mine.drop();
        IllegalStateException twice = assertThrows(IllegalStateException.class, mine::drop);
        assertTrue(twice.getMessage().contains("was dropped already"), twice.getMessage());
        IllegalArgumentException dropped = assertThrows(IllegalArgumentException.class,
                () -> increment(first.exports(COUNTERS)).call(mine, 1));
        assertTrue(dropped.getMessage().endsWith("is counter 1 of guest 'counters.wasm', which was dropped"),
                dropped.getMessage());
        assertFalse(first.isPoisoned());
        assertFalse(second.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWorldLevelFunctionReturnsAWorldLevelRecord(Engine engine) {
        GuestInstance guest = instantiate(engine);
        RecordType point = new RecordType("point", List.of(new RecordType.Field("x", PrimitiveType.S32),
                new RecordType.Field("y", PrimitiveType.S32)));

        Object origin = guest.function("origin", WitFunctionType.of(List.of(), point)).call();

        assertEquals(Map.of("x", 0, "y", 0), origin);
        assertEquals(List.of("example:counters/counters@0.1.0", "origin"), guest.exportNames());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void exportsAreFoundOnTheirTrackAndTypesAreChecked(Engine engine) {
        GuestInstance guest = instantiate(engine);

        // a host written against 0.1.3 finds the guest's 0.1.0 export, on the same track
        assertEquals(0, live(guest.exports("example:counters/counters@0.1.3")).call());
        // "interface#function", as for core modules and as @WitBindgen's proxies name exported functions
        assertEquals(0, guest.function("example:counters/counters@0.1.3#live",
                WitFunctionType.of(List.of(), PrimitiveType.U32)).call());
        assertThrows(WitExportException.class, () -> guest.function("example:counters/counters@0.2.0#live",
                WitFunctionType.of(List.of(), PrimitiveType.U32)));

        WitExportException wrongType = assertThrows(WitExportException.class, () -> guest.exports(COUNTERS)
                .function("live", WitFunctionType.of(List.of(), PrimitiveType.U64)));
        assertEquals("guest 'counters.wasm' exports 'live' in example:counters/counters@0.1.0 as func() -> u32, not "
                + "func() -> u64: the result: it is u32, the host expects u64", wrongType.getMessage());
        WitExportException noSuchInterface = assertThrows(WitExportException.class,
                () -> guest.exports("example:counters/counters@0.2.0"));
        assertEquals("guest 'counters.wasm' exports no instance 'example:counters/counters@0.2.0'; it exports "
                + "example:counters/counters@0.1.0, origin", noSuchInterface.getMessage());
    }
}
