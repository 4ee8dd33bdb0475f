package dev.witbind.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.ImportExplanation.Outcome;
import dev.witbind.runtime.Versioning.Strictness;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.wit.names.Version;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The opt-in modes of {@link Versioning} at link time, import by import through {@link Linker#explain}: prerelease
 * tracks, strict versions, fallbacks and trap stubs. Guests here only import {@code () -> ()} functions; the
 * samples' tests run real guests of several versions through every mode on both engines.
 */
class LinkerVersioningTest {
    private static final WitFunctionType NO_PARAMS_NO_RESULT = WitFunctionType.of(List.of());
    private static final HostCall NOTHING = (cx, args) -> HostCall.NO_RESULTS;

    private static GuestModule guest(String[]... imports) {
        return ImportOnlyModule.importing("guest.wasm", imports);
    }

    private static String[] f(String module) {
        return new String[] {module, "f"};
    }

    private static List<Outcome> outcomes(LinkExplanation explanation) {
        return explanation.imports().stream().map(ImportExplanation::outcome).toList();
    }

    // ---- the default is Wasmtime's rule ---------------------------------------------------------------------------

    @Test
    void byDefaultNoModeChangesWhatLinks() {
        Linker linker = new Linker();
        linker.instance("a:b/c@1.0.0").func("f", NO_PARAMS_NO_RESULT, Version.parse("1.0.0"), NOTHING);
        linker.instance("a:b/c@1.2.0").func("f", NO_PARAMS_NO_RESULT, NOTHING);
        assertEquals(Versioning.wasmtime(), linker.versioning());
        LinkExplanation explanation = linker.explain(guest(f("a:b/c@1.1.0"), f("a:b/c@1.3.0-rc.1"), f("a:b/c@1.5.0"),
                new String[] {"a:b/c@1.5.0", "g"}));
        assertEquals(List.of(Outcome.TRACK, Outcome.UNRESOLVED, Outcome.TRACK, Outcome.UNRESOLVED),
                outcomes(explanation));
        assertEquals("a:b/c@1.1.0#f -> a:b/c@1.2.0#f (track)", explanation.imports().get(0).describe());
        assertFalse(explanation.links());
    }

    // ---- prerelease tracks -----------------------------------------------------------------------------------------

    @Test
    void aPrereleaseIsServedOnItsReleasesTrackOnlyWhenAsked() {
        Linker linker = new Linker().versioning(Versioning.wasmtime().withPrereleaseTracks(true));
        linker.instance("a:b/c@1.2.0").func("f", NO_PARAMS_NO_RESULT, NOTHING);
        linker.instance("a:b/c@1.1.0").func("f", NO_PARAMS_NO_RESULT, NOTHING);
        ImportBinding binding = linker.link(guest(f("a:b/c@1.2.0-rc.1"))).bindings().get(0);
        assertEquals("a:b/c@1.2.0", binding.instanceName());
        assertEquals(Outcome.PRERELEASE_TRACK, binding.outcome());
        assertEquals(Optional.of("a:b/c@1"), binding.track());
        assertEquals("a:b/c@1.2.0-rc.1#f -> a:b/c@1.2.0#f (via track a:b/c@1, the track of the prerelease's "
                + "release)", binding.describe());
    }

    @Test
    void releaseCandidatesNeverStandInForEachOther() {
        Linker linker = new Linker().versioning(Versioning.wasmtime().withPrereleaseTracks(true));
        linker.instance("a:b/c@1.2.0-rc.2").func("f", NO_PARAMS_NO_RESULT, NOTHING);
        WitLinkException e = assertThrows(WitLinkException.class, () -> linker.link(guest(f("a:b/c@1.2.0-rc.1"))));
        assertTrue(e.unresolved().get(0).problem().contains("a:b/c@1.2.0-rc.2"), e.getMessage());
        assertThrows(WitLinkException.class, () -> linker.link(guest(f("a:b/c@1.2.0"))));
        // ... and its own prerelease still matches exactly
        assertEquals(Outcome.EXACT, linker.link(guest(f("a:b/c@1.2.0-rc.2"))).bindings().get(0).outcome());
    }

    // ---- strict versions -------------------------------------------------------------------------------------------

    @Test
    void strictVersionsWarnAboutAGuestNewerThanItsHost() {
        Linker linker = new Linker().versioning(Versioning.wasmtime().withStrictness(Strictness.WARN));
        linker.instance("a:b/c@0.2.1").func("f", NO_PARAMS_NO_RESULT, NOTHING);
        LinkPlan plan = linker.link(guest(f("a:b/c@0.2.3"), f("a:b/c@0.2.0"), f("a:b/c@0.2.1+build.7")));
        assertEquals(List.of("the guest imports 0.2.3, newer than the 0.2.1 of a:b/c@0.2.1"),
                plan.bindings().get(0).warnings());
        assertEquals(List.of(), plan.bindings().get(1).warnings(), "an older guest is what tracks are for");
        assertEquals(List.of(), plan.bindings().get(2).warnings(), "build metadata has no precedence");
        assertEquals("a:b/c@0.2.3#f -> a:b/c@0.2.1#f (via track a:b/c@0.2); warning: the guest imports 0.2.3, newer "
                + "than the 0.2.1 of a:b/c@0.2.1", plan.bindings().get(0).describe());
    }

    @Test
    void strictVersionsRefuseAGuestNewerThanItsHost() {
        Linker linker = new Linker().versioning(Versioning.wasmtime().withStrictness(Strictness.REFUSE));
        linker.instance("a:b/c@0.2.1").func("f", NO_PARAMS_NO_RESULT, NOTHING);
        WitLinkException e = assertThrows(WitLinkException.class, () -> linker.link(guest(f("a:b/c@0.2.3"))));
        assertEquals("strict versions refuse it: the guest imports 0.2.3, newer than the 0.2.1 of a:b/c@0.2.1",
                e.unresolved().get(0).problem());
        LinkExplanation explanation = new Linker().versioning(linker.versioning()).explain(guest(f("a:b/c@0.2.3")));
        assertEquals(List.of(Outcome.UNRESOLVED), outcomes(explanation), "a linker without the host");
        assertEquals(List.of(Outcome.STRICT_REFUSED), outcomes(linker.explain(guest(f("a:b/c@0.2.3")))));
    }

    @Test
    void strictVersionsRefuseAFunctionAddedAfterTheGuestsVersion() {
        // Wasmtime issue 8029: the track makes 0.2.1's function visible to a guest that imports 0.2.0
        Linker linker = new Linker().versioning(Versioning.wasmtime().withStrictness(Strictness.REFUSE));
        linker.instance("a:b/c@0.2.1")
                .func("f", NO_PARAMS_NO_RESULT, Version.parse("0.2.0"), NOTHING)
                .func("g", NO_PARAMS_NO_RESULT, Version.parse("0.2.1"), NOTHING);
        LinkExplanation explanation = linker.explain(guest(f("a:b/c@0.2.0"), new String[] {"a:b/c@0.2.0", "g"},
                new String[] {"a:b/c@0.2.1", "g"}));
        assertEquals(List.of(Outcome.TRACK, Outcome.STRICT_REFUSED, Outcome.EXACT), outcomes(explanation));
        assertEquals(List.of("strict versions refuse it: 'g' was added in 0.2.1, after the 0.2.0 the guest imports"),
                explanation.imports().get(1).findings());
        // off, the same guest links, as in Wasmtime
        Linker lenient = new Linker();
        lenient.instance("a:b/c@0.2.1").func("g", NO_PARAMS_NO_RESULT, Version.parse("0.2.1"), NOTHING);
        assertEquals(Outcome.TRACK, lenient.link(guest(new String[] {"a:b/c@0.2.0", "g"})).bindings().get(0).outcome());
    }

    // ---- fallbacks and trap stubs ----------------------------------------------------------------------------------

    @Test
    void aFallbackServesOnlyWhatTheHostLacks() {
        Linker linker = new Linker();
        linker.instance("a:b/c@0.2.0").func("f", NO_PARAMS_NO_RESULT, NOTHING);
        linker.fallbacks().instance("a:b/c@0.2.1").func("f", NO_PARAMS_NO_RESULT, NOTHING)
                .func("g", NO_PARAMS_NO_RESULT, NOTHING);
        LinkPlan plan = linker.link(guest(f("a:b/c@0.2.1"), new String[] {"a:b/c@0.2.1", "g"}));
        assertEquals(Outcome.TRACK, plan.bindings().get(0).outcome());
        assertEquals("a:b/c@0.2.0", plan.bindings().get(0).instanceName(), "the host's own f, not the fallback's");
        assertEquals(Outcome.FALLBACK, plan.bindings().get(1).outcome());
        assertEquals("a:b/c@0.2.1", plan.bindings().get(1).instanceName());
        assertEquals("a:b/c@0.2.1#g -> a:b/c@0.2.1#g (fallback: the host lacks it)", plan.bindings().get(1).describe());
    }

    @Test
    void fallbacksAndStubsNeverMakeAMissingInterfaceLink() {
        Linker linker = new Linker().versioning(Versioning.wasmtime().withTrapStubs(true));
        linker.fallbacks().instance("a:b/c@0.2.1").func("f", NO_PARAMS_NO_RESULT, NOTHING);
        WitLinkException e = assertThrows(WitLinkException.class, () -> linker.link(guest(f("a:b/c@0.2.1"))));
        assertTrue(e.unresolved().get(0).problem().startsWith("no instance 'a:b/c@0.2.1'"), e.getMessage());
    }

    @Test
    void trapStubsStandInForWhatTheHostLacksAndNothingElse() {
        Linker linker = new Linker().versioning(Versioning.wasmtime().withTrapStubs(true));
        linker.instance("a:b/c@0.2.0").func("f", NO_PARAMS_NO_RESULT, NOTHING);
        linker.instance("a:b/c@0.2.1"); // an exact match that lacks g: stubbed, never the 0.2.0 host's
        LinkExplanation explanation = linker.explain(guest(f("a:b/c@0.2.0"), new String[] {"a:b/c@0.2.1", "g"}));
        assertEquals(List.of(Outcome.EXACT, Outcome.TRAP_STUB), outcomes(explanation));
        assertEquals("a:b/c@0.2.1#g -> a:b/c@0.2.1 (trap stub); a:b/c@0.2.1 lacks it",
                explanation.imports().get(1).describe());
    }

    @Test
    void aFunctionOfAnotherTypeIsNeverStubbed() {
        Linker linker = new Linker().versioning(Versioning.wasmtime().withTrapStubs(true));
        linker.instance("a:b/c@0.2.0").func("f", WitFunctionType.of(List.of(), PrimitiveType.U32),
                (cx, args) -> new long[] {0});
        WitLinkException e = assertThrows(WitLinkException.class, () -> linker.link(guest(f("a:b/c@0.2.1"))));
        assertTrue(e.unresolved().get(0).problem().startsWith("type mismatch"), e.getMessage());
    }

    @Test
    void theVersioningIsFixedOnceTheLinkerLinks() {
        Linker linker = new Linker();
        linker.explain(guest());
        assertThrows(IllegalStateException.class, () -> linker.versioning(Versioning.wasmtime()));
    }
}
