package dev.witbind.wit.names;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @Test
    void parsesNumbersPrereleaseAndBuild() {
        Version version = Version.parse("1.2.3-rc.1+build.5");
        assertAll(
                () -> assertEquals(1, version.major()),
                () -> assertEquals(2, version.minor()),
                () -> assertEquals(3, version.patch()),
                () -> assertTrue(version.isPrerelease()),
                () -> assertEquals("1.2.3-rc.1+build.5", version.toString()));
    }

    @Test
    void releaseWithBuildMetadataIsNotPrerelease() {
        Version version = Version.parse("0.2.3+abc");
        assertFalse(version.isPrerelease());
        assertEquals(0, version.major());
        assertEquals(2, version.minor());
        assertEquals(3, version.patch());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0.0", "0.2.1", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7",
        "1.0.0-x.7.z.92", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85", "1.0.0-rc-1",
        // semver.org's own list of valid texts includes these corner cases.
        "1.0.1--", "1.0.0-0A.is.legal", "1.1.2-prerelease+meta", "1.1.2+meta-valid", "1.0.0-alpha-a.b-c-somethinglong+build.1-aef.1-its-okay",
        "2.0.0-rc.1+build.123", "1.2.3----RC-SNAPSHOT.12.9.1--.12+788", "1.2.3----R-S.12.9.1--.12+meta",
        "1.2.3----RC-SNAPSHOT.12.9.1--.12", "1.0.0+0.build.1-rc.10000aaa-kk-0.1", "1.0.0-0A.is.legal",
        "18446744073709551615.0.0",
        "1.0.0+01", "1.0.0-x-y-z.--"})
    void acceptsStrictSemver(String text) {
        assertEquals(text, Version.parse(text).toString());
        assertEquals(Optional.of(Version.parse(text)), Version.tryParse(text));
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"           | is empty",
        "v1.2.3         | has a 'v' prefix, which SemVer does not allow",
        "V1.2.3         | has a 'v' prefix, which SemVer does not allow",
        "\"1.2.3 \"     | contains ' '; SemVer allows only ASCII letters, digits, '.', '-' and '+'",
        "\" 1.2.3\"     | contains ' '; SemVer allows only ASCII letters, digits, '.', '-' and '+'",
        "a.b.c          | must start with a digit (MAJOR.MINOR.PATCH)",
        "1.2.3-         | has an empty prerelease identifier (prerelease is dot-separated identifiers of letters, digits and '-')",
        "1.2.3+         | has an empty build metadata identifier (build metadata is dot-separated identifiers of letters, digits and '-')",
        "1.2.3-rc..1    | has an empty prerelease identifier (prerelease is dot-separated identifiers of letters, digits and '-')",
        "1.2.3-rc.01    | has the numeric prerelease identifier '01' with a leading zero",
        "1.0.0+a+b      | has a second '+'; build metadata is dot-separated identifiers of letters, digits and '-'",
        "1..3           | is not MAJOR.MINOR.PATCH: SemVer needs all three numbers",
        "1.2.3a         | has 'a' after the patch number; a prerelease starts with '-' and build metadata with '+'",
        "18446744073709551616.0.0 | has the number '18446744073709551616', which is larger than 18446744073709551615 (2^64-1)",
        "0.0.99999999999999999999 | has the number '99999999999999999999', which is larger than 18446744073709551615 (2^64-1)",
        "1.2.3_x        | contains '_'; SemVer allows only ASCII letters, digits, '.', '-' and '+'",
        "1.2            | is not MAJOR.MINOR.PATCH: SemVer needs all three numbers",
        "1              | is not MAJOR.MINOR.PATCH: SemVer needs all three numbers",
        "1.2.3.4        | is not MAJOR.MINOR.PATCH: SemVer needs all three numbers",
        "01.2.3         | has the number '01' with a leading zero",
        "1.02.3         | has the number '02' with a leading zero",
        "1.2.03         | has the number '03' with a leading zero",
    })
    void rejectsWithReason(String text, String reason) {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> Version.parse(text));
        assertEquals(text, e.input());
        assertEquals("the version '" + text + "'", e.part());
        assertEquals(reason, e.reason());
        assertEquals(Optional.empty(), Version.tryParse(text));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(quoteCharacter = '"', value = {
        "0.2, 0.2.0",
        "1, 1.0.0",
        "v0.2.1, 0.2.1",
        "01.2.3, 1.2.3",
        "1.002.3, 1.2.3",
        "\"1.2.3 \", 1.2.3",
        "v1.2-rc.1, 1.2.0-rc.1",
    })
    void suggestsCorrection(String text, String suggestion) {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> Version.parse(text));
        assertEquals(Optional.of(suggestion), e.suggestion());
        assertEquals("invalid name '" + text + "': the version '" + text + "' " + e.reason()
                + " (did you mean '" + suggestion + "'?)", e.getMessage());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "1.2.3.4", "a.b.c", "1.2.3_x"})
    void noSuggestionWhenNoneCanBeDerived(String text) {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> Version.parse(text));
        assertEquals(Optional.empty(), e.suggestion());
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
    }

    @Test
    void precedenceOrder() {
        // SemVer 2.0 section 11: a prerelease precedes its release; then numeric comparison left to right.
        List<String> expected = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0",
                "2.0.0");
        List<Version> shuffled = new ArrayList<>();
        for (String text : List.of("2.0.0", "1.0.0-rc.1", "1.1.0", "1.0.0", "1.0.0-alpha.1", "1.0.1",
                "1.0.0-alpha")) {
            shuffled.add(Version.parse(text));
        }
        Collections.sort(shuffled);
        assertEquals(expected, shuffled.stream().map(Version::toString).toList());
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "1.0.0-rc.1, 1.0.0",
        "1.0.0, 1.0.1",
        "1.0.1, 1.1.0",
        "1.1.0, 2.0.0",
        "1.9.0, 1.10.0",
        "0.2.9, 0.2.10",
        "1.0.0-alpha.9, 1.0.0-alpha.10",
    })
    void lowerPrecedence(String lower, String higher) {
        assertTrue(Version.parse(lower).compareTo(Version.parse(higher)) < 0);
        assertTrue(Version.parse(higher).compareTo(Version.parse(lower)) > 0);
    }

    @Test
    void buildMetadataTieIsBrokenByText() {
        Version plain = Version.parse("2.1.2");
        Version abc = Version.parse("2.1.2+abc");
        Version abd = Version.parse("2.1.2+abd");
        // Same SemVer precedence, yet never "equal": the order is the text's, in both directions.
        assertTrue(plain.compareTo(abc) < 0);
        assertTrue(abc.compareTo(plain) > 0);
        assertTrue(abc.compareTo(abd) < 0);
        assertTrue(abd.compareTo(abc) > 0);
        assertNotEquals(plain, abc);
        // Build metadata never outranks a higher patch.
        assertTrue(Version.parse("2.1.2+zzz").compareTo(Version.parse("2.1.3")) < 0);
    }

    @Test
    void precedenceIgnoresBuildMetadataOnly() {
        assertEquals(0, Version.parse("2.1.2+abc").comparePrecedence(Version.parse("2.1.2")));
        assertEquals(0, Version.parse("2.1.2+abc").comparePrecedence(Version.parse("2.1.2+abd")));
        assertTrue(Version.parse("2.1.2-rc.1+zzz").comparePrecedence(Version.parse("2.1.2")) < 0);
        assertTrue(Version.parse("2.1.3+a").comparePrecedence(Version.parse("2.1.2+b")) > 0);
        assertTrue(Version.parse("1.0.0-beta.11").comparePrecedence(Version.parse("1.0.0-beta.2")) > 0);
    }

    @Test
    void equalityIsByText() {
        assertEquals(Version.parse("1.2.3"), Version.parse("1.2.3"));
        assertEquals(Version.parse("1.2.3").hashCode(), Version.parse("1.2.3").hashCode());
        assertEquals(0, Version.parse("1.2.3+b").compareTo(Version.parse("1.2.3+b")));
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        // numeric identifiers compare as numbers whatever their size, and below alphanumeric ones
        "1.0.0-99999999999999999999999, 1.0.0-100000000000000000000000",
        "1.0.0-2, 1.0.0-10",
        "1.0.0-999, 1.0.0-a",
        "1.0.0-A, 1.0.0-a",
        "1.0.0-alpha, 1.0.0-alpha.0",
        "1.0.0--, 1.0.0-0A",
        // numbers are unsigned 64-bit
        "9223372036854775807.0.0, 9223372036854775808.0.0",
        "18446744073709551614.0.0, 18446744073709551615.0.0",
        // build metadata: ordered as the semver crate orders it, numbers by value, then by length
        "1.0.0, 1.0.0+0",
        "1.0.0+9, 1.0.0+10",
        "1.0.0+0, 1.0.0+00",
        "1.0.0+00, 1.0.0+1",
        "1.0.0+1, 1.0.0+01",
        "1.0.0+01, 1.0.0+001",
        "1.0.0+002, 1.0.0+10",
        "1.0.0+99, 1.0.0+a",
        "1.0.0+a, 1.0.0+a.0",
        "1.0.0-rc.1+zzz, 1.0.0-rc.2",
        "1.0.0-rc.1+zzz, 1.0.0",
    })
    void semverCrateOrder(String lower, String higher) {
        assertTrue(Version.parse(lower).compareTo(Version.parse(higher)) < 0, lower + " < " + higher);
        assertTrue(Version.parse(higher).compareTo(Version.parse(lower)) > 0, higher + " > " + lower);
    }

    @Test
    void numbersAreUnsigned64Bit() {
        Version max = Version.parse("18446744073709551615.1.2");
        assertEquals(-1L, max.major());
        assertEquals(Optional.of("18446744073709551615"), max.trackSuffix());
        assertEquals("", max.prerelease());
        assertEquals("rc.1", Version.parse("1.2.3-rc.1+b.2").prerelease());
        assertEquals("b.2", Version.parse("1.2.3-rc.1+b.2").build());
    }

    @Test
    void parsingIsLinearInTheLength() {
        // 400,000 identifiers, and 400,000 characters of one: backtracking or recursion would not finish (or would
        // overflow the stack); one pass takes milliseconds.
        String many = "1.0.0-" + "a.".repeat(200_000) + "a+" + "0.".repeat(200_000) + "0";
        String one = "1.0.0-" + "-".repeat(400_000) + "+" + "9".repeat(400_000);
        long start = System.nanoTime();
        assertEquals(many, Version.parse(many).toString());
        assertEquals(one, Version.parse(one).toString());
        assertEquals(0, Version.parse(many).compareTo(Version.parse(many)));
        assertTrue(Version.parse(many).compareTo(Version.parse(one)) > 0);
        assertTrue(Version.tryParse(many + "..").isEmpty());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "parsing took too long");
    }

    @ParameterizedTest(name = "{0} -> @{1}")
    @CsvSource({
        "1.0.0, 1",
        "1.1.2, 1",
        "2.1.2+abc, 2",
        "10.0.0, 10",
        "0.1.2, 0.1",
        "0.2.3+abc, 0.2",
        "0.12.0, 0.12",
    })
    void trackSuffix(String version, String suffix) {
        assertEquals(Optional.of(suffix), Version.parse(version).trackSuffix());
    }

    @ParameterizedTest(name = "{0} has no track suffix")
    @ValueSource(strings = {"0.0.0", "0.0.1", "0.0.1-pre", "0.1.0-pre", "1.0.0-pre", "2.0.0-rc.1+build"})
    void noTrackSuffix(String version) {
        assertEquals(Optional.empty(), Version.parse(version).trackSuffix());
    }
}
