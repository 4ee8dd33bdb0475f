package dev.witbind.wit.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.parser.WitPackages;
import dev.witbind.wit.parser.model.WitPackage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The package-level checks: same package, one compatibility track (DESIGN.md section 2), version order. */
class TracksTest {

    /** The same one-function package at a version ({@code -} for none). */
    private static WitPackage pkg(String name, String version) {
        String header = "package " + name + (version.equals("-") ? "" : "@" + version) + ";\n";
        return WitPackages.parse(name + "-" + version + ".wit", header + "interface i {\n  f: func();\n}\n").root();
    }

    private static CompatibilityReport compare(String olderVersion, String newerVersion) {
        return PackageCompatibility.compare(pkg("example:t", olderVersion), pkg("example:t", newerVersion));
    }

    @ParameterizedTest(name = "{0} -> {1}: track {2}")
    @CsvSource({
        "0.2.0, 0.2.12, example:t@0.2",
        "0.2.12, 0.2.12, example:t@0.2",
        "1.0.0, 1.9.3, example:t@1",
        "1.0.0+abc, 1.0.1+def, example:t@1",
        "2.1.0, 2.1.0+build, example:t@2",
        "0.0.1, 0.0.1, -",
        "1.0.0-rc.1, 1.0.0-rc.1, -",
        "-, -, -",
    })
    void linkable(String older, String newer, String track) {
        CompatibilityReport report = compare(older, newer);
        assertTrue(report.isLinkable(), report::describe);
        assertTrue(report.isCompatible(), report::describe);
        assertEquals(track.equals("-") ? Optional.empty() : Optional.of(track), report.track());
        assertTrue(report.hostProvides("i", "f"));
        assertEquals(List.of(), report.findings());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0.2.5 | 0.3.0 | example:t@0.2.5 is on track example:t@0.2 and example:t@0.3.0 on track example:t@0.3",
        "1.2.0 | 2.0.0 | example:t@1.2.0 is on track example:t@1 and example:t@2.0.0 on track example:t@2",
        "0.9.0 | 1.0.0 | example:t@0.9.0 is on track example:t@0.9 and example:t@1.0.0 on track example:t@1",
        "0.2.0 | 0.2.1-rc.1 | example:t@0.2.1-rc.1 is a prerelease, which matches only exactly",
        "1.0.0-rc.1 | 1.0.0 | example:t@1.0.0-rc.1 is a prerelease, which matches only exactly",
        "1.0.0-rc.1 | 1.0.0-rc.2 | example:t@1.0.0-rc.1 is a prerelease, which matches only exactly, "
                + "example:t@1.0.0-rc.2 is a prerelease, which matches only exactly",
        "0.0.1 | 0.0.2 | example:t@0.0.1 is a 0.0.x version, which matches only exactly, example:t@0.0.2 is a 0.0.x "
                + "version, which matches only exactly",
        "- | 1.0.0 | example:t has no version and so matches only exactly",
    })
    void notOnOneTrack(String older, String newer, String reason) {
        CompatibilityReport report = compare(older, newer);
        assertFalse(report.isLinkable());
        assertFalse(report.isCompatible());
        assertEquals(Optional.empty(), report.track());
        Finding finding = report.breakingChanges().get(0);
        assertEquals(Finding.Kind.NOT_ON_ONE_TRACK, finding.kind());
        assertEquals("example:t", finding.item());
        String newerName = "example:t" + (newer.equals("-") ? "" : "@" + newer);
        String olderName = "example:t" + (older.equals("-") ? "" : "@" + older);
        assertEquals(reason + ": a guest built against " + newerName + " never links to a host of " + olderName,
                finding.message());
        // The structure is identical, so that is the only finding, but no function reaches the older host.
        assertEquals(1, report.findings().size());
        assertEquals(Availability.UNLINKABLE, report.availability("i", "f"));
        assertEquals(Map.of("example:t/i", Map.of("f", Availability.UNLINKABLE)), report.missing());
    }

    @Test
    void unlinkableDescribe() {
        assertEquals("""
                example:t@0.2.5 -> example:t@0.3.0 (no common track): not a compatible addition, 1 breaking change
                  breaking:
                    example:t: example:t@0.2.5 is on track example:t@0.2 and example:t@0.3.0 on track example:t@0.3: a guest built against example:t@0.3.0 never links to a host of example:t@0.2.5
                  a host of example:t@0.2.5 provides none of example:t@0.3.0's functions to its guests
                """, compare("0.2.5", "0.3.0").describe());
    }

    @Test
    void differentPackages() {
        CompatibilityReport report = PackageCompatibility.compare(pkg("example:t", "1.0.0"), pkg("example:u", "1.1.0"));
        assertFalse(report.isCompatible());
        assertFalse(report.isLinkable());
        assertEquals(List.of("example:u: is another package than example:t: their interfaces never stand in for each "
                + "other"), report.findings().stream().map(Finding::toString).toList());
        assertEquals(Finding.Kind.DIFFERENT_PACKAGE, report.findings().get(0).kind());
        assertEquals(List.of(), report.additions());
        assertEquals(Availability.UNLINKABLE, report.availability("example:u/i", "f"));
    }

    @Test
    void lowerNewerVersionIsAWarning() {
        CompatibilityReport report = compare("0.2.12", "0.2.0");
        assertTrue(report.isCompatible());
        assertTrue(report.isLinkable());
        assertEquals(List.of("example:t: the newer version 0.2.0 precedes the older version 0.2.12; are the two "
                + "packages swapped?"),
                report.findings(Finding.Severity.WARNING).stream().map(Finding::toString).toList());
        assertEquals(Finding.Kind.VERSION_NOT_NEWER, report.findings().get(0).kind());
    }
}
