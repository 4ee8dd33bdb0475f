package dev.witbind.wit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The track table of DESIGN.md section 2, row by row (Wasmtime's {@code alternate_lookup_key}). */
class CompatibilityTrackTest {

    @ParameterizedTest(name = "{0} is on track {1}")
    @CsvSource({
        // MAJOR >= 1: the track is the major version.
        "x:y/z@1.0.0, x:y/z@1",
        "x:y/z@1.1.0, x:y/z@1",
        "x:y/z@1.1.2, x:y/z@1",
        "x:y/z@2.1.2, x:y/z@2",
        // Build metadata is dropped.
        "x:y/z@2.1.2+abc, x:y/z@2",
        // 0.MINOR with MINOR >= 1: the track is 0.MINOR.
        "x:y/z@0.1.2, x:y/z@0.1",
        "x:y/z@0.1.3, x:y/z@0.1",
        "x:y/z@0.2.3, x:y/z@0.2",
        "x:y/z@0.2.3+abc, x:y/z@0.2",
    })
    void versionedNameHasTrack(String name, String track) {
        assertEquals(Optional.of(track), CompatibilityTrack.of(name));
    }

    @ParameterizedTest(name = "{0} has no track")
    @ValueSource(strings = {
        // No version: exact matching only.
        "x",
        "x:y/z",
        // 0.0.x: every patch may break.
        "x:y/z@0.0.1",
        // Any prerelease.
        "x:y/z@0.0.1-pre",
        "x:y/z@0.1.0-pre",
        "x:y/z@1.0.0-pre",
        // Not a full version.
        "x:y/z@1",
        "x:y/z@0.2",
    })
    void nameWithoutTrack(String name) {
        assertEquals(Optional.empty(), CompatibilityTrack.of(name));
    }

    @ParameterizedTest(name = "{0} has no track")
    @ValueSource(strings = {"x:y/z@v1.0.0", "x:y/z@01.0.0", "x:y/z@1.0.0 ", "x:y/z@", "x:y/z@0.0.0"})
    void lenientOrZeroVersionsHaveNoTrack(String name) {
        assertEquals(Optional.empty(), CompatibilityTrack.of(name));
    }

    @ParameterizedTest(name = "versionOf({0}) = {1}")
    @CsvSource({
        "x:y/z@1.2.3, 1.2.3",
        "x:y/z@0.2.3+abc, 0.2.3+abc",
        "x:y/z@1.0.0-pre, 1.0.0-pre",
    })
    void versionOfStrictVersion(String name, String version) {
        assertEquals(Optional.of(version), CompatibilityTrack.versionOf(name).map(Version::toString));
    }

    @ParameterizedTest(name = "versionOf({0}) is empty")
    @ValueSource(strings = {"x:y/z", "x:y/z@1", "x:y/z@v1.2.3"})
    void versionOfWithoutStrictVersion(String name) {
        assertEquals(Optional.empty(), CompatibilityTrack.versionOf(name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "wasi:io/streams@0.2.1, wasi:io/streams@0.2",
        "wasi:http/types@1.4.0, wasi:http/types@1",
    })
    void interfaceNameUsesTheSameRule(String name, String track) {
        assertEquals(Optional.of(track), InterfaceName.parse(name).compatibilityTrack());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wasi:io/streams", "wasi:io/streams@0.0.9", "wasi:io/streams@0.2.0-rc.1"})
    void interfaceNameWithoutTrack(String name) {
        assertEquals(Optional.empty(), InterfaceName.parse(name).compatibilityTrack());
    }

    @ParameterizedTest(name = "prerelease {1} of {0} is on its release's track {2}")
    @CsvSource({
        "x:y/z, 1.2.0-rc.1, x:y/z@1",
        "x:y/z, 0.2.2-rc.1, x:y/z@0.2",
        "x:y/z, 0.2.2-rc.1+build.5, x:y/z@0.2",
        "x:y/z, 18446744073709551615.0.0-alpha, x:y/z@18446744073709551615",
    })
    void aPrereleaseIsOnItsReleasesTrackWhenAsked(String unversioned, String version, String track) {
        assertEquals(Optional.of(track), CompatibilityTrack.ofRelease(unversioned, Version.parse(version)));
        assertEquals(Optional.empty(), CompatibilityTrack.of(unversioned + "@" + version), "Wasmtime's rule: none");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0.3-rc.1", "1.2.0", "0.2.1+build"})
    void releasesAndZeroZeroPrereleasesHaveNoReleaseTrack(String version) {
        assertEquals(Optional.empty(), CompatibilityTrack.ofRelease("x:y/z", Version.parse(version)));
    }
}
