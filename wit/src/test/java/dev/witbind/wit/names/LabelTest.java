package dev.witbind.wit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code label} and {@code words} productions of the Explainer's name grammar. */
class LabelTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // The Explainer's own examples of valid labels.
        "a", "a-b-c", "a1-2-3", "A", "A-B-C", "A1-2-3", "a11-w0rds", "A11-4CR0NYMS", "m1x3d-4CR0NYMS",
        // DESIGN.md's acronym example and everyday names.
        "get-HTTP-header", "get", "list-keys", "is-XML", "utf8-length",
    })
    void validLabel(String text) {
        assertTrue(Label.isLabel(text));
        assertEquals(text, Label.checkLabel(text));
        assertNull(Label.labelProblem(text));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"1-2-3", "Ab", "a--b", "-a", "a-", "a_b", "", "é", "aB", "a b", "a.b", "get-Http"})
    void invalidLabel(String text) {
        assertFalse(Label.isLabel(text));
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> Label.checkLabel(text));
        assertEquals(text, e.input());
        assertEquals("the label '" + text + "'", e.part());
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1-2-3 | must start with a letter, not '1' | ",
        "Ab    | has the fragment 'Ab', which is not all lowercase or all uppercase ASCII letters and digits | ab",
        "a--b  | has an empty fragment (a '-' at the start or end, or two in a row) | a-b",
        "-a    | has an empty fragment (a '-' at the start or end, or two in a row) | a",
        "a-    | has an empty fragment (a '-' at the start or end, or two in a row) | a",
        "a_b   | has the fragment 'a_b', which is not all lowercase or all uppercase ASCII letters and digits | a-b",
        "\"\"  | is empty | ",
        "é     | has the fragment 'é', which is not all lowercase or all uppercase ASCII letters and digits | ",
        "getHTTPHeader | has the fragment 'getHTTPHeader', which is not all lowercase or all uppercase ASCII letters and digits | get-http-header",
    })
    void invalidLabelReasonAndSuggestion(String text, String reason, String suggestion) {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> Label.checkLabel(text));
        assertEquals(reason, e.reason());
        assertEquals(Optional.ofNullable(suggestion), e.suggestion());
        String expectedMessage = "invalid name '" + text + "': the label '" + text + "' " + reason
                + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)");
        assertEquals(expectedMessage, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wasi", "io", "http-types", "a1-2-3", "x2y"})
    void validWords(String text) {
        assertNull(Label.wordsProblem(text));
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // An acronym is a label fragment, but not a word.
        "WASI  | has the fragment 'WASI', which is not lowercase ASCII letters and digits",
        "a-B   | has the fragment 'B', which is not lowercase ASCII letters and digits",
        "Wasi  | has the fragment 'Wasi', which is not lowercase ASCII letters and digits",
        "1io   | must start with a letter, not '1'",
        "\"\"  | is empty",
        "io-   | has an empty fragment (a '-' at the start or end, or two in a row)",
    })
    void invalidWords(String text, String reason) {
        assertEquals(reason, Label.wordsProblem(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "getHttpHeader, get-http-header",
        "getHTTPHeader, get-http-header",
        "utf8Length, utf8-length",
        "log, log",
        "x2y, x2y",
        "snake_case_name, snake-case-name",
        "URL, url",
        "parseURL, parse-url",
        "HTTPServer, http-server",
        "listKeys, list-keys",
        "get$value, get-value",
        "_leading, leading",
        "trailing_, trailing",
        "a__b, a-b",
    })
    void fromJavaName(String javaName, String label) {
        assertEquals(label, Label.fromJavaName(javaName));
        // Every conversion here must itself be a valid label.
        assertTrue(Label.isLabel(label), label);
    }
}
