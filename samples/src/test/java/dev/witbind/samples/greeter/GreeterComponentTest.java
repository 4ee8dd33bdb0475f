package dev.witbind.samples.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.ImportBinding;
import dev.witbind.runtime.InstancePre;
import dev.witbind.runtime.LinkReport;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitLinkException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DESIGN.md section 2's linking matrix, with components: the greeter built by {@code jco new} against five versions
 * of {@code example:greeter/host}, linked against the same generated hosts as the core-module guests (0.2.1 and
 * 0.2.0), and run on both engines. Each component's {@code run} logs, calls every host function it imports, and
 * returns what they returned.
 */
class GreeterComponentTest {
    private static final String NAME = "Wörld";
    private static final long SEED = 0x0123456789ABCDEFL;

    static GuestComponent load(String file) {
        return GuestComponent.fromResource(GreeterComponentTest.class.getClassLoader(),
                "guests/components/greeter/" + file);
    }

    private static String run(GuestInstance guest) {
        return (String) guest.function("run", GreeterGuests.RUN).call(NAME);
    }

    private static String checksum(byte[] bytes) {
        return String.format("%016x", Greetings.checksum(bytes, SEED));
    }

    private static void assertBoundTo(GuestInstance guest, String instance, Optional<String> track) {
        assertFalse(guest.linkPlan().bindings().isEmpty());
        for (ImportBinding binding : guest.linkPlan().bindings()) {
            assertEquals(instance, binding.instanceName(), binding.describe());
            assertEquals(track, binding.track(), binding.describe());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aComponentBuiltAgainstTheOlderVersionRunsOnTheNewerHostThroughTheTrack(Engine engine) {
        GreeterHost host = new GreeterHost();
        GuestInstance guest = new Linker().register(host).instantiate(load("greeter-0.2.0.wasm"), engine);

        assertBoundTo(guest, "example:greeter/host@0.2.1", Optional.of("example:greeter/host@0.2"));
        assertEquals(List.of("example:greeter/host@0.2.0#log -> example:greeter/host@0.2.1#log (via track "
                        + "example:greeter/host@0.2)",
                "example:greeter/host@0.2.0#greet -> example:greeter/host@0.2.1#greet (via track "
                        + "example:greeter/host@0.2)",
                "example:greeter/host@0.2.0#checksum -> example:greeter/host@0.2.1#checksum (via track "
                        + "example:greeter/host@0.2)"),
                guest.linkPlan().bindings().stream().map(ImportBinding::describe).toList());
        assertEquals("Hello, Wörld! #" + checksum(NAME.getBytes(StandardCharsets.UTF_8)), run(guest));
        assertEquals(List.of("greeter 0.2.0 run: Wörld"), host.messages());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aComponentOfTheHostsOwnVersionUsesTheNewFunctions(Engine engine) {
        GreeterHost host = new GreeterHost();
        GuestInstance guest = new Linker().register(host).instantiate(load("greeter-0.2.1.wasm"), engine);

        assertBoundTo(guest, "example:greeter/host@0.2.1", Optional.empty());
        assertEquals("Hello, Wörld! WÖRLD! \uD83C\uDF89\uD83C\uDF89\uD83C\uDF89 #"
                + checksum(NAME.getBytes(StandardCharsets.UTF_8)), run(guest));
        // run twice: the guest's post-return resets its arena between calls
        assertEquals(run(guest), run(guest));
        assertEquals(3, host.messages().size());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aNewerComponentThatUsesOnlyTheOlderFunctionsRunsOnBothHosts(Engine engine) {
        for (Linker linker : List.of(new Linker().register(new GreeterHost()),
                new Linker().register(new LegacyGreeterHost()))) {
            GuestInstance guest = linker.instantiate(load("greeter-0.2.9.wasm"), engine);
            assertEquals("Hello, Wörld! #" + checksum(NAME.getBytes(StandardCharsets.UTF_8)), run(guest));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aComponentUsingFunctionsTheOlderHostLacksIsRefusedNamingThem(Engine engine) {
        Linker linker = new Linker().register(new LegacyGreeterHost());

        WitLinkException refused = assertThrows(WitLinkException.class,
                () -> linker.instantiate(load("greeter-0.2.1.wasm"), engine));

        assertEquals(List.of("shout", "repeat"), refused.unresolved().stream().map(u -> u.field()).toList());
        assertEquals("cannot link guest 'greeter-0.2.1.wasm': 2 of 5 imports are unresolved\n"
                + "  - example:greeter/host@0.2.1 shout: 'example:greeter/host@0.2.0' (the highest version on track "
                + "example:greeter/host@0.2) has no function 'shout'; it has: checksum, greet, log\n"
                + "  - example:greeter/host@0.2.1 repeat: 'example:greeter/host@0.2.0' (the highest version on track "
                + "example:greeter/host@0.2) has no function 'repeat'; it has: checksum, greet, log",
                refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherTrackOrMajorVersionIsRefused(Engine engine) {
        Linker linker = new Linker().register(new GreeterHost());
        for (String file : List.of("greeter-0.3.0.wasm", "greeter-1.0.0.wasm")) {
            WitLinkException refused = assertThrows(WitLinkException.class,
                    () -> linker.instantiate(load(file), engine));
            String version = file.substring("greeter-".length(), file.length() - ".wasm".length());
            String track = version.startsWith("0.") ? version.substring(0, 3) : version.substring(0, 1);
            assertEquals("cannot link guest '" + file + "': 3 of 3 imports are unresolved\n"
                    + "  - example:greeter/host@" + version + " log, greet, checksum: no instance "
                    + "'example:greeter/host@" + version + "', and nothing on its track example:greeter/host@" + track
                    + "; the linker has example:greeter/host@0.2.1", refused.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPreInstantiatedComponentMakesIndependentInstances(Engine engine) {
        GreeterHost host = new GreeterHost();
        InstancePre pre = new Linker().register(host).instantiatePre(load("greeter-0.2.1.wasm"));

        GuestInstance first = pre.instantiate(engine);
        GuestInstance second = pre.instantiate(engine);

        assertEquals(run(first), run(second));
        assertEquals(2, host.messages().size());
        assertEquals(5, pre.linkPlan().bindings().size());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCheckSaysHowEachImportResolvesWithoutInstantiating(Engine engine) {
        LinkReport current = new Linker().register(new GreeterHost()).check(load("greeter-0.2.9.wasm"));
        LinkReport legacy = new Linker().register(new LegacyGreeterHost()).check(load("greeter-0.2.1.wasm"));

        assertTrue(current.links());
        assertEquals("guest 'greeter-0.2.9.wasm': 3 of 3 imports resolve\n"
                + "  example:greeter/host@0.2.9#log -> example:greeter/host@0.2.1#log (via track "
                + "example:greeter/host@0.2)\n"
                + "  example:greeter/host@0.2.9#greet -> example:greeter/host@0.2.1#greet (via track "
                + "example:greeter/host@0.2)\n"
                + "  example:greeter/host@0.2.9#checksum -> example:greeter/host@0.2.1#checksum (via track "
                + "example:greeter/host@0.2)", current.describe());
        assertFalse(legacy.links());
        assertEquals(List.of("shout", "repeat"), legacy.unresolved().stream().map(u -> u.field()).toList());
        assertEquals(3, legacy.resolved().size());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void componentsInUtf16AndLatin1Utf16TalkToTheSameHost(Engine engine) {
        for (String file : List.of("greeter-utf16.wasm", "greeter-latin1-utf16.wasm")) {
            GreeterHost host = new GreeterHost();
            GuestInstance guest = new Linker().register(host).instantiate(load(file), engine);

            // the guest checksums its name's code units as it holds them: UTF-16LE
            assertEquals("Hello, Wörld! WÖRLD! \uD83C\uDF89\uD83C\uDF89\uD83C\uDF89 #"
                    + checksum(NAME.getBytes(StandardCharsets.UTF_16LE)), run(guest), file);
            assertEquals(List.of("greeter 0.2.1 run: Wörld"), host.messages(), file);
        }
    }
}
