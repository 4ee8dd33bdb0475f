package dev.witbind.runtime;

import static dev.witbind.wit.types.PrimitiveType.STRING;
import static dev.witbind.wit.types.PrimitiveType.U32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.abi.CanonicalOptions;
import dev.witbind.runtime.abi.InstanceState;
import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.WitFunctionType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The may_leave check is left out of an instance's imports only when none of its reallocs and post-returns can call
 * out ({@link LeaveChecks}, decided before the imports are bound): with the check gone, a guest that breaks the rule would call the host unchecked, so
 * every guest here whose realloc or post-return reaches the host, however indirectly, must still trap. The guests
 * are the core modules of {@code src/test/guests/leave}.
 */
class LeaveChecksTest {
    private static final String HOST = "test:leave/host@1.0.0";
    private static final WitFunctionType TEXT = WitFunctionType.of(List.of(), STRING);
    private static final WitFunctionType PING = WitFunctionType.of(List.of());
    private static final WitFunctionType RUN = WitFunctionType.of(List.of(), U32);

    private final AtomicInteger pings = new AtomicInteger();

    private GuestInstance instantiate(String guest, Engine engine) {
        Linker linker = new Linker();
        linker.instance(HOST)
                .func("text", TEXT, (cx, args) -> {
                    cx.storeString((int) args[0], "hello");
                    return HostCall.NO_RESULTS;
                })
                .func("ping", PING, (cx, args) -> {
                    pings.incrementAndGet();
                    return HostCall.NO_RESULTS;
                });
        return linker.instantiate(GuestModule.fromResource(getClass().getClassLoader(),
                "guests/leave/" + guest + ".wasm"), engine);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReallocThatStaysInsideAllocatesTheHostsResult(Engine engine) {
        GuestInstance guest = instantiate("realloc-contained", engine);

        assertEquals(5, guest.function("run", RUN).call());
        assertEquals(1, pings.get());
    }

    /**
     * Each guest reaches the host while it may not leave: its realloc through a function of its own, its realloc
     * through its table, its post-return through a function of its own. Each must trap, on each engine.
     */
    static Stream<Arguments> guestsThatCallOutWhileForbidden() {
        return Stream.of("realloc-calls-helper", "realloc-calls-table", "post-return-calls-helper")
                .flatMap(guest -> Stream.of(Engine.values()).map(engine -> Arguments.of(guest, engine)));
    }

    @ParameterizedTest
    @MethodSource("guestsThatCallOutWhileForbidden")
    void aFunctionRunWhileForbiddenThatReachesTheHostTraps(String guest, Engine engine) {
        GuestInstance instance = instantiate(guest, engine);

        WitTrapException trap = assertThrows(WitTrapException.class, () -> instance.function("run", RUN).call());

        assertTrue(trap.getMessage().contains("called " + HOST + "#ping while it ran its realloc or a post-return"),
                trap.getMessage());
        assertEquals(0, pings.get());
    }

    // ---- the verdict, and the two handles -------------------------------------------------------------------

    private static GuestModule module(String guest) {
        return GuestModule.fromResource(LeaveChecksTest.class.getClassLoader(), "guests/leave/" + guest + ".wasm");
    }

    private static GuestComponent component(String path) {
        return GuestComponent.fromResource(LeaveChecksTest.class.getClassLoader(), "components/" + path + ".wasm");
    }

    @Test
    void aCoreModuleNeedsTheCheckOnlyWhenAFunctionItRunsWhileForbiddenMayCallOut() {
        assertFalse(LeaveChecks.needed(module("realloc-contained").coreModule()));
        for (String guest : List.of("realloc-calls-helper", "realloc-calls-table", "post-return-calls-helper")) {
            assertTrue(LeaveChecks.needed(module(guest).coreModule()), guest);
        }
    }

    /**
     * The components' verdicts, from their canon options: a C greeter's realloc and post-returns stay inside its
     * program; the misbehaving ones reach the host from their realloc or their post-return.
     */
    @Test
    void aComponentNeedsTheCheckOnlyWhenAReallocOrPostReturnOfItsOptionsMayCallOut() {
        assertFalse(LeaveChecks.neededAtTop(component("greeter/greeter-0.2.1")));
        assertFalse(LeaveChecks.neededAtTop(component("kv/kv")));
        assertTrue(LeaveChecks.neededAtTop(component("misbehaving/realloc-calls-host")));
        assertTrue(LeaveChecks.neededAtTop(component("misbehaving/post-return-calls-host")));
    }

    @Test
    void theCheckedHandleTrapsWhileTheInstanceMayNotLeaveAndTheImportsOwnDoesNotLook() {
        InstanceState state = new InstanceState("guest");
        ImportHandle own = ping(state);
        ImportHandle checked = own.checkingMayLeave();
        assertArrayEquals(HostCall.NO_RESULTS, checked.apply(null));
        assertEquals(1, pings.get());

        state.forbidLeaving();

        WitTrapException trap = assertThrows(WitTrapException.class, () -> checked.apply(null));
        assertTrue(trap.getMessage().contains("guest 'guest' called ping while it ran its realloc"),
                trap.getMessage());
        assertEquals(1, pings.get());
        // what the engine gets where the check cannot fail: the body alone
        assertArrayEquals(HostCall.NO_RESULTS, own.apply(null));
        assertEquals(2, pings.get());
    }

    private ImportHandle ping(InstanceState state) {
        return CheckedHostCall.handles((cx, args) -> {
            pings.incrementAndGet();
            return HostCall.NO_RESULTS;
        }, PING).bind(new LiftLowerContext(CanonicalOptions.NONE, state), "ping", null);
    }
}
