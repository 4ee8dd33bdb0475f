package dev.witbind.samples.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.ImportBinding;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitLinkException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DESIGN.md section 2 end to end: the committed C guests, built against six versions of
 * {@code example:greeter/host}, against a host at 0.2.1 and a host at 0.2.0, on both Chicory engines, through the
 * processor-generated bindings. Strings and 64-bit values cross in both directions.
 */
class GreeterLinkingTest {
    private static final String NAME = "Wörld";
    private static final long RUN_SEED = 0x0123456789ABCDEFL;
    /** High bit set, so a signed/unsigned mix-up anywhere on the path changes the result. */
    private static final long FINGERPRINT_SEED = 0xFEDCBA9876543210L;

    private static String expectedChecksum(String name) {
        return String.format("%016x", Greetings.checksum(name.getBytes(StandardCharsets.UTF_8), RUN_SEED));
    }

    private static long expectedFingerprint(long seed) {
        byte[] bytes = new byte[16];
        IntStream.range(0, 16).forEach(i -> bytes[i] = (byte) i);
        return Greetings.checksum(bytes, seed) ^ 0xFFFFFFFF00000000L;
    }

    private static void assertBoundTo(GuestInstance guest, String instance, Optional<String> track) {
        assertFalse(guest.linkPlan().bindings().isEmpty());
        for (ImportBinding binding : guest.linkPlan().bindings()) {
            assertEquals(instance, binding.instanceName(), binding.describe());
            assertEquals(track, binding.track(), binding.describe());
        }
    }

