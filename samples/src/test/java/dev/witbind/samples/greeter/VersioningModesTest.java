package dev.witbind.samples.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.ImportExplanation;
import dev.witbind.runtime.ImportExplanation.Outcome;
import dev.witbind.runtime.LinkExplanation;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.Versioning;
import dev.witbind.runtime.Versioning.Strictness;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.names.Version;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every opt-in mode of {@link Versioning} with real guests built against several versions of
 * {@code example:greeter/host}, core modules (clang) and components (jco), through the generated bindings of the
 * 0.2.1 host ({@link GreeterHost}) and the 0.2.0 host ({@link LegacyGreeterHost}), on both engines.
 */
class VersioningModesTest {
    private static final String NAME = "Wörld";

    private static GuestComponent component(String file) {
        return GreeterComponentTest.load(file);
    }

    private static Map<String, Outcome> outcomes(LinkExplanation explanation) {
        Map<String, Outcome> outcomes = new java.util.TreeMap<>();
        explanation.imports().forEach(line -> outcomes.put(line.importName().substring(
                line.importName().indexOf('#') + 1), line.outcome()));
        return outcomes;
    }

    private static Linker trapStubs() {
        return new Linker().versioning(Versioning.wasmtime().withTrapStubs(true));
    }

    // ---- trap stubs: a guest newer than its host runs until it calls what the host lacks ---------------------------

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCoreGuestNewerThanItsHostLinksWithTrapStubsAndTrapsWhenItCallsOne(Engine engine) {
        Linker linker = trapStubs().register(new LegacyGreeterHost());
        LinkExplanation explanation = linker.explain(GreeterGuests.load("greeter-0.2.1.wasm"));
        assertEquals(Map.of("log", Outcome.TRACK, "greet", Outcome.TRACK, "checksum", Outcome.TRACK,
                "shout", Outcome.TRAP_STUB, "repeat", Outcome.TRAP_STUB), outcomes(explanation));

        GuestInstance guest = linker.instantiate(GreeterGuests.load("greeter-0.2.1.wasm"), engine);
        WitTrapException trap = assertThrows(WitTrapException.class, () -> GreeterGuests.run(guest, NAME));
        assertTrue(trap.getMessage().startsWith("trap in example:greeter/host@0.2.1#shout: 'shout' is a trap stub: "
                + "the guest imports it from example:greeter/host@0.2.1, and the host it links to, "
                + "example:greeter/host@0.2.0, lacks it (the guest was built against 0.2.1)"), trap.getMessage());
        assertTrue(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aComponentNewerThanItsHostLinksWithTrapStubsAndTrapsWhenItCallsOne(Engine engine) {
        LegacyGreeterHost host = new LegacyGreeterHost();
        Linker linker = trapStubs().register(host);
        assertEquals(Map.of("log", Outcome.TRACK, "greet", Outcome.TRACK, "checksum", Outcome.TRACK,
                "shout", Outcome.TRAP_STUB, "repeat", Outcome.TRAP_STUB),
                outcomes(linker.explain(component("greeter-0.2.1.wasm"))));

        GuestInstance guest = linker.instantiate(component("greeter-0.2.1.wasm"), engine);
        WitTrapException trap = assertThrows(WitTrapException.class,
                () -> guest.function("run", GreeterGuests.RUN).call(NAME));
        assertTrue(trap.getMessage().contains("'shout' is a trap stub"), trap.getMessage());
        assertEquals(List.of("greeter 0.2.1 run: Wörld"), host.messages(), "the host ran until the stub");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void trapStubsChangeNothingForAGuestTheHostServesFully(Engine engine) {
        GuestInstance guest = trapStubs().register(new LegacyGreeterHost())
                .instantiate(component("greeter-0.2.9.wasm"), engine);
        assertTrue(guest.linkPlan().bindings().stream().allMatch(b -> b.outcome() == Outcome.TRACK));
        assertTrue(((String) guest.function("run", GreeterGuests.RUN).call(NAME)).startsWith("Hello, Wörld!"));
    }

    // ---- fallbacks: the newer host serves what the older one lacks ------------------------------------------------

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFallbackHostServesTheFunctionsTheOlderHostLacks(Engine engine) {
        LegacyGreeterHost legacy = new LegacyGreeterHost();
        Linker linker = new Linker().register(legacy).registerFallback(new GreeterHost());
        GuestInstance core = linker.instantiate(GreeterGuests.load("greeter-0.2.1.wasm"), engine);
        assertEquals(Map.of("log", Outcome.TRACK, "greet", Outcome.TRACK, "checksum", Outcome.TRACK,
                "shout", Outcome.FALLBACK, "repeat", Outcome.FALLBACK),
                outcomes(linker.explain(GreeterGuests.load("greeter-0.2.1.wasm"))));
        assertTrue(GreeterGuests.run(core, NAME).startsWith("Hello, Wörld! WÖRLD! \uD83C\uDF89"));

        GuestInstance component = linker.instantiate(component("greeter-0.2.1.wasm"), engine);
        assertTrue(((String) component.function("run", GreeterGuests.RUN).call(NAME))
                .startsWith("Hello, Wörld! WÖRLD! \uD83C\uDF89"));
        assertEquals(2, legacy.messages().size(), "log went to the host, not to the fallback: " + legacy.messages());
    }

    // ---- prerelease tracks -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPrereleaseGuestRunsOnTheReleaseTrackOnlyWhenAsked(Engine engine) {
        assertThrows(WitLinkException.class,
                () -> new Linker().register(new GreeterHost()).link(GreeterGuests.load("greeter-0.2.2-rc.1.wasm")));
        GuestInstance guest = new Linker().versioning(Versioning.wasmtime().withPrereleaseTracks(true))
                .register(new GreeterHost()).instantiate(GreeterGuests.load("greeter-0.2.2-rc.1.wasm"), engine);
        assertTrue(guest.linkPlan().bindings().stream().allMatch(b -> b.outcome() == Outcome.PRERELEASE_TRACK
                && b.instanceName().equals("example:greeter/host@0.2.1")));
        assertTrue(GreeterGuests.run(guest, NAME).startsWith("Hello, Wörld!"));
    }

    // ---- strict versions -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Engine.class)
    void strictVersionsWarnAboutOrRefuseAGuestNewerThanItsHost(Engine engine) {
        Linker warn = new Linker().versioning(Versioning.wasmtime().withStrictness(Strictness.WARN))
                .register(new GreeterHost());
        GuestInstance guest = warn.instantiate(component("greeter-0.2.9.wasm"), engine);
        assertTrue(guest.linkPlan().bindings().stream().allMatch(b -> b.warnings().equals(List.of(
                "the guest imports 0.2.9, newer than the 0.2.1 of example:greeter/host@0.2.1"))));
        assertTrue(((String) guest.function("run", GreeterGuests.RUN).call(NAME)).startsWith("Hello, Wörld!"));

        Linker refuse = new Linker().versioning(Versioning.wasmtime().withStrictness(Strictness.REFUSE))
                .register(new GreeterHost());
        WitLinkException refused = assertThrows(WitLinkException.class,
                () -> refuse.instantiate(GreeterGuests.load("greeter-0.2.9.wasm"), engine));
        assertEquals(3, refused.unresolved().size(), refused.getMessage());
        assertTrue(refused.unresolved().stream().allMatch(u -> u.problem().equals("strict versions refuse it: the "
                + "guest imports 0.2.9, newer than the 0.2.1 of example:greeter/host@0.2.1")), refused.getMessage());
        // an older guest is what tracks are for: strict versions link it
        assertTrue(GreeterGuests.run(refuse.instantiate(GreeterGuests.load("greeter-0.2.0.wasm"), engine), NAME)
                .startsWith("Hello, Wörld!"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void strictVersionsRefuseAGuestThatCallsAFunctionAddedAfterItsVersion(Engine engine) {
        assertEquals(Map.of("log", Version.parse("0.2.0"), "greet", Version.parse("0.2.0"),
                "checksum", Version.parse("0.2.0"), "shout", Version.parse("0.2.1"), "repeat", Version.parse("0.2.1")),
                new GreeterHost_WitBindings().functionsSince(), "from greeter.wit's @since gates");
        // Wasmtime's rule links it through the track (its issue 8029), and it runs
        assertTrue(GreeterGuests.run(new Linker().register(new GreeterHost())
                .instantiate(GreeterGuests.load("greeter-0.2.0-uses-0.2.1.wasm"), engine), NAME)
                .startsWith("Hello, Wörld! WÖRLD!"));

        Linker strict = new Linker().versioning(Versioning.wasmtime().withStrictness(Strictness.REFUSE))
                .register(new GreeterHost());
        LinkExplanation explanation = strict.explain(GreeterGuests.load("greeter-0.2.0-uses-0.2.1.wasm"));
        assertEquals(Map.of("log", Outcome.TRACK, "greet", Outcome.TRACK, "checksum", Outcome.TRACK,
                "shout", Outcome.STRICT_REFUSED, "repeat", Outcome.STRICT_REFUSED), outcomes(explanation));
        ImportExplanation shout = explanation.imports().stream()
                .filter(line -> line.importName().endsWith("#shout")).findFirst().orElseThrow();
        assertEquals(List.of("strict versions refuse it: 'shout' was added in 0.2.1, after the 0.2.0 the guest "
                + "imports"), shout.findings());
        assertFalse(explanation.links());
        assertThrows(WitLinkException.class,
                () -> strict.instantiate(GreeterGuests.load("greeter-0.2.0-uses-0.2.1.wasm"), engine));
    }
}
