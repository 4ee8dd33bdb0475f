package dev.witbind.wit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Canonical interface names (Explainer, "Canonical Interface Name", 🔗): the {@code canonversion} grammar, what each
 * name's canonical form and track are, and which definition a {@link NameMap} lookup finds in both directions.
 */
class CanonicalNamesTest {

    // ---- the grammar: canonversion ::= [1-9][0-9]* | '0.' [1-9][0-9]* | '0.0.' [1-9][0-9]* | '0.0.0' ------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1", "9", "10", "123", "0.1", "0.2", "0.10", "0.0.1", "0.0.12", "0.0.0",
        "18446744073709551615", "0.0.18446744073709551615"})
    void canonversions(String text) {
        assertTrue(CanonicalVersion.matches(text));
        assertEquals(text, CanonicalVersion.parse(text).toString());
        assertEquals("a:b/c@" + text, InterfaceName.parse("a:b/c@" + text).toString());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "0", "01", "00", "0.0", "0.02", "0.00", "0.0.01", "0.0.00", "1.2", "0.2.3", "1.0.0",
        "0.", "0.0.", "1.", ".1", "0.0.0.0", "v1", "1-rc", "0.2+b", "+1", "1a", "18446744073709551616",
        "0.18446744073709551616"})
    void notCanonversions(String text) {
        assertFalse(CanonicalVersion.matches(text));
        assertEquals(Optional.empty(), CanonicalVersion.tryParse(text));
        assertThrows(InvalidNameException.class, () -> CanonicalVersion.parse(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "01", "0.0", "0.02", "1.2", "0."})
    void interfaceNamesWithNeitherSemVerNorACanonversionAreInvalid(String version) {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> InterfaceName.parse("a:b/c@" + version));
        assertEquals("the version '" + version + "'", e.part());
        assertTrue(e.reason().endsWith("(or, for a canonical name, a canonversion: 1, 0.2 or 0.0.1)"), e.reason());
    }

    @Test
    void aCanonversionIsNeverPrintedOrReadAsSemVer() {
        InterfaceName name = InterfaceName.parse("wasi:cli/exit@0.2");
        assertEquals("wasi:cli/exit@0.2", name.toString());
        assertEquals(Optional.empty(), name.version());
        assertEquals(Optional.of("0.2"), name.canonicalVersion().map(CanonicalVersion::toString));
        assertEquals(Optional.empty(), name.compatibilityTrack()); // Wasmtime's rule: not a full version
        assertEquals(Optional.of("wasi:cli/exit@0.2"), CompatibilityTrack.namedBy(name.toString()));
        assertTrue(name.isCanonical());
        assertEquals(name, name.canonicalName());
    }

    // ---- each name: canonical? its canonversion, its canonical name, Wasmtime's track, the track it names ---------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // name              | canonical? | canonversion | canonical name | track (Wasmtime) | names track
        "a:b/c               | true       | -            | a:b/c          | -                | -",
        "a:b/c@1             | true       | 1            | a:b/c@1        | -                | a:b/c@1",
        "a:b/c@12            | true       | 12           | a:b/c@12       | -                | a:b/c@12",
        "a:b/c@0.2           | true       | 0.2          | a:b/c@0.2      | -                | a:b/c@0.2",
        "a:b/c@0.0.1         | true       | 0.0.1        | a:b/c@0.0.1    | -                | -",
        "a:b/c@0.0.0         | true       | 0.0.0        | a:b/c@0.0.0    | -                | -",
        "a:b/c@1.2.3         | false      | -            | a:b/c@1        | a:b/c@1          | -",
        "a:b/c@0.2.6         | false      | -            | a:b/c@0.2      | a:b/c@0.2        | -",
        "a:b/c@0.2.6+abc     | false      | -            | a:b/c@0.2      | a:b/c@0.2        | -",
        "a:b/c@0.2.6-rc.1    | false      | -            | a:b/c@0.2      | -                | -",
        "a:b/c@0.0.1-alpha   | false      | -            | a:b/c@0.0.1    | -                | -",
        "a:b/c@1.0.0         | false      | -            | a:b/c@1        | a:b/c@1          | -",
    })
    void table(String text, boolean canonical, String canonversion, String canonicalName, String track,
            String namesTrack) {
        InterfaceName name = InterfaceName.parse(text);
        assertEquals(canonical, name.isCanonical());
        assertEquals(Optional.ofNullable(canonversion), name.canonicalVersion().map(CanonicalVersion::toString));
        assertEquals(canonicalName, name.canonicalName().toString());
        assertEquals(Optional.ofNullable(track), name.compatibilityTrack());
        assertEquals(Optional.ofNullable(track), CompatibilityTrack.of(text));
        assertEquals(Optional.ofNullable(namesTrack), CompatibilityTrack.namedBy(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1.2.3, 1, .2.3",
        "0.2.6-rc.1, 0.2, .6-rc.1",
        "0.0.1-alpha, 0.0.1, -alpha",
        "0.2.6+build.5, 0.2, .6+build.5",
        "10.0.0, 10, .0.0",
        "0.0.0, 0.0.0, ''",
    })
    void aVersionSplitsIntoItsCanonversionAndSuffixAndJoinsBack(String version, String canon, String suffix) {
        Version parsed = Version.parse(version);
        assertEquals(canon, CanonicalVersion.of(parsed).toString());
        assertEquals(suffix, CanonicalVersion.suffixOf(parsed));
        assertEquals(parsed, CanonicalVersion.parse(canon).withSuffix(suffix));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({"0.2, ''", "0.2, .6.7", "1, -rc", "0.2, .06", "1, .2", "0.0.1, .0"})
    void aSuffixMustMakeAValidSemVerVersion(String canon, String suffix) {
        InvalidNameException e = assertThrows(InvalidNameException.class,
                () -> CanonicalVersion.parse(canon).withSuffix(suffix));
        assertTrue(e.getMessage().contains("does not make the canonical version " + canon + " a valid SemVer"),
                e.getMessage());
    }

    // ---- lookups: which definition a name finds ------------------------------------------------------------------

    private static NameMap<String> defining(String... names) {
        NameMap<String> map = new NameMap<>();
        for (String name : names) {
            map.define(InterfaceName.parse(name), name, false);
        }
        return map;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // defined (in order)                  | requested       | finds        | how
        // a canonical request finds the highest version on the track it names
        "a:b/c@0.2.1 a:b/c@0.2.12 a:b/c@0.2.3  | a:b/c@0.2       | a:b/c@0.2.12 | CANONICAL_NAME",
        "a:b/c@1.0.0 a:b/c@1.4.2               | a:b/c@1         | a:b/c@1.4.2  | CANONICAL_NAME",
        "a:b/c@0.3.0                           | a:b/c@0.2       | -            | -",
        "a:b/c@0.2.0-rc.1                      | a:b/c@0.2       | -            | -",
        "a:b/c@0.0.1                           | a:b/c@0.0.2     | -            | -",
        // a versioned request finds a canonical definition of its track
        "a:b/c@0.2                             | a:b/c@0.2.3     | a:b/c@0.2    | CANONICAL_NAME",
        "a:b/c@0.2                             | a:b/c@0.2.0+b   | a:b/c@0.2    | CANONICAL_NAME",
        "a:b/c@1                               | a:b/c@1.0.0     | a:b/c@1      | CANONICAL_NAME",
        "a:b/c@0.2                             | a:b/c@0.2       | a:b/c@0.2    | EXACT",
        "a:b/c@0.2                             | a:b/c@0.3.0     | -            | -",
        "a:b/c@0.2                             | a:b/c@0.2.3-rc  | -            | -",
        "a:b/c@1                               | a:b/c@0.1.0     | -            | -",
        "a:b/c@0.2                             | x:b/c@0.2.3     | -            | -",
        // an explicit version outranks a canonical definition of the same track, in either order
        "a:b/c@0.2 a:b/c@0.2.1                 | a:b/c@0.2.5     | a:b/c@0.2.1  | TRACK",
        "a:b/c@0.2.1 a:b/c@0.2                 | a:b/c@0.2.0     | a:b/c@0.2.1  | TRACK",
        "a:b/c@0.2.1 a:b/c@0.2                 | a:b/c@0.2.1     | a:b/c@0.2.1  | EXACT",
        // ... but a canonical request finds its exact canonical definition first
        "a:b/c@0.2.1 a:b/c@0.2                 | a:b/c@0.2       | a:b/c@0.2    | EXACT",
        // 0.0.x is SemVer and matches only exactly, canonical or not
        "a:b/c@0.0.1                           | a:b/c@0.0.1     | a:b/c@0.0.1  | EXACT",
        // Wasmtime's rule is untouched
        "a:b/c@0.2.1 a:b/c@0.2.9               | a:b/c@0.2.0     | a:b/c@0.2.9  | TRACK",
    })
    void lookups(String defined, String requested, String found, Resolution how) {
        NameMap<String> map = defining(defined.split(" "));
        Optional<NameMap.Hit<String>> byText = map.lookup(requested);
        Optional<NameMap.Hit<String>> byName = map.lookup(InterfaceName.parse(requested));
        assertEquals(byText, byName);
        assertEquals(Optional.ofNullable(found), byText.map(NameMap.Hit::name));
        assertEquals(Optional.ofNullable(found), byText.map(NameMap.Hit::value));
        assertEquals(Optional.ofNullable(how), byText.map(NameMap.Hit::resolution));
        byText.ifPresent(hit -> assertEquals(how != Resolution.EXACT, hit.viaTrack()));
    }

    @Test
    void aCanonicalHitNamesTheTrackItWentThrough() {
        NameMap<String> map = defining("wasi:cli/exit@0.2.12");
        NameMap.Hit<String> hit = map.lookup("wasi:cli/exit@0.2").orElseThrow();
        assertEquals(Optional.of("wasi:cli/exit@0.2"), hit.track());
        assertTrue(hit.viaCanonicalName());

        NameMap<String> canonical = defining("wasi:cli/exit@0.2");
        NameMap.Hit<String> back = canonical.lookup("wasi:cli/exit@0.2.6").orElseThrow();
        assertEquals(Optional.of("wasi:cli/exit@0.2"), back.track());
        assertTrue(back.viaCanonicalName());
    }

    @Test
    void aCanonicalNameAndItsVersionsAreDifferentNames() {
        NameMap<String> map = defining("a:b/c@0.2", "a:b/c@0.2.0", "a:b/c@0.2.1");
        assertEquals(java.util.List.of("a:b/c@0.2", "a:b/c@0.2.0", "a:b/c@0.2.1"), map.names());
        assertEquals(java.util.List.of("a:b/c@0.2", "a:b/c@0.2.0", "a:b/c@0.2.1"), map.namesLike("a:b/c@0.2.7"));
        assertThrows(NameMap.DuplicateNameException.class, () -> map.define("a:b/c@0.2", "again", false));
    }
}
