package dev.witbind.runtime;

import static dev.witbind.runtime.abi.ProbeHost.echo;
import static dev.witbind.runtime.abi.ProbeHost.param;
import static dev.witbind.wit.types.PrimitiveType.CHAR;
import static dev.witbind.wit.types.PrimitiveType.F64;
import static dev.witbind.wit.types.PrimitiveType.STRING;
import static dev.witbind.wit.types.PrimitiveType.U32;
import static dev.witbind.wit.types.PrimitiveType.U64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.abi.HostValueException;
import dev.witbind.runtime.abi.ProbeHost;
import dev.witbind.runtime.errors.WitHostException;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.WitFunctionType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What happens when a call goes wrong on the real {@code abi-probe} guest: host functions that throw or return
 * values the Canonical ABI cannot carry, guests that break its rules, and callers that pass the wrong arguments.
 * A failure of the guest or of a host function poisons that instance only; a caller's mistake poisons nothing.
 */
class GuestCallFailuresTest {
    private static final String IMPORT = ProbeHost.INTERFACE + "#";
    private static final GuestModule GUEST = ProbeHost.guest("abi-probe.wasm");
    private static final WitFunctionType ADD_U64 =
            WitFunctionType.of(List.of(param("a", U64), param("b", U64)), U64);
    private static final WitFunctionType CONCAT =
            WitFunctionType.of(List.of(param("a", STRING), param("b", STRING)), STRING);
    private static final WitFunctionType NO_ARGS_STRING = WitFunctionType.of(List.of(), STRING);

    private final ProbeHost host = new ProbeHost();

    private Linker linker() {
        Linker linker = new Linker();
        host.defineInto(linker.instance(ProbeHost.INTERFACE));
        return linker;
    }

    // ---- host functions that fail ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHostFunctionThatThrowsPoisonsItsInstanceOnly(Engine engine) {
        IllegalStateException boom = new IllegalStateException("boom");
        Linker linker = new Linker();
        host.defineInto(linker.instance(ProbeHost.INTERFACE), Set.of("echo-u64"));
        linker.instance(ProbeHost.INTERFACE).func("echo-u64", ProbeHost.ECHO_U64, (cx, args) -> {
            throw boom;
        });
        GuestInstance first = linker.instantiate(GUEST, engine);
        GuestInstance second = linker.instantiate(GUEST, engine);

        WitHostException thrown = assertThrows(WitHostException.class,
                () -> first.function("call-echo-u64", echo("v", U64)).call(7L));

        assertEquals(IMPORT + "echo-u64", thrown.function());
        assertEquals("host function " + IMPORT + "echo-u64 threw java.lang.IllegalStateException: boom",
                thrown.getMessage());
        assertSame(boom, thrown.getCause());
        assertTrue(first.isPoisoned());
        WitTrapException again = assertThrows(WitTrapException.class,
                () -> first.function("add-u64", ADD_U64).call(1L, 2L));
        assertEquals("trap in export 'add-u64' of guest 'abi-probe.wasm': guest 'abi-probe.wasm' trapped earlier and "
                + "cannot be entered again (" + thrown.getMessage() + ")", again.getMessage());

