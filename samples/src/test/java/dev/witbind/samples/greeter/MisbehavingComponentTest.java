package dev.witbind.samples.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.samples.kv.KvStore;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The misbehaving components ({@code component/src/test/guests/misbehaving/}, one per trap class of the Canonical ABI
 * at a host import or a lifted export), on both engines: each call traps with witbind's trap naming the function and
 * the fault, the host function does not run past the fault, the instance is poisoned, and the host serves other
 * instances as before.
 */
class MisbehavingComponentTest {
    private static final String GREETER = "example:greeter/host@0.2.0";

    static Stream<Arguments> greeterCases() {
        return Stream.of(
                trap("import-string-invalid-utf8", GREETER + "#log", "invalid UTF-8 at byte 3 of the 5-byte string"),
                trap("import-string-out-of-bounds", GREETER + "#log", "(16 bytes) is out of bounds of the"),
                trap("import-string-length-wraps", GREETER + "#log", "more than the Canonical ABI's limit of 268435455"),
                trap("import-empty-string-past-end", GREETER + "#log", "(0 bytes) is out of bounds of the"),
                trap("import-list-out-of-bounds", GREETER + "#checksum", "list<u8> at"),
                trap("import-return-pointer-misaligned", GREETER + "#greet", "misaligned pointer"),
                trap("import-return-pointer-out-of-bounds", GREETER + "#greet", "the return pointer at"),
                trap("realloc-out-of-bounds", GREETER + "#greet", "the memory cabi_realloc returned for a string"),
                trap("realloc-pointer-wraps", GREETER + "#greet", "the memory cabi_realloc returned for a string"),
                trap("realloc-misaligned", GREETER + "#greet", "misaligned pointer"),
                trap("realloc-traps", GREETER + "#greet", "unreachable"),
                trap("realloc-calls-host", GREETER + "#log", "while it ran its realloc or a post-return"),
                trap("export-traps", "export 'run'", "unreachable"),
                trap("export-string-invalid-utf8", "export 'run'", "invalid UTF-8 at byte 4"),
                trap("export-string-utf8-surrogate", "export 'run'", "invalid UTF-8 at byte 4"),
                trap("export-string-utf8-overlong", "export 'run'", "invalid UTF-8 at byte 4"),
                trap("export-string-out-of-bounds", "export 'run'", "(10 bytes) is out of bounds of the"),
                trap("export-result-pointer-misaligned", "export 'run'", "misaligned pointer"),
                trap("export-result-pointer-out-of-bounds", "export 'run'", "is out of bounds of the"),
                trap("post-return-traps", "export 'run'", "unreachable"),
                trap("post-return-calls-host", GREETER + "#log", "while it ran its realloc or a post-return"));
    }

    private static Arguments trap(String fixture, String function, String reason) {
        return Arguments.of(fixture, function, reason);
    }

    private static GuestComponent load(String fixture) {
        return GuestComponent.fromResource(MisbehavingComponentTest.class.getClassLoader(),
                "guests/components/misbehaving/" + fixture + ".wasm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("greeterCases")
    void aGreeterThatBreaksTheAbiTrapsNamingTheFunctionAndTheFault(String fixture, String function, String reason) {
        for (Engine engine : Engine.values()) {
            LegacyGreeterHost host = new LegacyGreeterHost();
            Linker linker = new Linker().register(host);
            GuestInstance guest = linker.instantiate(load(fixture), engine);

            WitTrapException trap = assertThrows(WitTrapException.class,
                    () -> guest.function("run", GreeterGuests.RUN).call("x"), fixture);

            assertTrue(trap.getMessage().contains(function), fixture + ": " + trap.getMessage());
            assertTrue(trap.getMessage().contains(reason), fixture + ": " + trap.getMessage());
            assertTrue(guest.isPoisoned(), fixture);
            // the guest ran up to its misbehaviour: it logged first (but no host function ran past a fault)
            assertEquals(List.of(fixture + ": run"), host.messages(), fixture);
            WitTrapException again = assertThrows(WitTrapException.class,
                    () -> guest.function("run", GreeterGuests.RUN).call("x"));
            assertTrue(again.reason().contains("trapped earlier"), again.reason());
            // the host serves a well-behaved guest as before
            assertTrue(GreeterGuests.run(linker.instantiate(GreeterGuests.load("greeter-0.2.0.wasm"), engine), "y")
                    .startsWith("Hello, y!"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.witbind.samples.greeter.MisbehavingComponentTest#kvCases")
    void aKvGuestThatMisusesHandlesTraps(String fixture, String function, String reason) {
        for (Engine engine : Engine.values()) {
            GuestInstance guest = new Linker().register(new KvStore()).instantiate(load(fixture), engine);

            WitTrapException trap = assertThrows(WitTrapException.class, () -> guest.function("run",
                    WitFunctionType.of(List.of(), PrimitiveType.STRING)).call(), fixture);

            assertTrue(trap.getMessage().contains(function), fixture + ": " + trap.getMessage());
            assertTrue(trap.getMessage().contains(reason), fixture + ": " + trap.getMessage());
            assertTrue(guest.isPoisoned(), fixture);
        }
    }

    static Stream<Arguments> kvCases() {
        String kv = "example:kv/store@1.0.0";
        return Stream.of(
                trap("kv-drop-twice", "[resource-drop]bucket", "was never issued or has been dropped"),
                trap("kv-use-after-drop", kv + "#[method]bucket.get", "was never issued or has been dropped"),
                trap("kv-use-after-move", kv + "#[method]bucket.get", "was never issued or has been dropped"),
                trap("kv-handle-zero", kv + "#[method]bucket.get", "handle 0 for borrow<bucket> was never issued"),
                trap("kv-unknown-handle", kv + "#[method]bucket.get", "was never issued or has been dropped"),
                trap("kv-wrong-type-borrow", kv + "#[method]bucket.get", "is not a handle to bucket"),
                trap("kv-wrong-type-drop", "[resource-drop]bucket", "is not a handle to bucket"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyStringAtTheEnd")
    void anEmptyStringEndingExactlyAtTheEndOfMemoryIsValid(String fixture) {
        for (Engine engine : Engine.values()) {
            LegacyGreeterHost host = new LegacyGreeterHost();
            GuestInstance guest = new Linker().register(host).instantiate(load(fixture), engine);

            assertEquals(fixture + ": ok", GreeterGuests.run(guest, "x"));
            assertEquals(List.of(fixture + ": run", ""), host.messages());
        }
    }

    static Stream<String> emptyStringAtTheEnd() {
        return Stream.of("import-empty-string-at-end");
    }
}
