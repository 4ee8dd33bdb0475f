package dev.witbind.samples.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.Linker;
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
 * A guest that breaks the Canonical ABI's rules for handles, variants, lists and return pointers
 * ({@code src/test/guests/kv-misbehaving/}, see its README). Each bad call traps naming the host function and the
 * fault; the trapped instance cannot be entered again, while a fresh instance of the same guest works.
 */
class KvMisbehavingGuestTest {
    private static final WitFunctionType RETURNS_S32 = WitFunctionType.of(List.of(), PrimitiveType.S32);
    private static final String STORE = "example:kv/store@1.0.0#";
    private static final String GONE = " was never issued or has been dropped";

    private static GuestModule guest() {
        return GuestModule.fromResource(KvMisbehavingGuestTest.class.getClassLoader(),
                "guests/kv-misbehaving/kv-misbehaving.wasm");
    }

    static Stream<Arguments> traps() {
        String get = "[method]bucket.get";
        String entries = "[method]bucket.entries";
        return Stream.of(Engine.values()).flatMap(engine -> Stream.of(
                Arguments.of(engine, "use-after-drop", get, "for borrow<bucket>" + GONE),
                Arguments.of(engine, "never-issued", get, "handle 12345 for borrow<bucket>" + GONE),
                Arguments.of(engine, "handle-zero", "[method]bucket.stats", "handle 0 for borrow<bucket>" + GONE),
                Arguments.of(engine, "drop-twice", "[resource-drop]bucket", "for bucket" + GONE),
                Arguments.of(engine, "lend-and-move", "merge",
                        "(own<bucket>) is lent to the current call, so ownership of it cannot move to the host"),
                Arguments.of(engine, "stale-handle-after-merge", get, "for borrow<bucket>" + GONE),
                Arguments.of(engine, "bad-query-discriminant", entries,
                        "invalid discriminant 7 for variant query (4 cases)"),
                Arguments.of(engine, "bad-utf8-in-list", entries, "invalid UTF-8 at byte 0 of the 2-byte string at 0x"),
                Arguments.of(engine, "keys-out-of-bounds", entries,
                        "list<string> at 0x1FFF8 (32 bytes) is out of bounds of the 131072-byte memory"),
                Arguments.of(engine, "keys-misaligned", entries, "for list<string> (alignment 4)"),
                Arguments.of(engine, "count-all-bad-handle", "count-all", "handle 999 for borrow<bucket>" + GONE),
                Arguments.of(engine, "retptr-misaligned-set", "[method]bucket.set",
                        "for the return pointer (alignment 8)")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("traps")
    void badCallsTrapNamingTheHostFunction(Engine engine, String export, String function, String reason) {
        Linker linker = new Linker().register(new KvStore());
        GuestInstance guest = linker.instantiate(guest(), engine);

        WitTrapException trap = assertThrows(WitTrapException.class, () -> guest.function(export, RETURNS_S32).call());

        assertEquals(Optional.of(STORE + function), trap.function());
        assertTrue(trap.reason().contains(reason), trap.getMessage());

        // The trapped instance is poisoned; a new instance of the same guest works.
        assertTrue(guest.isPoisoned());
        WitTrapException again = assertThrows(WitTrapException.class, () -> guest.function("ok", RETURNS_S32).call());
        assertTrue(again.getMessage().contains("trapped earlier and cannot be entered again"), again.getMessage());
        GuestInstance fresh = linker.instantiate(guest(), engine);
        assertEquals(1, fresh.function("ok", RETURNS_S32).call());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void undeclaredFlagBitsAreIgnored(Engine engine) {
        GuestInstance guest = new Linker().register(new KvStore()).instantiate(guest(), engine);

        assertEquals(1, guest.function("flags-extra-bits-ignored", RETURNS_S32).call());
        assertEquals(1, guest.function("ok", RETURNS_S32).call());
        assertFalse(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theControlCallWorks(Engine engine) {
        GuestInstance guest = new Linker().register(new KvStore()).instantiate(guest(), engine);

        assertEquals(1, guest.function("ok", RETURNS_S32).call());
    }
}
