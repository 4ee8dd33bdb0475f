package dev.witbind.wit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code namespace:package/interface@version}. */
class InterfaceNameTest {

    @Test
    void withoutVersion() {
        InterfaceName name = InterfaceName.parse("wasi:io/streams");
        assertEquals(InterfaceName.of("wasi", "io", "streams", Optional.empty()), name);
        assertEquals("wasi:io/streams", name.unversioned());
        assertEquals("wasi:io/streams", name.toString());
    }

    @Test
    void withVersion() {
        InterfaceName name = InterfaceName.parse("wasi:io/streams@0.2.1");
        assertEquals("wasi", name.namespace());
        assertEquals("io", name.packageName());
        assertEquals("streams", name.interfaceName());
        assertEquals(Optional.of(Version.parse("0.2.1")), name.version());
        assertEquals("wasi:io/streams", name.unversioned());
        assertEquals("wasi:io/streams@0.2.1", name.toString());
    }

    @Test
    void kebabPartsAcronymInterfaceAndFullSemver() {
        InterfaceName name = InterfaceName.parse("a-b:c-d/e-F@1.2.3-rc.1+build.5");
        assertEquals("a-b", name.namespace());
        assertEquals("c-d", name.packageName());
        assertEquals("e-F", name.interfaceName());
        Version version = name.version().orElseThrow();
        assertEquals("1.2.3-rc.1+build.5", version.toString());
        assertTrue(version.isPrerelease());
        assertEquals("a-b:c-d/e-F@1.2.3-rc.1+build.5", name.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Wasi:io/streams@0.2.1 | the namespace 'Wasi' | is not lowercase kebab-case words: has the fragment 'Wasi', which is not lowercase ASCII letters and digits | wasi:io/streams@0.2.1",
        "wasi:IO/streams       | the package 'IO'     | is not lowercase kebab-case words: has the fragment 'IO', which is not lowercase ASCII letters and digits | wasi:io/streams",
        "wasi:io/Streams       | the interface 'Streams' | is not a kebab-case label: has the fragment 'Streams', which is not all lowercase or all uppercase ASCII letters and digits | wasi:io/streams",
        "wasi:io/streams@0.02  | the version '0.02'   | has the number '02' with a leading zero (or, for a canonical name, a canonversion: 1, 0.2 or 0.0.1) | wasi:io/streams@0.2.0",
        "wasi:io/streams@v0.2.1 | the version 'v0.2.1' | has a 'v' prefix, which SemVer does not allow | wasi:io/streams@0.2.1",
        "wasi:io/streams@01.2.3 | the version '01.2.3' | has the number '01' with a leading zero | wasi:io/streams@1.2.3",
        "\"wasi:io/streams@1.2.3 \" | \"the version '1.2.3 '\" | contains ' '; SemVer allows only ASCII letters, digits, '.', '-' and '+' | wasi:io/streams@1.2.3",
        "wasi:io/streams@      | the version ''       | is empty |",
        "wasi:io/read_stream   | the interface 'read_stream' | is not a kebab-case label: has the fragment 'read_stream', which is not all lowercase or all uppercase ASCII letters and digits | wasi:io/read-stream",
        "WASI:io/streams       | the namespace 'WASI' | is not lowercase kebab-case words: has the fragment 'WASI', which is not lowercase ASCII letters and digits | wasi:io/streams",
        "1wasi:io/streams      | the namespace '1wasi' | is not lowercase kebab-case words: must start with a letter, not '1' | wasi:io/streams",
    })
    void invalidPartReasonAndSuggestion(String text, String part, String reason, String suggestion) {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> InterfaceName.parse(text));
        assertEquals(text, e.input());
        assertEquals(part, e.part());
        assertEquals(reason, e.reason());
        assertEquals(Optional.ofNullable(suggestion), e.suggestion());
    }

    @Test
    void messageNamesInputPartReasonAndSuggestion() {
        InvalidNameException e = assertThrows(InvalidNameException.class,
                () -> InterfaceName.parse("wasi:io/streams@0.0"));
        assertEquals("invalid name 'wasi:io/streams@0.0': the version '0.0' is not MAJOR.MINOR.PATCH: SemVer "
                + "needs all three numbers (or, for a canonical name, a canonversion: 1, 0.2 or 0.0.1) (did you mean "
                + "'wasi:io/streams@0.0.0'?)", e.getMessage());
    }

    @Test
    void firstInvalidPartIsReportedAndEveryPartIsFixedInTheSuggestion() {
        InvalidNameException e = assertThrows(InvalidNameException.class,
                () -> InterfaceName.parse("Wasi:IO/Streams@v0.2"));
        assertEquals("the namespace 'Wasi'", e.part());
        assertEquals(Optional.of("wasi:io/streams@0.2.0"), e.suggestion());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wasi/io:streams   | is not 'namespace:package/interface' (with an optional '@version')",
        "wasi:io           | is not 'namespace:package/interface' (with an optional '@version')",
        "streams           | is not 'namespace:package/interface' (with an optional '@version')",
        "wasi:io@0.2.1/streams | has '@' before the '/interface' part",
    })
    void wrongShape(String text, String reason) {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> InterfaceName.parse(text));
        assertEquals("the name", e.part());
        assertEquals(reason, e.reason());
        assertEquals(Optional.empty(), e.suggestion());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wasi:io/streams", "wasi:io/streams@0.2.1", "wasi:http/outgoing-handler@0.2.0-rc-2023-11-10",
        "a-b:c-d/e-F@1.2.3-rc.1+build.5", "my-org:pkg2/HTTP-client@10.0.0"})
    void toStringIsTheParsedText(String text) {
        assertEquals(text, InterfaceName.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasi:io/streams", "wasi:io/streams@0.2.1", "a:b/c@1.2.3+build", "a:b/c@0.0.1",
            "a:b/c@1.0.0-rc.1", "a:b/c@10.20.30"})
    void theTrackComputedWhenTheNameIsMadeIsTheRulesTrack(String text) {
        assertEquals(CompatibilityTrack.of(text), InterfaceName.parse(text).compatibilityTrack());
        ExternName asExtern = ExternName.parse(text);
        assertEquals(CompatibilityTrack.of(text), asExtern.compatibilityTrack());
    }

    @Test
    void plainNamesHaveNoTrack() {
        assertEquals(Optional.empty(), ExternName.parse("[method]bucket.get").compatibilityTrack());
    }

    @Test
    void aNameMadeFromPartsIsCheckedLikeAParsedOne() {
        InvalidNameException e = assertThrows(InvalidNameException.class,
                () -> InterfaceName.of("Wasi", "io", "streams", Optional.empty()));
        assertEquals(InterfaceName.parse("wasi:io/streams@0.2.0"),
                InterfaceName.of("wasi", "io", "streams", Optional.of(Version.parse("0.2.0"))));
        assertTrue(e.getMessage().contains("the namespace 'Wasi'"), e.getMessage());
    }
}
