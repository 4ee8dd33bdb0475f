package dev.witbind.wit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.witbind.wit.names.PlainName.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ExternName#parse} chooses the production: an interface name has ':', '/' or '@'; anything else is plain. */
class ExternNameTest {

    @Test
    void plainLabel() {
        assertEquals(new PlainName(Kind.LABEL, Optional.empty(), "log"), ExternName.parse("log"));
    }

    @Test
    void resourceFunctionsArePlainNames() {
        assertEquals(Kind.CONSTRUCTOR, assertInstanceOf(PlainName.class, ExternName.parse("[constructor]r")).kind());
        assertEquals(Kind.METHOD, assertInstanceOf(PlainName.class, ExternName.parse("[method]r.m")).kind());
        assertEquals(Kind.STATIC, assertInstanceOf(PlainName.class, ExternName.parse("[static]r.m")).kind());
    }

    @Test
    void interfaceName() {
        InterfaceName name = assertInstanceOf(InterfaceName.class, ExternName.parse("wasi:io/streams@0.2.1"));
        assertEquals("streams", name.interfaceName());
        assertEquals(Optional.of("0.2.1"), name.version().map(Version::toString));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        // Any of ':', '/', '@' sends the text to the interface-name parser, whose error names the whole shape.
        "log@1.0.0     | the name",
        "io/streams    | the name",
        "wasi:streams  | the name",
        // Without them the text is a plain name, and the error names the label.
        "Log           | the label 'Log'",
        "[ctor]r       | the annotation '[ctor]'",
        "[method]r     | the name after [method]",
    })
    void errorsComeFromTheChosenProduction(String text, String part) {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> ExternName.parse(text));
        assertEquals(part, e.part());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"log", "[constructor]r", "[method]r.m", "[static]r.m", "wasi:io/streams", "wasi:io/streams@0.2.1"})
    void toStringIsTheParsedText(String text) {
        assertEquals(text, ExternName.parse(text).toString());
    }
}