        assertFalse(second.isPoisoned());
        assertEquals(3L, second.function("add-u64", ADD_U64).call(1L, 2L));
        assertEquals(-0.25, second.function("call-echo-f64", echo("v", F64)).call(-0.25));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHostStringWithAnUnpairedSurrogateIsAHostError(Engine engine) {
        host.scalarsReturns("ok\uD800!");
        GuestInstance guest = linker().instantiate(GUEST, engine);

        WitHostException thrown = assertThrows(WitHostException.class,
                () -> guest.function("call-scalars", NO_ARGS_STRING).call());

        assertEquals(IMPORT + "scalars", thrown.function());
        assertEquals("host function " + IMPORT + "scalars returned a string with an unpaired surrogate at index 2 of "
                + "a string, which cannot be encoded as UTF-8", thrown.getMessage());
        assertTrue(thrown.getCause() instanceof HostValueException);
        assertTrue(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHostCharThatIsNoScalarValueIsAHostError(Engine engine) {
        for (int invalid : new int[] {0xD800, 0xDFFF, 0x110000, -1}) {
            ProbeHost badHost = new ProbeHost().echoCharReturns(invalid);
            Linker linker = new Linker();
            badHost.defineInto(linker.instance(ProbeHost.INTERFACE));
            GuestInstance guest = linker.instantiate(GUEST, engine);

            WitHostException thrown = assertThrows(WitHostException.class,
                    () -> guest.function("call-echo-char", echo("c", CHAR)).call((int) 'x'));

            assertEquals(IMPORT + "echo-char", thrown.function());
            assertEquals(String.format("host function %secho-char returned 0x%X as a WIT char, which must be a "
                    + "Unicode scalar value", IMPORT, Integer.toUnsignedLong(invalid)), thrown.getMessage());
            assertEquals(List.of("echo-char U+0078"), badHost.seen());
            assertTrue(guest.isPoisoned());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHostCallThatReturnsTheWrongNumberOfCoreValuesIsAHostError(Engine engine) {
        for (long[] results : new long[][] {HostCall.NO_RESULTS, {1L, 2L}}) {
            Linker linker = new Linker();
            host.defineInto(linker.instance(ProbeHost.INTERFACE), Set.of("echo-u64"));
            linker.instance(ProbeHost.INTERFACE).func("echo-u64", ProbeHost.ECHO_U64, (cx, args) -> results);
            GuestInstance guest = linker.instantiate(GUEST, engine);

            // (i64) -> (i64) has one result: the engine must not make one up or pick one
            WitHostException thrown = assertThrows(WitHostException.class,
                    () -> guest.function("call-echo-u64", echo("v", U64)).call(7L));

            assertEquals(IMPORT + "echo-u64", thrown.function());
            assertTrue(thrown.getMessage().contains("returned " + results.length + " core values"),
                    thrown.getMessage());
            assertTrue(guest.isPoisoned());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGuestCannotBeReenteredWhileItIsCallingTheHost(Engine engine) {
        AtomicReference<GuestInstance> self = new AtomicReference<>();
        AtomicReference<Throwable> reentry = new AtomicReference<>();
        Linker linker = new Linker();
        host.defineInto(linker.instance(ProbeHost.INTERFACE), Set.of("echo-u64"));
        linker.instance(ProbeHost.INTERFACE).func("echo-u64", ProbeHost.ECHO_U64, (cx, args) -> {
            try {
                self.get().function("add-u64", ADD_U64).call(1L, 2L);
            } catch (RuntimeException e) {
                reentry.set(e);
            }
            return new long[] {args[0]};
        });
        GuestInstance guest = linker.instantiate(GUEST, engine);
        self.set(guest);

        Object result = guest.function("call-echo-u64", echo("v", U64)).call(5L);

        // Canonical ABI: a component instance that is calling out cannot be entered (may_enter is false)
        assertTrue(reentry.get() instanceof WitTrapException, "re-entering the guest gave " + reentry.get());
        assertEquals(Optional.of("export 'add-u64' of guest 'abi-probe.wasm'"),
                ((WitTrapException) reentry.get()).function());
        assertEquals(5L, result);
        assertFalse(guest.isPoisoned());
        assertEquals(3L, guest.function("add-u64", ADD_U64).call(1L, 2L));
    }

    // ---- guests that break the Canonical ABI -------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGuestStringThatIsNotUtf8Traps(Engine engine) {
        GuestInstance guest = linker().instantiate(GUEST, engine);

        WitTrapException trap = assertThrows(WitTrapException.class,
                () -> guest.function("bad-utf8", NO_ARGS_STRING).call());

        assertEquals(Optional.of("export 'bad-utf8' of guest 'abi-probe.wasm'"), trap.function());
        assertTrue(trap.reason().startsWith("invalid UTF-8 at byte 1 of the 4-byte string at 0x"), trap.reason());
        assertTrue(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGuestStringPastTheEndOfMemoryTraps(Engine engine) {
        GuestInstance guest = linker().instantiate(GUEST, engine);
        int memorySize = (Integer) guest.function("memory-size", WitFunctionType.of(List.of(), U32)).call();

        WitTrapException trap = assertThrows(WitTrapException.class,
                () -> guest.function("out-of-bounds-string", NO_ARGS_STRING).call());

        assertEquals(String.format("string at 0x%X (3 bytes) is out of bounds of the %d-byte memory", memorySize - 2,
                memorySize), trap.reason());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMisalignedResultPointerTraps(Engine engine) {
        Linker linker = linker();
        // the same export seen as returning the raw pointer, on a second instance (the first one traps)
        int pointer = (Integer) linker.instantiate(GUEST, engine)
                .function("misaligned-result", WitFunctionType.of(List.of(), U32)).call();
        GuestInstance guest = linker.instantiate(GUEST, engine);

        WitTrapException trap = assertThrows(WitTrapException.class,
                () -> guest.function("misaligned-result", NO_ARGS_STRING).call());

        assertEquals(1, pointer & 3);
        assertEquals(String.format("misaligned pointer 0x%X for the result (alignment 4)", pointer), trap.reason());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEngineTrapIsAWitTrapThatNamesTheExport(Engine engine) {
        GuestInstance guest = linker().instantiate(GUEST, engine);

        WitTrapException trap = assertThrows(WitTrapException.class,
                () -> guest.function("trap", WitFunctionType.of(List.of())).call());

        assertEquals(Optional.of("export 'trap' of guest 'abi-probe.wasm'"), trap.function());
        assertTrue(trap.reason().toLowerCase(Locale.ROOT).contains("unreachable"), trap.reason());
        assertTrue(guest.isPoisoned());
    }

    // ---- callers that pass the wrong arguments -----------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Engine.class)
    void wrongArgumentCountsAndTypesAreRejectedWithoutPoisoning(Engine engine) {
        GuestInstance guest = linker().instantiate(GUEST, engine);
        GuestFunction add = guest.function("add-u64", ADD_U64);

        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class, () -> add.call(1L));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> add.call(1L, 2L, 3L));
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class, () -> add.call(1, 2L));
        IllegalArgumentException nullArgument = assertThrows(IllegalArgumentException.class, () -> add.call(1L, null));

        String export = "export 'add-u64' of guest 'abi-probe.wasm'";
        assertEquals(export + " takes 2 arguments func(a: u64, b: u64) -> u64, not 1", tooFew.getMessage());
        assertEquals(export + " takes 2 arguments func(a: u64, b: u64) -> u64, not 3", tooMany.getMessage());
        assertEquals(export + ": argument 'a' (u64) must be a Long, not Integer", wrongType.getMessage());
        assertEquals(export + ": argument 'b' (u64) must be a Long, not null", nullArgument.getMessage());
        assertFalse(guest.isPoisoned());
        assertEquals(5L, add.call(2L, 3L));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStringArgumentWithAnUnpairedSurrogateIsRejectedWithoutPoisoning(Engine engine) {
        GuestInstance guest = linker().instantiate(GUEST, engine);
        GuestFunction concat = guest.function("concat", CONCAT);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> concat.call("ok", "\uDC00"));

        assertEquals("export 'concat' of guest 'abi-probe.wasm': argument 'b' (string) has an unpaired surrogate at "
                + "index 0, which UTF-8 cannot encode", thrown.getMessage());
        assertFalse(guest.isPoisoned());
        assertEquals("okay", concat.call("ok", "ay"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCharArgumentThatIsNoScalarValueIsRejectedWithoutPoisoning(Engine engine) {
        GuestInstance guest = linker().instantiate(GUEST, engine);
        GuestFunction next = guest.function("next-char", echo("c", CHAR));

        for (int invalid : new int[] {0xD800, 0x110000, -1}) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> next.call(invalid));
            assertEquals(String.format("export 'next-char' of guest 'abi-probe.wasm': argument 'c' (char) is 0x%X, "
                    + "which is not a Unicode scalar value", Integer.toUnsignedLong(invalid)), thrown.getMessage());
        }
        assertFalse(guest.isPoisoned());
        assertEquals(0x42, next.call(0x41));
    }
}
