package dev.witbind.wit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.names.NameMap.DuplicateNameException;
import dev.witbind.wit.names.NameMap.Hit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One level of the linker: the exact table, the track table, and DESIGN.md section 2's cases from Wasmtime. */
class NameMapTest {

    // --- DESIGN.md, "Wasmtime's own tests" ---

    @Test
    void olderImportNewerHost() {
        NameMap<String> map = new NameMap<>();
        map.define("a:b/c@1.0.1", "host 1.0.1", false);
        assertResolves(map, "a:b/c@1.0.0", "a:b/c@1.0.1", "host 1.0.1", Optional.of("a:b/c@1"));
    }

    @Test
    void newerImportOlderHost() {
        NameMap<String> map = new NameMap<>();
        map.define("a:b/c@1.0.0", "host 1.0.0", false);
        assertResolves(map, "a:b/c@1.0.1", "a:b/c@1.0.0", "host 1.0.0", Optional.of("a:b/c@1"));
    }

    @Test
    void bothVersionsRegisteredEachImportFindsItsExactMatch() {
        NameMap<String> map = new NameMap<>();
        map.define("a:b/c@1.0.0", "host 1.0.0", false);
        map.define("a:b/c@1.0.1", "host 1.0.1", false);
        assertResolves(map, "a:b/c@1.0.0", "a:b/c@1.0.0", "host 1.0.0", Optional.empty());
        assertResolves(map, "a:b/c@1.0.1", "a:b/c@1.0.1", "host 1.0.1", Optional.empty());
    }

    @Test
    void importsMissingFromTheHostResolveToTheHighestOnTheTrack() {
        NameMap<String> map = new NameMap<>();
        map.define("a:b/c@1.0.1", "host 1.0.1", false);
        map.define("a:b/c@1.0.2", "host 1.0.2", false);
        assertResolves(map, "a:b/c@1.0.0", "a:b/c@1.0.2", "host 1.0.2", Optional.of("a:b/c@1"));
        assertResolves(map, "a:b/c@1.0.3", "a:b/c@1.0.2", "host 1.0.2", Optional.of("a:b/c@1"));
    }

    @Test
    void definingANameTwiceFails() {
        NameMap<String> map = new NameMap<>();
        map.define("a", "first a", false);
        map.define("b", "b", false);
        DuplicateNameException e = assertThrows(DuplicateNameException.class, () -> map.define("a", "second a", false));
        assertEquals("'a' defined twice", e.getMessage());
        assertEquals("a", e.name());
        // The failed definition changed nothing.
        assertEquals(Optional.of("first a"), map.getExact("a"));
        assertEquals(List.of("a", "b"), map.names());
    }

    @Test
    void definingANameTwiceWithShadowingReplacesIt() {
        NameMap<String> map = new NameMap<>();
        map.define("a", "first a", false);
        map.define("b", "b", false);
        map.define("a", "second a", true);
        assertEquals(Optional.of("second a"), map.getExact("a"));
        assertEquals("second a", map.lookup("a").orElseThrow().value());
        assertEquals(List.of("a", "b"), map.names());
    }

    @Test
    void reopeningAnInstanceAddsToIt() {
        // The linker's nesting: a level whose values are levels, re-opened by exact name.
        NameMap<NameMap<String>> root = new NameMap<>();
        root.define("foo", new NameMap<>(), false);
        root.getExact("foo").orElseThrow().define("a", "a", false);
        root.getExact("foo").orElseThrow().define("b", "b", false);
        NameMap<String> foo = root.getExact("foo").orElseThrow();
        assertEquals(List.of("a", "b"), foo.names());
        DuplicateNameException e = assertThrows(DuplicateNameException.class, () -> foo.define("a", "again", false));
        assertEquals("'a' defined twice", e.getMessage());
        assertEquals(Optional.of("a"), foo.getExact("a"));
    }

    // --- The track table ---

    @ParameterizedTest(name = "{0} then {1}: {2} finds {3}")
    @CsvSource({
        "a:b/c@1.0.2, a:b/c@1.0.1, a:b/c@1.0.0, a:b/c@1.0.2, a:b/c@1",
        "a:b/c@1.0.1, a:b/c@1.0.2, a:b/c@1.0.0, a:b/c@1.0.2, a:b/c@1",
        // Numeric, not textual, comparison.
        "a:b/c@1.10.0, a:b/c@1.9.0, a:b/c@1.0.0, a:b/c@1.10.0, a:b/c@1",
        "a:b/c@1.9.0, a:b/c@1.10.0, a:b/c@1.0.0, a:b/c@1.10.0, a:b/c@1",
        "a:b/c@0.2.10, a:b/c@0.2.9, a:b/c@0.2.0, a:b/c@0.2.10, a:b/c@0.2",
        "a:b/c@0.2.9, a:b/c@0.2.10, a:b/c@0.2.0, a:b/c@0.2.10, a:b/c@0.2",
        // Equal precedence (only build metadata differs): the text decides, in either order.
        "a:b/c@1.0.0+b, a:b/c@1.0.0+a, a:b/c@1.5.0, a:b/c@1.0.0+b, a:b/c@1",
        "a:b/c@1.0.0+a, a:b/c@1.0.0+b, a:b/c@1.5.0, a:b/c@1.0.0+b, a:b/c@1",
    })
    void highestVersionWinsWhateverTheInsertionOrder(String first, String second, String requested, String highest,
            String track) {
        NameMap<String> map = new NameMap<>();
        map.define(first, "value of " + first, false);
        map.define(second, "value of " + second, false);
        assertResolves(map, requested, highest, "value of " + highest, Optional.of(track));
    }

