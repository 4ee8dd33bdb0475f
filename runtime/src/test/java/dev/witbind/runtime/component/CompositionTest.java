package dev.witbind.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A composition of two components ({@code component/src/test/guests/composed}): tallies (C) imports
 * {@code example:counters/counters@0.1.0}, which the counters component (C) exports and whose resource {@code counter}
 * it defines; an enclosing component instantiates both and wires one into the other, so every call of tallies' goes
 * to the other component, never to the host, but for the {@code log} that counters' destructor calls.
 */
class CompositionTest {
    private final CountersLog log = new CountersLog();
    private final List<String> logged = log.lines();

    private GuestInstance instantiate(Engine engine) {
        return log.defineIn(new Linker()).instantiate(GuestComponent.fromResource(getClass().getClassLoader(),
                "components/composed/composed.wasm"), engine);
    }

    private static WitFunctionType run() {
        return WitFunctionType.of(List.of(new WitParam("start", PrimitiveType.U32)), PrimitiveType.STRING);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void oneComponentCallsTheFunctionsAndResourcesTheOtherDefines(Engine engine) {
        GuestInstance guest = instantiate(engine);

        // counters made, incremented, read, merged and described by the other component; its string copied across
        Object report = guest.function("run", run()).call(3);

        assertEquals("a=8 b=10 merged=counter=18 live=3 after=0", report);
        // tallies dropped its three handles: counters' destructor ran for each, and logged through the host
        assertEquals(List.of("info: dropped", "info: dropped", "info: dropped"), logged);
        assertFalse(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eachCallStartsFromTheOtherComponentsStateAsItLeftIt(Engine engine) {
        GuestInstance guest = instantiate(engine);

        assertEquals("a=8 b=10 merged=counter=18 live=3 after=0", guest.function("run", run()).call(3));
        // the slots the destructor freed are used again; the numbers are the second call's own
        assertEquals("a=105 b=10 merged=counter=115 live=3 after=0", guest.function("run", run()).call(100));
        assertEquals(6, logged.size());
        assertTrue(logged.stream().allMatch("info: dropped"::equals), logged.toString());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anInstanceThatCallsAFunctionItLiftsItselfTraps(Engine engine) {
        // composed/reenter.wat lowers its own lifted 'seven' and calls it from 'call-seven'
        GuestInstance guest = new Linker().instantiate(GuestComponent.fromResource(getClass().getClassLoader(),
                "components/composed/reenter.wasm"), engine);
        WitFunctionType u32 = WitFunctionType.of(List.of(), PrimitiveType.U32);
        assertEquals(7, guest.function("seven", u32).call());

        WitTrapException trap = assertThrows(WitTrapException.class, () -> guest.function("call-seven", u32).call());

        assertEquals("trap in core func 1 (lowered in the component): the component calls a function it lifts itself, "
                + "and an instance cannot be entered again while it runs (the Canonical ABI's may_enter)",
                trap.getMessage());
        assertTrue(guest.isPoisoned());
    }
}
