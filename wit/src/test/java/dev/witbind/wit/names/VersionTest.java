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
        "1.0.0-x.7.z.92", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85", "1.0.0-rc-1"})
    void acceptsStrictSemver(String text) {
        assertEquals(text, Version.parse(text).toString());
        assertEquals(Optional.of(Version.parse(text)), Version.tryParse(text));
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"           | is empty",
        "v1.2.3         | has a 'v' prefix, which SemVer does not allow",
        "V1.2.3         | has a 'v' prefix, which SemVer does not allow",
        "\"1.2.3 \"     | must start with a digit and end with a letter or digit",
        "\" 1.2.3\"     | must start with a digit and end with a letter or digit",
        "1.2.3-         | must start with a digit and end with a letter or digit",
        "1.2.3+         | must start with a digit and end with a letter or digit",
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.2.3-rc.01", "1.0.0+a+b", "1.2.3-rc..1", "99999999999.0.0", "1..3"})
    void rejectsWhatSemverItselfRejects(String text) {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> Version.parse(text));
        assertTrue(e.reason().startsWith("is not a valid SemVer 2.0 version"), e.reason());
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
    void equalityIsByText() {
        assertEquals(Version.parse("1.2.3"), Version.parse("1.2.3"));
        assertEquals(Version.parse("1.2.3").hashCode(), Version.parse("1.2.3").hashCode());
        assertEquals(0, Version.parse("1.2.3+b").compareTo(Version.parse("1.2.3+b")));
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