    @Test
    void exactLookupBeatsTheTrack() {
        NameMap<String> map = new NameMap<>();
        map.define("a:b/c@1.0.0", "old", false);
        map.define("a:b/c@1.2.0", "new", false);
        assertResolves(map, "a:b/c@1.0.0", "a:b/c@1.0.0", "old", Optional.empty());
        assertResolves(map, "a:b/c@1.1.0", "a:b/c@1.2.0", "new", Optional.of("a:b/c@1"));
    }

    @Test
    void hitReportsWhatWasRequestedAndWhatWasFound() {
        NameMap<String> map = new NameMap<>();
        map.define("wasi:io/streams@0.2.3", "streams", false);

        Hit<String> viaTrack = map.lookup("wasi:io/streams@0.2.0").orElseThrow();
        assertEquals("wasi:io/streams@0.2.0", viaTrack.requested());
        assertEquals("wasi:io/streams@0.2.3", viaTrack.name());
        assertEquals("streams", viaTrack.value());
        assertEquals(Optional.of("wasi:io/streams@0.2"), viaTrack.track());
        assertTrue(viaTrack.viaTrack());

        Hit<String> exact = map.lookup("wasi:io/streams@0.2.3").orElseThrow();
        assertEquals("wasi:io/streams@0.2.3", exact.requested());
        assertEquals("wasi:io/streams@0.2.3", exact.name());
        assertEquals(Optional.empty(), exact.track());
        assertFalse(exact.viaTrack());
    }

    @Test
    void tracksAreSeparate() {
        NameMap<String> map = new NameMap<>();
        map.define("a:b/c@0.1.5", "0.1", false);
        map.define("a:b/c@0.2.1", "0.2", false);
        map.define("a:b/c@1.0.0", "1", false);
        map.define("a:b/c@2.3.0", "2", false);
        map.define("a:b/d@1.7.0", "other interface", false);
        assertEquals("0.1", map.lookup("a:b/c@0.1.0").orElseThrow().value());
        assertEquals("0.2", map.lookup("a:b/c@0.2.9").orElseThrow().value());
        assertEquals("1", map.lookup("a:b/c@1.9.0").orElseThrow().value());
        assertEquals("2", map.lookup("a:b/c@2.0.0").orElseThrow().value());
        assertEquals("other interface", map.lookup("a:b/d@1.0.0").orElseThrow().value());
        assertEquals(Optional.empty(), map.lookup("a:b/c@0.3.0"));
        assertEquals(Optional.empty(), map.lookup("a:b/c@3.0.0"));
        assertEquals(Optional.empty(), map.lookup("a:b/e@1.0.0"));
    }

    @ParameterizedTest(name = "{0} defined, {1} requested: no match")
    @CsvSource({
        // No track: only exact names match.
        "a:b/c@0.0.1, a:b/c@0.0.2",
        "a:b/c@0.0.2, a:b/c@0.0.1",
        "a:b/c@1.0.0, a:b/c@1.0.1-pre",
        "a:b/c@1.0.0-pre, a:b/c@1.0.0",
        "a:b/c@1.0.0-pre, a:b/c@1.0.1",
        // (a:b/c@1 requested finds a:b/c@1.0.0 as a canonical name: CanonicalNamesTest)
        "a:b/c@1.0.0, a:b/c",
        "a:b/c, a:b/c@1.0.0",
        "x, x@1.0.0",
    })
    void namesWithoutATrackMatchOnlyExactly(String defined, String requested) {
        NameMap<String> map = new NameMap<>();
        map.define(defined, "value", false);
        assertEquals(Optional.empty(), map.lookup(requested));
        assertEquals("value", map.lookup(defined).orElseThrow().value());
    }

    @Test
    void prereleaseIsNeverTheHighestOnATrack() {
        NameMap<String> map = new NameMap<>();
        map.define("a:b/c@1.0.0", "release", false);
        map.define("a:b/c@1.1.0-rc.1", "prerelease", false);
        assertEquals("a:b/c@1.0.0", map.lookup("a:b/c@1.1.0").orElseThrow().name());
    }

    @Test
    void getExactIgnoresTheTrack() {
        NameMap<String> map = new NameMap<>();
        map.define("a:b/c@1.0.1", "value", false);
        assertEquals(Optional.of("value"), map.getExact("a:b/c@1.0.1"));
        assertEquals(Optional.empty(), map.getExact("a:b/c@1.0.0"));
    }

