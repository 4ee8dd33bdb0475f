package dev.witbind.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.abi.GuestResource;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Imports that go through wit-component's shim are bound straight to the lowered host function when that is
 * provably the same ({@link ShimBypass}), and only then: the jco-built fixtures, and hand-written components
 * ({@code src/test/guests/shim}, each differing from {@code shim-like-jco.wat} in one thing) that break one of the
 * conditions and must behave as their wiring says.
 */
class ShimBypassTest {
    private static final String HOST = "test:shim/host";

    private final List<String> logged = new ArrayList<>();
    /** For each host call, whether the engine reached it through a late-bound import (the bypass). */
    private final List<Boolean> bypassed = new ArrayList<>();

    private static boolean calledThroughLateBinding() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame -> frame.getClassName().equals(
                "dev.witbind.runtime.engine.chicory.LateBoundHandle")));
    }

    private static GuestComponent component(String resource) {
        return GuestComponent.fromResource(ShimBypassTest.class.getClassLoader(), resource);
    }

    private static GuestComponent shimFixture(String name) {
        return component("guests/shim/" + name + ".wasm");
    }

    private GuestInstance instantiate(GuestComponent component, Engine engine) {
        Linker linker = new Linker();
        linker.instance(HOST).func("log", WitFunctionType.of(List.of(new WitParam("message",
                PrimitiveType.STRING))), (cx, args) -> {
                    logged.add(cx.liftString((int) args[0], (int) args[1]));
                    bypassed.add(calledThroughLateBinding());
                    return HostCall.NO_RESULTS;
                });
        return linker.instantiate(component, engine);
    }

    private void run(GuestComponent component, Engine engine) {
        instantiate(component, engine).function("run", WitFunctionType.of(List.of())).call();
    }

    @Test
    void everyImportThroughTheShimOfJcoBuiltFixturesIsBypassed() {
        ShimBypass kv = component("components/kv/kv.wasm").shimBypass();
        // kv's main module takes 8 of its 10 imports through the shim (the others need no memory: canon lower and
        // resource.drop go to main directly)
        assertEquals(8, kv.bypassedImports());
        assertTrue(kv.bypasses("example:kv/store@1.0.0", "[method]bucket.get"));
        assertTrue(kv.bypasses("example:kv/store@1.0.0", "count-all"));
        assertFalse(kv.bypasses("example:kv/store@1.0.0", "merge"));
        assertFalse(kv.bypasses("example:kv/store@1.0.0", "[resource-drop]bucket"));

        // a reactor's fixup runs main's _initialize as its start function: an imported start is no obstacle
        assertTrue(component("components/reactor/reactor.wasm").shimBypass().bypassedImports() > 0);
        assertTrue(component("components/counters/counters.wasm").shimBypass().bypassedImports() > 0);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBypassedImportCallsTheHost(Engine engine) {
        GuestComponent likeJco = shimFixture("shim-like-jco");
        assertEquals(1, likeJco.shimBypass().bypassedImports());
        run(likeJco, engine);
        run(likeJco, engine); // a second instance binds its own late-bound import
        assertEquals(List.of("hello", "hello"), logged);
        assertEquals(List.of(true, true), bypassed);
    }

    /** The counters fixture's destructor logs through its {@code log.emit} import, which goes through the shim. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aJcoBuiltComponentCallsTheHostAroundTheShim(Engine engine) {
        EnumType level = new EnumType("level", List.of("info", "warn"));
        ResourceType counter = new ResourceType("example:counters/counters@0.1.0", "counter");
        Linker linker = new Linker();
        linker.instance("log").func("emit", WitFunctionType.of(List.of(new WitParam("level", level),
                new WitParam("message", PrimitiveType.STRING))), (cx, args) -> {
                    logged.add(cx.liftString((int) args[1], (int) args[2]));
                    bypassed.add(calledThroughLateBinding());
                    return HostCall.NO_RESULTS;
                });
        GuestInstance guest = linker.instantiate(component("components/counters/counters.wasm"), engine);
        GuestResource made = (GuestResource) guest.exports("example:counters/counters@0.1.0").function(
                "[constructor]counter", WitFunctionType.of(List.of(new WitParam("start", PrimitiveType.U32)),
                        HandleType.own(counter))).call(1);
        made.drop();
        assertEquals(List.of("dropped"), logged);
        assertEquals(List.of(true), bypassed);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aShimFunctionThatIsNotATrampolineIsCalled(Engine engine) {
        GuestComponent component = shimFixture("shim-not-trampoline");
        assertEquals(0, component.shimBypass().bypassedImports());
        run(component, engine);
        assertEquals(List.of("ello"), logged); // what the shim's function passes on, not what main passed
        assertEquals(List.of(false), bypassed);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aShimTableThatASecondModuleWritesIsLeftAlone(Engine engine) {
        GuestComponent component = shimFixture("shim-table-shared");
        assertEquals(0, component.shimBypass().bypassedImports());
        run(component, engine);
        assertEquals(List.of(), logged); // the second module's function is in the slot now
    }

    @Test
    void aFixupWithCodeOfItsOwnIsNotTrusted() {
        GuestComponent component = shimFixture("shim-fixup-with-code");
        assertEquals(0, component.shimBypass().bypassedImports());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCallBeforeTheFixupRanTrapsNamingTheImport(Engine engine) {
        GuestComponent component = shimFixture("shim-start-calls-import");
        assertTrue(component.shimBypass().bypasses(HOST, "log"));
        WitTrapException trap = assertThrows(WitTrapException.class, () -> instantiate(component, engine));
        assertTrue(trap.getMessage().contains("trap in " + HOST + "#log: uninitialized table element: guest "
                + "'shim-start-calls-import.wasm' called it through slot 0 of the table of core instance 0 before "
                + "core instance 4 filled that slot"), trap.getMessage());
        assertEquals(List.of(), logged);
    }
}
