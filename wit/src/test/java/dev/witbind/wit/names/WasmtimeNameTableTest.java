package dev.witbind.wit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link NameMap} against a table of Wasmtime's behaviour: the rows of its own tests in
 * {@code crates/environ/src/component/names.rs} ({@code alternate_lookup_key} and {@code name_map_smoke}, read at
 * Wasmtime commit e6b33de5139d915a48127fc78b790e2d306cf896, 2026-08-21), and rows derived from the code they test
 * (insert keeps the entry of the higher {@code semver::Version} per alternate key, so build metadata and numeric
 * identifiers order as the semver crate orders them; get tries the exact name, then the alternate key). Canonical
 * names ({@code a:b/c@0.2}) are witbind's addition and have their own tests ({@code CanonicalNamesTest}).
 */
class WasmtimeNameTableTest {

    @ParameterizedTest(name = "alternate_lookup_key({0}) = {1}")
    @CsvSource(nullValues = "none", value = {
        // names.rs, test alternate_lookup_key, every assertion
        "x, none",
        "x:y/z, none",
        "x:y/z@1.0.0, x:y/z@1",
        "x:y/z@1.1.0, x:y/z@1",
        "x:y/z@1.1.2, x:y/z@1",
        "x:y/z@2.1.2, x:y/z@2",
        "x:y/z@2.1.2+abc, x:y/z@2",
        "x:y/z@0.1.2, x:y/z@0.1",
        "x:y/z@0.1.3, x:y/z@0.1",
        "x:y/z@0.2.3, x:y/z@0.2",
        "x:y/z@0.2.3+abc, x:y/z@0.2",
        "x:y/z@0.0.1, none",
        "x:y/z@0.0.1-pre, none",
        "x:y/z@0.1.0-pre, none",
        "x:y/z@1.0.0-pre, none",
        // derived: semver::Version::parse decides; what it refuses has no key
        "x:y/z@18446744073709551615.0.0, x:y/z@18446744073709551615",
        "x:y/z@0.18446744073709551615.1, x:y/z@0.18446744073709551615",
        "x:y/z@18446744073709551616.0.0, none",
        "x:y/z@1.0, none",
        "x:y/z@01.0.0, none",
        "x:y/z@v1.0.0, none",
        "x:y/z@1.0.0-0.3.7, none",
        "x:y/z@1.0.1--, none",
        "x:y/z@1.2.3+build.01, x:y/z@1",
    })
    void alternateLookupKey(String name, String track) {
        assertEquals(Optional.ofNullable(track), CompatibilityTrack.of(name));
    }

    /**
     * Names defined in order (space-separated), a request, and the name it finds ({@code none}: not found). The map
     * stands for a Wasmtime {@code NameMap<String, String>} whose values are the names themselves.
     */
    @ParameterizedTest(name = "[{0}] get({1}) = {2}")
    @CsvSource(nullValues = "none", value = {
        // names.rs, test name_map_smoke, every get
        "a b, a, a",
        "a b, b, b",
        "a b, c, none",
        "a b a:b/c@1.0.0 a:b/c@1.0.1, a:b/c@1.0.0, a:b/c@1.0.0",
        "a b a:b/c@1.0.0 a:b/c@1.0.1, a:b/c@1.0.1, a:b/c@1.0.1",
        "a b a:b/c@1.0.0 a:b/c@1.0.1, a:b/c@1.0.2, a:b/c@1.0.1",
        "a b a:b/c@1.0.0 a:b/c@1.0.1, a:b/c@1.1.0, a:b/c@1.0.1",
        // derived from insert: the higher version wins in either order
        "a:b/c@1.0.1 a:b/c@1.0.0, a:b/c@1.5.0, a:b/c@1.0.1",
        "a:b/c@1.0.0 a:b/c@1.0.1, a:b/c@1.5.0, a:b/c@1.0.1",
        // a newer import finds an older host on its track; other tracks and majors do not
        "a:b/c@1.0.0, a:b/c@1.9.9, a:b/c@1.0.0",
        "a:b/c@1.0.0, a:b/c@2.0.0, none",
        "a:b/c@0.2.0, a:b/c@0.3.0, none",
        "a:b/c@0.2.0, a:b/c@0.2.9, a:b/c@0.2.0",
        "a:b/c@0.0.1, a:b/c@0.0.2, none",
        "a:b/c@0.0.1, a:b/c@0.0.1, a:b/c@0.0.1",
        // prereleases have no key on either side
        "a:b/c@1.0.0, a:b/c@1.0.1-rc.1, none",
        "a:b/c@1.1.0-rc.1, a:b/c@1.0.0, none",
        "a:b/c@1.1.0-rc.1, a:b/c@1.1.0-rc.1, a:b/c@1.1.0-rc.1",
        // semver crate order decides the highest: numbers by value (also above 2^63), build metadata too
        "a:b/c@1.9.0 a:b/c@1.10.0, a:b/c@1.0.0, a:b/c@1.10.0",
        "a:b/c@1.10.0 a:b/c@1.9.0, a:b/c@1.0.0, a:b/c@1.10.0",
        "a:b/c@1.9223372036854775808.0 a:b/c@1.9223372036854775807.0, a:b/c@1.0.0, a:b/c@1.9223372036854775808.0",
        "a:b/c@1.0.0+9 a:b/c@1.0.0+10, a:b/c@1.0.1, a:b/c@1.0.0+10",
        "a:b/c@1.0.0+10 a:b/c@1.0.0+9, a:b/c@1.0.1, a:b/c@1.0.0+10",
        "a:b/c@1.0.0+a a:b/c@1.0.0, a:b/c@1.0.1, a:b/c@1.0.0+a",
        "a:b/c@1.0.0+1 a:b/c@1.0.0+01, a:b/c@1.0.1, a:b/c@1.0.0+01",
        "a:b/c@1.0.0+zzz a:b/c@1.0.1, a:b/c@1.0.2, a:b/c@1.0.1",
        // a request with build metadata is looked up exactly, then on its track
        "a:b/c@1.0.0, a:b/c@1.0.0+abc, a:b/c@1.0.0",
    })
    void get(String defined, String requested, String found) {
        NameMap<String> map = new NameMap<>();
        Arrays.stream(defined.split(" ")).forEach(name -> map.define(name, name, false));
        assertEquals(Optional.ofNullable(found), map.lookup(requested).map(NameMap.Hit::value));
    }
}
