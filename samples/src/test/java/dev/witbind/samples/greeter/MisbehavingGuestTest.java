package dev.witbind.samples.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guests that break the Canonical ABI, built from {@code src/test/guests/misbehaving/*.c}. Each bad call traps
 * with an exception of ours naming the function and the fault, before the host method runs; the trapped instance
 * cannot be entered again, while the host and a fresh instance keep working.
 */
class MisbehavingGuestTest {
    private static final WitFunctionType RETURNS_S32 = WitFunctionType.of(List.of(), PrimitiveType.S32);
    private static final WitFunctionType RETURNS_STRING = WitFunctionType.of(List.of(), PrimitiveType.STRING);

    private static GuestModule guest(String file) {
        return GuestModule.fromResource(MisbehavingGuestTest.class.getClassLoader(), "guests/misbehaving/" + file);
    }

    static Stream<Arguments> importTraps() {
        String log = "example:greeter/host@0.2.1#log";
        String greet = "example:greeter/host@0.2.1#greet";
        String repeat = "example:greeter/host@0.2.1#repeat";
        String checksum = "example:greeter/host@0.2.1#checksum";
        String notAChar = ": not a Unicode scalar value (surrogates and values above U+10FFFF are not chars)";
        return Stream.of(Engine.values()).flatMap(engine -> Stream.of(
                Arguments.of(engine, "log-invalid-utf8", log, "invalid UTF-8 at byte 1 of the 3-byte string at 0x"),
                Arguments.of(engine, "log-lone-surrogate-utf8", log, "invalid UTF-8 at byte 0 of the 3-byte string at"),
                Arguments.of(engine, "log-out-of-bounds", log,
                        "string at 0x1FFFC (16 bytes) is out of bounds of the 131072-byte memory"),
                Arguments.of(engine, "log-wrapping-length", log,
                        "the string at 0x10 is 4294967288 bytes long, more than the Canonical ABI's limit of 268435455"),
                Arguments.of(engine, "log-empty-past-end", log,
                        "string at 0x20001 (0 bytes) is out of bounds of the 131072-byte memory"),
                Arguments.of(engine, "greet-misaligned-retptr", greet, "for the return pointer (alignment 4)"),
                Arguments.of(engine, "greet-retptr-out-of-bounds", greet,
                        "the return pointer at 0x1FFFC (8 bytes) is out of bounds of the 131072-byte memory"),
                Arguments.of(engine, "repeat-surrogate", repeat, "invalid char 0xD800" + notAChar),
                Arguments.of(engine, "repeat-too-large", repeat, "invalid char 0x110000" + notAChar),
                Arguments.of(engine, "checksum-out-of-bounds", checksum,
                        "list<u8> at 0x7FFFFFF0 (64 bytes) is out of bounds of the 131072-byte memory")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("importTraps")
    void badArgumentsToHostFunctionsTrapNamingTheImport(Engine engine, String export, String function, String reason) {
        GreeterHost host = new GreeterHost();
        Linker linker = new Linker().register(host);
        GuestInstance guest = linker.instantiate(guest("misbehaving.wasm"), engine);

        WitTrapException trap = assertThrows(WitTrapException.class, () -> guest.function(export, RETURNS_S32).call());

        assertEquals(Optional.of(function), trap.function());
        assertTrue(trap.getMessage().startsWith("trap in " + function + ": "), trap.getMessage());
        assertTrue(trap.getMessage().contains(reason), trap.getMessage());
        assertTrue(host.messages().isEmpty(), "the host method must not run: " + host.messages());

        // The trapped instance is poisoned; the host and a new instance of the same guest are fine.
        assertTrue(guest.isPoisoned());
        WitTrapException again = assertThrows(WitTrapException.class, () -> guest.function("ok", RETURNS_S32).call());
        assertTrue(again.getMessage().contains("trapped earlier and cannot be entered again"), again.getMessage());
        GuestInstance fresh = linker.instantiate(guest("misbehaving.wasm"), engine);
        assertEquals(1, fresh.function("ok", RETURNS_S32).call());
        assertEquals(List.of("still alive"), host.messages());
    }

    static Stream<Arguments> exportTraps() {
        return Stream.of(Engine.values()).flatMap(engine -> Stream.of(
                Arguments.of(engine, "bad-string-result", "invalid UTF-8 at byte 0 of the 2-byte string at 0x"),
                Arguments.of(engine, "result-pointer-out-of-bounds",
                        "the result at 0xFFFFFFF0 (8 bytes) is out of bounds of the 131072-byte memory"),
                Arguments.of(engine, "misaligned-result-pointer", "for the result (alignment 4)")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("exportTraps")
    void badResultsFromGuestExportsTrapNamingTheExport(Engine engine, String export, String reason) {
        GuestInstance guest = new Linker().register(new GreeterHost()).instantiate(guest("misbehaving.wasm"), engine);

        WitTrapException trap = assertThrows(WitTrapException.class, () -> guest.function(export, RETURNS_STRING).call());

        assertEquals(Optional.of("export '" + export + "' of guest 'misbehaving.wasm'"), trap.function());
        assertTrue(trap.reason().contains(reason), trap.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reallocReturningAnOutOfBoundsPointerTraps(Engine engine) {
        GuestInstance guest = new Linker().register(new GreeterHost()).instantiate(guest("bad-realloc.wasm"), engine);

        WitTrapException trap = assertThrows(WitTrapException.class,
                () -> guest.function("call-greet", RETURNS_S32).call());

        assertEquals(Optional.of("example:greeter/host@0.2.1#greet"), trap.function());
        assertTrue(trap.reason().contains("the memory cabi_realloc returned for a string at 0xFFFFFF00 (9 bytes) is "
                + "out of bounds"), trap.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reallocReturningAnOddAddressIsFineForStringBytes(Engine engine) {
        GuestInstance guest = new Linker().register(new GreeterHost()).instantiate(guest("odd-realloc.wasm"), engine);

        // Returns the byte length of greet("x") = "Hello, x!", or -1 if the host ignored the odd address.
        assertEquals(9, guest.function("call-greet", RETURNS_S32).call());
        assertFalse(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void guestWithoutReallocIsRefusedAtLinkTimeForFunctionsReturningStrings(Engine engine) {
        Linker linker = new Linker().register(new GreeterHost());
        WitLinkException refused = assertThrows(WitLinkException.class,
                () -> linker.instantiate(guest("no-realloc.wasm"), engine));

        assertEquals("cannot link guest 'no-realloc.wasm': 1 of 1 import is unresolved\n"
                + "  - example:greeter/host@0.2.1 greet: 'greet' returns string, which the host writes into memory it "
                + "allocates with the guest's cabi_realloc, but the guest does not export cabi_realloc with type "
                + "(i32, i32, i32, i32) -> (i32)", refused.getMessage());
    }
}
