package dev.witbind.wit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CompatibilityTrack#of}'s fast path for plain versions gives what the full SemVer rule gives. */
class CompatibilityTrackFastPathTest {

    private static Optional<String> byFullRule(String name) {
        int at = name.indexOf('@');
        return Version.tryParse(name.substring(at + 1))
                .flatMap(Version::trackSuffix)
                .map(suffix -> name.substring(0, at) + "@" + suffix);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1.0.0", "0.0.0", "0.0.7", "0.1.0", "0.12.3", "12.0.9", "999999999.1.1", "1000000000.0.0",
        "2147483647.0.0", "2147483648.0.0", "00.1.0", "1.01.0", "1.0.00", "1.2", "1", "1.2.3.4", "1..2", ".1.2",
        "1.2.", "", "v1.2.3", "1.2.3-rc.1", "0.2.1-pre", "1.2.3+build.7", "0.2.3+abc", "1.2.3 ", "1.2.x",
    })
    void agreesWithTheFullRule(String version) {
        String name = "a:b/c@" + version;
        assertEquals(byFullRule(name), CompatibilityTrack.of(name), version);
    }

    @Test
    void agreesOnEverySmallVersion() {
        for (int major = 0; major < 12; major++) {
            for (int minor = 0; minor < 12; minor++) {
                for (int patch = 0; patch < 12; patch++) {
                    String name = "wasi:io/streams@" + major + "." + minor + "." + patch;
                    assertEquals(byFullRule(name), CompatibilityTrack.of(name), name);
                }
            }
        }
    }
}
