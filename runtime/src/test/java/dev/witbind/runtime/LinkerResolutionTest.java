package dev.witbind.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.bindings.ImportHandleFactory;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.wit.types.WitFunctionType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md section 2's resolution cases (Wasmtime's own tests) through the public {@link Linker} API: a guest that
 * only imports {@code () -> ()} functions is linked, and the plan says which host instance each import resolved to.
 */
class LinkerResolutionTest {
    private static final WitFunctionType NO_PARAMS_NO_RESULT = WitFunctionType.of(List.of());

    /** A host function that says which definition it is, so a plan can be checked for the right one. */
    private record Tagged(String tag) implements ImportHandleFactory<Void> {
        @Override
        public ImportHandle bind(LiftLowerContext cx, String function, Void implementation) {
            throw new UnsupportedOperationException("these tests only link");
        }
    }

    private static void provide(Linker linker, String instance) {
        linker.instance(instance).define("f", NO_PARAMS_NO_RESULT, HostSource.none(), new Tagged(instance));
    }

    private static GuestModule guestImporting(String... modules) {
        String[][] imports = new String[modules.length][];
        for (int i = 0; i < modules.length; i++) {
            imports[i] = new String[] {modules[i], "f"};
        }
        return ImportOnlyModule.importing("guest.wasm", imports);
    }

    private static void assertBinding(ImportBinding binding, String requested, String resolved,
            Optional<String> track) {
        assertEquals(requested, binding.guestImport().module());
        assertEquals("f", binding.guestImport().field());
        assertEquals(resolved, binding.instanceName());
        assertEquals(track, binding.track());
        assertEquals(new Tagged(resolved), binding.definition().handles());
        assertEquals(NO_PARAMS_NO_RESULT, binding.type());
    }