    @Test
    void shadowingKeepsTheTrackPointingAtTheHighest() {
        NameMap<String> map = new NameMap<>();
        map.define("a:b/c@1.0.2", "1.0.2 first", false);
        map.define("a:b/c@1.0.1", "1.0.1", false);
        map.define("a:b/c@1.0.2", "1.0.2 second", true);
        assertResolves(map, "a:b/c@1.0.0", "a:b/c@1.0.2", "1.0.2 second", Optional.of("a:b/c@1"));
        assertResolves(map, "a:b/c@1.0.1", "a:b/c@1.0.1", "1.0.1", Optional.empty());
    }

    @Test
    void namesLikeListsEveryVersionOfTheUnversionedName() {
        NameMap<String> map = new NameMap<>();
        map.define("a:b/c@1.0.1", "v", false);
        map.define("a:b/c@0.2.0", "v", false);
        map.define("a:b/c", "v", false);
        map.define("a:b/c@2.0.0-rc.1", "v", false);
        map.define("a:b/cd@1.0.0", "v", false);
        map.define("a:b/d@1.0.0", "v", false);
        List<String> expected = List.of("a:b/c", "a:b/c@0.2.0", "a:b/c@1.0.1", "a:b/c@2.0.0-rc.1");
        assertEquals(expected, map.namesLike("a:b/c@3.0.0"));
        assertEquals(expected, map.namesLike("a:b/c"));
        assertEquals(List.of(), map.namesLike("x:y/z@1.0.0"));
    }

    @Test
    void namesAreSortedAndUnmodifiable() {
        NameMap<String> map = new NameMap<>();
        map.define("b", "v", false);
        map.define("a:b/c@1.0.0", "v", false);
        map.define("a", "v", false);
        List<String> names = map.names();
        assertEquals(List.of("a", "a:b/c@1.0.0", "b"), names);
        assertThrows(UnsupportedOperationException.class, () -> names.add("c"));
    }

    @Test
    void emptyMapFindsNothing() {
        NameMap<Object> map = new NameMap<>();
        assertEquals(Optional.empty(), map.lookup("a"));
        assertEquals(Optional.empty(), map.lookup("a:b/c@1.0.0"));
        assertEquals(List.of(), map.names());
    }

    @Test
    void lookupReturnsTheDefinedObject() {
        NameMap<Object> map = new NameMap<>();
        Object value = new Object();
        map.define("a:b/c@1.0.3", value, false);
        assertSame(value, map.lookup("a:b/c@1.0.0").orElseThrow().value());
    }

    private static void assertResolves(NameMap<String> map, String requested, String name, String value,
            Optional<String> track) {
        Hit<String> hit = map.lookup(requested).orElseThrow(() -> new AssertionError("no hit for " + requested));
        assertEquals(new Hit<>(requested, name, value, track,
                track.isPresent() ? Resolution.TRACK : Resolution.EXACT), hit);
        assertEquals(track.isPresent(), hit.viaTrack());
    }

    // --- names parsed once ---

    @Test
    void aParsedInterfaceNameIsDefinedAndLookedUpWithTheTrackItCarries() {
        NameMap<String> map = new NameMap<>();
        map.define(InterfaceName.parse("a:b/c@1.0.1"), "host 1.0.1", false);
        map.define(InterfaceName.parse("a:b/c@1.2.0"), "host 1.2.0", false);

        Hit<String> hit = map.lookup(InterfaceName.parse("a:b/c@1.0.0")).orElseThrow();

        assertEquals("a:b/c@1.2.0", hit.name());
        assertEquals(Optional.of("a:b/c@1"), hit.track());
        assertEquals("host 1.0.1", map.lookup(InterfaceName.parse("a:b/c@1.0.1")).orElseThrow().value());
        assertEquals(Optional.empty(), map.lookup(InterfaceName.parse("a:b/c@2.0.0")));
    }

    @Test
    void namesThatAreNotInterfaceNamesCarryTheTrackTheCallerDerived() {
        // WIT package names, as the resolver defines them
        NameMap<String> packages = new NameMap<>();
        packages.define("wasi:io@0.2.3", Optional.of("wasi:io@0.2"), Optional.of(Version.parse("0.2.3")), "0.2.3",
                false);
        packages.define("wasi:io@0.2.12", Optional.of("wasi:io@0.2"), Optional.of(Version.parse("0.2.12")), "0.2.12",
                false);

        assertEquals("0.2.12", packages.lookup("wasi:io@0.2.0", Optional.of("wasi:io@0.2")).orElseThrow().value());
        // no track given: exact matches only, whatever the text looks like
        assertEquals(Optional.empty(), packages.lookup("wasi:io@0.2.0", Optional.empty()));
        assertEquals("0.2.3", packages.lookup("wasi:io@0.2.3", Optional.empty()).orElseThrow().value());
    }

    @Test
    void aTrackWithoutAVersionIsRefused() {
        NameMap<String> map = new NameMap<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> map.define("x@1.0.0", Optional.of("x@1"), Optional.empty(), "v", false));
        assertEquals("'x@1.0.0' has the track x@1 but no version", e.getMessage());
    }
}