    // ---- host 0.2.1 ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Engine.class)
    void olderGuestLinksToNewerHostThroughTheTrack(Engine engine) {
        GreeterHost host = new GreeterHost();
        GuestInstance guest = new Linker().register(host).instantiate(GreeterGuests.load("greeter-0.2.0.wasm"), engine);

        assertBoundTo(guest, "example:greeter/host@0.2.1", Optional.of("example:greeter/host@0.2"));
        assertEquals(List.of("example:greeter/host@0.2.0"),
                guest.linkPlan().bindings().stream().map(b -> b.guestImport().module()).distinct().toList());
        assertEquals("Hello, Wörld! [checksum " + expectedChecksum(NAME) + "]", GreeterGuests.run(guest, NAME));
        assertEquals(List.of("greeter 0.2.0 guest: run(Wörld)"), host.messages());
        assertEquals(expectedFingerprint(FINGERPRINT_SEED), GreeterGuests.fingerprint(guest, FINGERPRINT_SEED));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sameVersionGuestLinksExactlyAndUsesTheNewFunctions(Engine engine) {
        GreeterHost host = new GreeterHost();
        GuestInstance guest = new Linker().register(host).instantiate(GreeterGuests.load("greeter-0.2.1.wasm"), engine);

        assertBoundTo(guest, "example:greeter/host@0.2.1", Optional.empty());
        assertEquals(List.of("log", "greet", "shout", "repeat", "checksum"),
                guest.linkPlan().bindings().stream().map(b -> b.guestImport().field()).toList());
        assertEquals("Hello, Wörld! WÖRLD! \uD83C\uDF89\uD83C\uDF89\uD83C\uDF89 [checksum " + expectedChecksum(NAME)
                + "]", GreeterGuests.run(guest, NAME));
        assertEquals(List.of("greeter 0.2.1 guest: run(Wörld)"), host.messages());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void laterPatchGuestUsingOnlyOldFunctionsLinksToOlderHost(Engine engine) {
        GuestInstance guest = new Linker().register(new GreeterHost())
                .instantiate(GreeterGuests.load("greeter-0.2.9.wasm"), engine);

        assertBoundTo(guest, "example:greeter/host@0.2.1", Optional.of("example:greeter/host@0.2"));
        assertEquals("Hello, Wörld! [checksum " + expectedChecksum(NAME) + "]", GreeterGuests.run(guest, NAME));
        assertEquals(expectedFingerprint(0), GreeterGuests.fingerprint(guest, 0));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void nextMinorIsRefusedWithTheVersionsTheLinkerHas(Engine engine) {
        Linker linker = new Linker().register(new GreeterHost());
        WitLinkException refused = assertThrows(WitLinkException.class,
                () -> linker.instantiate(GreeterGuests.load("greeter-0.3.0.wasm"), engine));

        assertEquals(3, refused.unresolved().size());
        assertEquals("cannot link guest 'greeter-0.3.0.wasm': 3 of 3 imports are unresolved\n"
                + "  - example:greeter/host@0.3.0 log, greet, checksum: no instance 'example:greeter/host@0.3.0', "
                + "and nothing on its track example:greeter/host@0.3; the linker has example:greeter/host@0.2.1",
                refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void nextMajorIsRefused(Engine engine) {
        Linker linker = new Linker().register(new GreeterHost());
        WitLinkException refused = assertThrows(WitLinkException.class,
                () -> linker.instantiate(GreeterGuests.load("greeter-1.0.0.wasm"), engine));

        assertTrue(refused.getMessage().contains("no instance 'example:greeter/host@1.0.0', and nothing on its track "
                + "example:greeter/host@1; the linker has example:greeter/host@0.2.1"), refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void prereleaseMatchesOnlyExactlyAndIsRefused(Engine engine) {
        Linker linker = new Linker().register(new GreeterHost());
        WitLinkException refused = assertThrows(WitLinkException.class,
                () -> linker.instantiate(GreeterGuests.load("greeter-0.2.2-rc.1.wasm"), engine));

        assertTrue(refused.getMessage().contains("no instance 'example:greeter/host@0.2.2-rc.1', which is a "
                + "prerelease and so matches only exactly; the linker has example:greeter/host@0.2.1"),
                refused.getMessage());
    }

    // ---- host 0.2.0 ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sameVersionGuestLinksExactlyToOlderHost(Engine engine) {
        LegacyGreeterHost host = new LegacyGreeterHost();
        GuestInstance guest = new Linker().register(host).instantiate(GreeterGuests.load("greeter-0.2.0.wasm"), engine);

        assertBoundTo(guest, "example:greeter/host@0.2.0", Optional.empty());
        assertEquals("Hello, Wörld! [checksum " + expectedChecksum(NAME) + "]", GreeterGuests.run(guest, NAME));
        assertEquals(List.of("greeter 0.2.0 guest: run(Wörld)"), host.messages());
        assertEquals(expectedFingerprint(FINGERPRINT_SEED), GreeterGuests.fingerprint(guest, FINGERPRINT_SEED));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void newerGuestUsingOnlyOldFunctionsLinksToOlderHost(Engine engine) {
        LegacyGreeterHost host = new LegacyGreeterHost();
        GuestInstance guest = new Linker().register(host).instantiate(GreeterGuests.load("greeter-0.2.9.wasm"), engine);

        assertBoundTo(guest, "example:greeter/host@0.2.0", Optional.of("example:greeter/host@0.2"));
        assertEquals("Hello, Wörld! [checksum " + expectedChecksum(NAME) + "]", GreeterGuests.run(guest, NAME));
        assertEquals(List.of("greeter 0.2.9 guest: run(Wörld)"), host.messages());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void newerGuestUsingNewFunctionsIsRefusedNamingWhatIsMissing(Engine engine) {
        Linker linker = new Linker().register(new LegacyGreeterHost());
        WitLinkException refused = assertThrows(WitLinkException.class,
                () -> linker.instantiate(GreeterGuests.load("greeter-0.2.1.wasm"), engine));

        assertEquals(List.of("shout", "repeat"),
                refused.unresolved().stream().map(u -> u.field()).toList());
        assertEquals("cannot link guest 'greeter-0.2.1.wasm': 2 of 5 imports are unresolved\n"
                + "  - example:greeter/host@0.2.1 shout: 'example:greeter/host@0.2.0' (the highest version on track "
                + "example:greeter/host@0.2) has no function 'shout'; it has: checksum, greet, log\n"
                + "  - example:greeter/host@0.2.1 repeat: 'example:greeter/host@0.2.0' (the highest version on track "
                + "example:greeter/host@0.2) has no function 'repeat'; it has: checksum, greet, log",
                refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void laterVersionsAreRefusedByTheOlderHostToo(Engine engine) {
        Linker linker = new Linker().register(new LegacyGreeterHost());
        for (String file : List.of("greeter-0.3.0.wasm", "greeter-1.0.0.wasm", "greeter-0.2.2-rc.1.wasm")) {
            WitLinkException refused = assertThrows(WitLinkException.class,
                    () -> linker.instantiate(GreeterGuests.load(file), engine));
            assertTrue(refused.getMessage().endsWith("the linker has example:greeter/host@0.2.0"), refused.getMessage());
        }
    }

    // ---- both hosts in one linker ----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Engine.class)
    void withBothHostsEachGuestGetsItsExactMatchAndLaterPatchesTheHighest(Engine engine) {
        LegacyGreeterHost legacy = new LegacyGreeterHost();
        GreeterHost current = new GreeterHost();
        Linker linker = new Linker().register(current).register(legacy);

        GuestInstance old = linker.instantiate(GreeterGuests.load("greeter-0.2.0.wasm"), engine);
        GuestInstance later = linker.instantiate(GreeterGuests.load("greeter-0.2.9.wasm"), engine);
        assertBoundTo(old, "example:greeter/host@0.2.0", Optional.empty());
        assertBoundTo(later, "example:greeter/host@0.2.1", Optional.of("example:greeter/host@0.2"));

        GreeterGuests.run(old, "a");
        GreeterGuests.run(later, "b");
        assertEquals(List.of("greeter 0.2.0 guest: run(a)"), legacy.messages());
        assertEquals(List.of("greeter 0.2.9 guest: run(b)"), current.messages());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void registeringTheSameInterfaceTwiceFailsUnlessShadowing(Engine engine) {
        Linker linker = new Linker().register(new GreeterHost());
        var twice = assertThrows(dev.witbind.runtime.errors.WitDefinitionException.class,
                () -> linker.register(new GreeterHost()));
        assertTrue(twice.getMessage().contains("'log' in instance 'example:greeter/host@0.2.1' defined twice"),
                twice.getMessage());

        GreeterHost replacement = new GreeterHost();
        Linker shadowing = new Linker().allowShadowing(true).register(new GreeterHost()).register(replacement);
        GreeterGuests.run(shadowing.instantiate(GreeterGuests.load("greeter-0.2.1.wasm"), engine), "x");
        assertEquals(List.of("greeter 0.2.1 guest: run(x)"), replacement.messages());
    }
}