    @Test
    void olderImportNewerHost() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@1.0.1");
        LinkPlan plan = linker.link(guestImporting("a:b/c@1.0.0"));
        assertEquals("guest.wasm", plan.guestName());
        assertEquals(1, plan.bindings().size());
        assertBinding(plan.bindings().get(0), "a:b/c@1.0.0", "a:b/c@1.0.1", Optional.of("a:b/c@1"));
        assertEquals("a:b/c@1.0.0#f -> a:b/c@1.0.1#f (via track a:b/c@1)", plan.bindings().get(0).describe());
    }

    @Test
    void newerImportOlderHost() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@1.0.0");
        LinkPlan plan = linker.link(guestImporting("a:b/c@1.0.1"));
        assertBinding(plan.bindings().get(0), "a:b/c@1.0.1", "a:b/c@1.0.0", Optional.of("a:b/c@1"));
    }

    @Test
    void bothVersionsRegisteredEachImportFindsItsExactMatch() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@1.0.0");
        provide(linker, "a:b/c@1.0.1");
        LinkPlan plan = linker.link(guestImporting("a:b/c@1.0.0", "a:b/c@1.0.1"));
        assertBinding(plan.bindings().get(0), "a:b/c@1.0.0", "a:b/c@1.0.0", Optional.empty());
        assertBinding(plan.bindings().get(1), "a:b/c@1.0.1", "a:b/c@1.0.1", Optional.empty());
        assertEquals("a:b/c@1.0.0#f -> a:b/c@1.0.0#f (exact)", plan.bindings().get(0).describe());
    }

    @Test
    void importsMissingFromTheHostResolveToTheHighestOnTheTrack() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@1.0.1");
        provide(linker, "a:b/c@1.0.2");
        LinkPlan plan = linker.link(guestImporting("a:b/c@1.0.0", "a:b/c@1.0.3"));
        assertBinding(plan.bindings().get(0), "a:b/c@1.0.0", "a:b/c@1.0.2", Optional.of("a:b/c@1"));
        assertBinding(plan.bindings().get(1), "a:b/c@1.0.3", "a:b/c@1.0.2", Optional.of("a:b/c@1"));
    }

    @Test
    void highestWinsWhenRegisteredFirst() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@1.0.2");
        provide(linker, "a:b/c@1.0.1");
        LinkPlan plan = linker.link(guestImporting("a:b/c@1.0.0", "a:b/c@1.0.3"));
        assertBinding(plan.bindings().get(0), "a:b/c@1.0.0", "a:b/c@1.0.2", Optional.of("a:b/c@1"));
        assertBinding(plan.bindings().get(1), "a:b/c@1.0.3", "a:b/c@1.0.2", Optional.of("a:b/c@1"));
    }

    @Test
    void exactMatchBeatsAHigherVersionOnTheTrack() {
        Linker linker = new Linker();
        provide(linker, "wasi:io/streams@0.2.3");
        provide(linker, "wasi:io/streams@0.2.1");
        LinkPlan plan = linker.link(guestImporting("wasi:io/streams@0.2.1", "wasi:io/streams@0.2.0"));
        assertBinding(plan.bindings().get(0), "wasi:io/streams@0.2.1", "wasi:io/streams@0.2.1", Optional.empty());
        assertBinding(plan.bindings().get(1), "wasi:io/streams@0.2.0", "wasi:io/streams@0.2.3",
                Optional.of("wasi:io/streams@0.2"));
    }

    @Test
    void shadowingReplacesTheFunction() {
        Linker linker = new Linker().allowShadowing(true);
        linker.instance("a:b/c@1.0.0").define("f", NO_PARAMS_NO_RESULT, HostSource.none(), new Tagged("first"));
        linker.instance("a:b/c@1.0.0").define("f", NO_PARAMS_NO_RESULT, HostSource.none(), new Tagged("second"));
        LinkPlan plan = linker.link(guestImporting("a:b/c@1.0.0"));
        assertEquals(new Tagged("second"), plan.bindings().get(0).definition().handles());
    }

    @Test
    void anotherMajorVersionIsRefusedNamingWhatTheHostHas() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@1.0.1");
        WitLinkException e = assertThrows(WitLinkException.class, () -> linker.link(guestImporting("a:b/c@2.0.0")));
        assertEquals("guest.wasm", e.guestName());
        assertEquals(1, e.unresolved().size());
        WitLinkException.Unresolved unresolved = e.unresolved().get(0);
        assertEquals("a:b/c@2.0.0", unresolved.module());
        String problem = unresolved.problem();
        assertTrue(problem.contains("'a:b/c@2.0.0'"), problem);
        assertTrue(problem.contains("a:b/c@2"), problem);
        assertTrue(problem.contains("a:b/c@1.0.1"), problem);
        assertTrue(e.getMessage().startsWith("cannot link guest 'guest.wasm': 1 of 1 import is unresolved"),
                e.getMessage());
    }

    @Test
    void prereleaseImportIsRefusedByANearbyRelease() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@1.0.0");
        WitLinkException e = assertThrows(WitLinkException.class,
                () -> linker.link(guestImporting("a:b/c@1.0.1-rc.1")));
        String problem = e.unresolved().get(0).problem();
        assertTrue(problem.contains("'a:b/c@1.0.1-rc.1'"), problem);
        assertTrue(problem.contains("prerelease"), problem);
        assertTrue(problem.contains("a:b/c@1.0.0"), problem);
    }

    @Test
    void zeroZeroVersionsMatchOnlyExactly() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@0.0.2");
        assertEquals("a:b/c@0.0.2", linker.link(guestImporting("a:b/c@0.0.2")).bindings().get(0).instanceName());
        WitLinkException e = assertThrows(WitLinkException.class, () -> linker.link(guestImporting("a:b/c@0.0.1")));
        assertEquals("a:b/c@0.0.1", e.unresolved().get(0).module());
    }

    @Test
    void missingFunctionOnTheTrackIsNamed() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@1.0.0");
        GuestModule guest = ImportOnlyModule.importing("guest.wasm", new String[] {"a:b/c@1.0.1", "f"},
                new String[] {"a:b/c@1.0.1", "added-in-1-0-1"});
        WitLinkException e = assertThrows(WitLinkException.class, () -> linker.link(guest));
        assertEquals(1, e.unresolved().size());
        WitLinkException.Unresolved unresolved = e.unresolved().get(0);
        assertEquals("added-in-1-0-1", unresolved.field());
        String problem = unresolved.problem();
        assertTrue(problem.contains("a:b/c@1.0.0"), problem);
        assertTrue(problem.contains("'added-in-1-0-1'"), problem);
        assertTrue(e.getMessage().contains("1 of 2 imports are unresolved"), e.getMessage());
    }

    @Test
    void everyUnresolvedImportIsListedInImportOrder() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@1.0.0");
        WitLinkException e = assertThrows(WitLinkException.class,
                () -> linker.link(guestImporting("x:y/z@1.0.0", "a:b/c@1.2.0", "a:b/c@3.0.0")));
        assertEquals(List.of("x:y/z@1.0.0", "a:b/c@3.0.0"),
                e.unresolved().stream().map(u -> u.module()).toList());
    }

    // ---- canonical interface names (witbind's addition; the cases above are Wasmtime's and unchanged) ----------

    @Test
    void aCanonicalImportFindsTheHighestVersionOfTheTrackItNames() {
        Linker linker = new Linker();
        provide(linker, "wasi:cli/exit@0.2.0");
        provide(linker, "wasi:cli/exit@0.2.12");
        ImportBinding binding = linker.link(guestImporting("wasi:cli/exit@0.2")).bindings().get(0);
        assertBinding(binding, "wasi:cli/exit@0.2", "wasi:cli/exit@0.2.12", Optional.of("wasi:cli/exit@0.2"));
        assertEquals(dev.witbind.wit.names.Resolution.CANONICAL_NAME, binding.resolution());
        assertEquals("wasi:cli/exit@0.2#f -> wasi:cli/exit@0.2.12#f (canonical name)", binding.describe());
    }

    @Test
    void aVersionedImportFindsAHostRegisteredUnderItsTracksCanonicalName() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@1");
        LinkPlan plan = linker.link(guestImporting("a:b/c@1.0.0", "a:b/c@1.7.3", "a:b/c@1"));
        assertEquals(List.of("a:b/c@1.0.0#f -> a:b/c@1#f (canonical name)", "a:b/c@1.7.3#f -> a:b/c@1#f (canonical name)",
                "a:b/c@1#f -> a:b/c@1#f (exact)"), plan.bindings().stream().map(ImportBinding::describe).toList());
    }

    @Test
    void anExplicitVersionOutranksACanonicalRegistration() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@0.2");
        provide(linker, "a:b/c@0.2.1");
        LinkPlan plan = linker.link(guestImporting("a:b/c@0.2.5", "a:b/c@0.2"));
        assertEquals(List.of("a:b/c@0.2.5#f -> a:b/c@0.2.1#f (via track a:b/c@0.2)", "a:b/c@0.2#f -> a:b/c@0.2#f (exact)"),
                plan.bindings().stream().map(ImportBinding::describe).toList());
    }

    @Test
    void theCm32p2NamingIsTheSameImportAndKeepsItsModuleString() {
        Linker linker = new Linker();
        provide(linker, "wasi:cli/exit@0.2.12");
        ImportBinding binding = linker.link(guestImporting("cm32p2|wasi:cli/exit@0.2")).bindings().get(0);
        assertEquals("cm32p2|wasi:cli/exit@0.2", binding.guestImport().module());
        assertEquals("wasi:cli/exit@0.2.12", binding.instanceName());
        assertEquals("cm32p2|wasi:cli/exit@0.2#f -> wasi:cli/exit@0.2.12#f (canonical name)", binding.describe());
    }

    @Test
    void aCanonicalImportWithNothingOnItsTrackNamesTheCanonicalName() {
        Linker linker = new Linker();
        provide(linker, "wasi:cli/exit@0.3.0");
        WitLinkException e = assertThrows(WitLinkException.class,
                () -> linker.link(guestImporting("wasi:cli/exit@0.2", "cm32p2|wasi:cli/exit@0.2")));
        assertEquals("cannot link guest 'guest.wasm': 2 of 2 imports are unresolved\n"
                + "  - wasi:cli/exit@0.2 f: no instance 'wasi:cli/exit@0.2', and nothing on the track this canonical "
                + "name stands for (no 0.2.x version); the linker has wasi:cli/exit@0.3.0\n"
                + "  - cm32p2|wasi:cli/exit@0.2 f: no instance 'wasi:cli/exit@0.2', and nothing on the track this "
                + "canonical name stands for (no 0.2.x version); the linker has wasi:cli/exit@0.3.0", e.getMessage());
    }

    @Test
    void aCanonicalImportDoesNotReachPrereleasesOrOtherTracks() {
        Linker linker = new Linker();
        provide(linker, "a:b/c@0.2.0-rc.1");
        provide(linker, "a:b/c@0.20.0");
        provide(linker, "a:b/c@2.0.0");
        LinkReport report = linker.check(guestImporting("a:b/c@0.2", "a:b/c@2"));
        assertEquals(List.of("a:b/c@2#f -> a:b/c@2.0.0#f (canonical name)"),
                report.resolved().stream().map(ImportBinding::describe).toList());
        assertEquals(1, report.unresolved().size());
    }
}
