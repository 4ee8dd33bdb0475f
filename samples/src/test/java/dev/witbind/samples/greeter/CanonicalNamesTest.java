package dev.witbind.samples.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.ImportBinding;
import dev.witbind.runtime.LinkReport;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.wit.names.Resolution;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Canonical interface names end to end, both ways, with the committed C guests (greeter.c, built by build.sh with
 * clang-19) on both engines: guests that import {@code example:greeter/host@0.2} (in the legacy core naming and in
 * wit-component's newer {@code cm32p2|} one) link to the highest 0.2.x the linker has, and guests that import
 * {@code @0.2.0} or {@code @0.2.9} link to a host registered under the canonical name {@code @0.2}.
 */
class CanonicalNamesTest {
    private static final String NAME = "Wörld";
    private static final long RUN_SEED = 0x0123456789ABCDEFL;

    private static String checksum() {
        return String.format("%016x", Greetings.checksum(NAME.getBytes(StandardCharsets.UTF_8), RUN_SEED));
    }

    private static void assertAllBound(GuestInstance guest, String instance, Resolution resolution) {
        assertFalse(guest.linkPlan().bindings().isEmpty());
        for (ImportBinding binding : guest.linkPlan().bindings()) {
            assertEquals(instance, binding.instanceName(), binding.describe());
            assertEquals(resolution, binding.resolution(), binding.describe());
            assertEquals(Optional.of("example:greeter/host@0.2"), binding.track(), binding.describe());
        }
    }

    // ---- a canonical import finds the highest 0.2.x ---------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGuestImportingTheCanonicalNameRunsOnTheHighestVersionOfItsTrack(Engine engine) {
        GreeterHost host = new GreeterHost();
        LegacyGreeterHost legacy = new LegacyGreeterHost();
        GuestInstance guest = new Linker().register(legacy).register(host)
                .instantiate(GreeterGuests.load("greeter-canonical-0.2.wasm"), engine);

        assertAllBound(guest, "example:greeter/host@0.2.1", Resolution.CANONICAL_NAME);
        assertEquals("example:greeter/host@0.2#greet -> example:greeter/host@0.2.1#greet (canonical name)",
                guest.linkPlan().bindings().get(1).describe());
        // shout and repeat are 0.2.1's: the canonical name found the highest 0.2.x, not 0.2.0
        assertEquals("Hello, Wörld! WÖRLD! \uD83C\uDF89\uD83C\uDF89\uD83C\uDF89 [checksum " + checksum() + "]",
                GreeterGuests.run(guest, NAME));
        assertEquals(List.of("greeter 0.2 guest: run(Wörld)"), host.messages());
        assertEquals(List.of(), legacy.messages());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theCm32p2NamingIsTheSameImport(Engine engine) {
        GreeterHost host = new GreeterHost();
        GuestModule module = GreeterGuests.load("greeter-cm32p2-0.2.wasm");
        assertEquals("cm32p2|example:greeter/host@0.2", module.imports().get(0).module());
        GuestInstance guest = new Linker().register(host).instantiate(module, engine);

        assertAllBound(guest, "example:greeter/host@0.2.1", Resolution.CANONICAL_NAME);
        assertEquals("cm32p2|example:greeter/host@0.2#log -> example:greeter/host@0.2.1#log (canonical name)",
                guest.linkPlan().bindings().get(0).describe());
        assertEquals("Hello, Wörld! WÖRLD! \uD83C\uDF89\uD83C\uDF89\uD83C\uDF89 [checksum " + checksum() + "]",
                GreeterGuests.run(guest, NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"greeter-canonical-0.2.wasm", "greeter-cm32p2-0.2.wasm"})
    void aCanonicalImportWithNothingOnItsTrackIsAClearLinkError(String file) {
        Linker linker = new Linker().register(new GreeterHost());
        linker.instance("example:greeter/host@0.3.0");
        WitLinkException e = assertThrows(WitLinkException.class, () -> new Linker().instantiate(
                GreeterGuests.load(file), Engine.INTERPRETER));
        assertTrue(e.getMessage().contains("no instance 'example:greeter/host@0.2', and nothing on the track this "
                + "canonical name stands for (no 0.2.x version); the linker has no version of it"), e.getMessage());

        Linker elsewhere = new Linker();
        elsewhere.instance("example:greeter/host@0.3.0");
        elsewhere.instance("example:greeter/host@1");
        LinkReport report = elsewhere.check(GreeterGuests.load(file));
        assertFalse(report.links());
        assertTrue(report.describe().contains("no instance 'example:greeter/host@0.2', and nothing on the track this "
                + "canonical name stands for (no 0.2.x version); the linker has example:greeter/host@0.3.0, "
                + "example:greeter/host@1"), report.describe());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCanonicalImportUsingFunctionsTheHostLacksIsRefusedAsAnyOther(Engine engine) {
        WitLinkException e = assertThrows(WitLinkException.class, () -> new Linker().register(new LegacyGreeterHost())
                .instantiate(GreeterGuests.load("greeter-canonical-0.2.wasm"), engine));
        assertTrue(e.getMessage().contains("'example:greeter/host@0.2.0' (the highest version on the track of the "
                + "canonical name example:greeter/host@0.2) has no function 'shout'"), e.getMessage());
    }

    // ---- a host registered under the canonical name serves every 0.2.x --------------------------------------------

    @ParameterizedTest
    @EnumSource(Engine.class)
    void versionedGuestsRunOnAHostRegisteredUnderTheCanonicalName(Engine engine) {
        for (String file : List.of("greeter-0.2.0.wasm", "greeter-0.2.1.wasm", "greeter-0.2.9.wasm")) {
            CanonicalGreeterHost host = new CanonicalGreeterHost();
            GuestInstance guest = new Linker().register(host).instantiate(GreeterGuests.load(file), engine);

            assertAllBound(guest, "example:greeter/host@0.2", Resolution.CANONICAL_NAME);
            String version = file.substring("greeter-".length(), file.length() - ".wasm".length());
            assertEquals("example:greeter/host@" + version + "#log -> example:greeter/host@0.2#log (canonical name)",
                    guest.linkPlan().bindings().get(0).describe());
            assertTrue(GreeterGuests.run(guest, NAME).endsWith(" [checksum " + checksum() + "]"));
            assertEquals(List.of("canonical host: greeter " + version + " guest: run(Wörld)"), host.messages());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCanonicalGuestFindsTheCanonicalHostExactly(Engine engine) {
        CanonicalGreeterHost host = new CanonicalGreeterHost();
        GuestInstance guest = new Linker().register(host).register(new GreeterHost())
                .instantiate(GreeterGuests.load("greeter-canonical-0.2.wasm"), engine);

        assertEquals("example:greeter/host@0.2#log -> example:greeter/host@0.2#log (exact)",
                guest.linkPlan().bindings().get(0).describe());
        assertEquals("Hello, Wörld! WÖRLD! \uD83C\uDF89\uD83C\uDF89\uD83C\uDF89 [checksum " + checksum() + "]",
                GreeterGuests.run(guest, NAME));
        assertEquals(List.of("canonical host: greeter 0.2 guest: run(Wörld)"), host.messages());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anExplicitVersionOutranksTheCanonicalRegistration(Engine engine) {
        CanonicalGreeterHost canonical = new CanonicalGreeterHost();
        LegacyGreeterHost legacy = new LegacyGreeterHost();
        GuestInstance guest = new Linker().register(canonical).register(legacy)
                .instantiate(GreeterGuests.load("greeter-0.2.9.wasm"), engine);

        assertEquals("example:greeter/host@0.2.9#log -> example:greeter/host@0.2.0#log (via track "
                + "example:greeter/host@0.2)", guest.linkPlan().bindings().get(0).describe());
        GreeterGuests.run(guest, NAME);
        assertEquals(List.of("greeter 0.2.9 guest: run(Wörld)"), legacy.messages());
        assertEquals(List.of(), canonical.messages());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void otherTracksAndPrereleasesDoNotReachTheCanonicalHost(Engine engine) {
        for (String file : List.of("greeter-0.3.0.wasm", "greeter-1.0.0.wasm", "greeter-0.2.2-rc.1.wasm")) {
            assertThrows(WitLinkException.class, () -> new Linker().register(new CanonicalGreeterHost())
                    .instantiate(GreeterGuests.load(file), engine), file);
        }
    }
}
