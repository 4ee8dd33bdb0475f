package dev.witbind.wit.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.witbind.wit.names.PlainName.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code plainname} productions: a label, {@code [constructor]r}, {@code [method]r.m}, {@code [static]r.m}. */
class PlainNameTest {

    @Test
    void label() {
        assertEquals(new PlainName(Kind.LABEL, Optional.empty(), "get-HTTP-header"),
                PlainName.parse("get-HTTP-header"));
    }

    @Test
    void constructor() {
        PlainName name = PlainName.parse("[constructor]blob");
        assertEquals(Kind.CONSTRUCTOR, name.kind());
        assertEquals(Optional.of("blob"), name.resource());
        assertEquals("blob", name.label());
    }

    @Test
    void method() {
        assertEquals(new PlainName(Kind.METHOD, Optional.of("r"), "m"), PlainName.parse("[method]r.m"));
        assertEquals(new PlainName(Kind.METHOD, Optional.of("input-stream"), "blocking-read"),
                PlainName.parse("[method]input-stream.blocking-read"));
    }

    @Test
    void staticFunction() {
        assertEquals(new PlainName(Kind.STATIC, Optional.of("r"), "m"), PlainName.parse("[static]r.m"));
        assertEquals(new PlainName(Kind.STATIC, Optional.of("HTTP-client"), "new-URL"),
                PlainName.parse("[static]HTTP-client.new-URL"));
    }

    @Test
    void resourceDropIsTheCoreImportNameOfResourceDrop() {
        PlainName name = PlainName.parse("[resource-drop]output-stream");
        assertEquals(Kind.RESOURCE_DROP, name.kind());
        assertEquals(Optional.of("output-stream"), name.resource());
        assertEquals("[resource-drop]output-stream", name.toString());
        InvalidNameException bad = assertThrows(InvalidNameException.class,
                () -> PlainName.parse("[resource-drop]Output_Stream"));
        assertEquals("the resource 'Output_Stream'", bad.part());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"log", "get-HTTP-header", "[constructor]r", "[method]r.m", "[static]r.m",
        "[method]my-resource.my-method", "[resource-drop]r"})
    void toStringIsTheParsedText(String text) {
        assertEquals(text, PlainName.parse(text).toString());
    }

    @Test
    void kindPrefixes() {
        assertEquals("", Kind.LABEL.prefix());
        assertEquals("[constructor]", Kind.CONSTRUCTOR.prefix());
        assertEquals("[method]", Kind.METHOD.prefix());
        assertEquals("[static]", Kind.STATIC.prefix());
        assertEquals("[resource-drop]", Kind.RESOURCE_DROP.prefix());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "[method]r   | the name after [method]       | must be 'resource.function' with a '.' between the two labels",
        "[static]r   | the name after [static]       | must be 'resource.function' with a '.' between the two labels",
        "[ctor]r     | the annotation '[ctor]'       | is not one of [constructor], [method], [static], [resource-drop]",
        "[method     | the annotation '[method'      | is not one of [constructor], [method], [static], [resource-drop]",
        "[Method]r.m | the annotation '[Method]'     | is not one of [constructor], [method], [static], [resource-drop]",
    })
    void malformedAnnotation(String text, String part, String reason) {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> PlainName.parse(text));
        assertEquals(text, e.input());
        assertEquals(part, e.part());
        assertEquals(reason, e.reason());
        assertEquals(Optional.empty(), e.suggestion());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "[method]R.Mx          | the function 'Mx'    | [method]R.mx",
        "[method]Blob.read     | the resource 'Blob'  | [method]blob.read",
        "[static]r.newThing    | the function 'newThing' | [static]r.new-thing",
        "[constructor]myBlob   | the resource 'myBlob'   | [constructor]my-blob",
        "[method]r.            | the function ''      | ",
        "[method].m            | the resource ''      | ",
        "[constructor]         | the resource ''      | ",
        "getThing              | the label 'getThing' | get-thing",
        "list_keys             | the label 'list_keys' | list-keys",
        "1st                   | the label '1st'      | st",
    })
    void invalidPartIsNamed(String text, String part, String suggestion) {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> PlainName.parse(text));
        assertEquals(text, e.input());
        assertEquals(part, e.part());
        assertEquals(Optional.ofNullable(suggestion), e.suggestion());
    }

    @Test
    void reasonSaysWhyThePartIsNotALabel() {
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> PlainName.parse("[method]R.Mx"));
        assertEquals("is not a kebab-case label: has the fragment 'Mx', which is not all lowercase or all uppercase "
                + "ASCII letters and digits", e.reason());
        assertEquals("invalid name '[method]R.Mx': the function 'Mx' is not a kebab-case label: has the fragment "
                + "'Mx', which is not all lowercase or all uppercase ASCII letters and digits (did you mean "
                + "'[method]R.mx'?)", e.getMessage());
    }

    @Test
    void suggestionReplacesOnlyTheInvalidPart() {
        // The function '1x' is invalid (it starts with a digit) and its fix is 'x'; the valid resource 'a1x'
        // contains the same text and must be left alone.
        InvalidNameException e = assertThrows(InvalidNameException.class, () -> PlainName.parse("[method]a1x.1x"));
        assertEquals("the function '1x'", e.part());
        assertEquals(Optional.of("[method]a1x.x"), e.suggestion());
        // The same with a leading '-': the fix of '-a' is 'a', and the resource 'x-a' must keep its '-'.
        InvalidNameException dash = assertThrows(InvalidNameException.class, () -> PlainName.parse("[method]x-a.-a"));
        assertEquals("the function '-a'", dash.part());
        assertEquals(Optional.of("[method]x-a.a"), dash.suggestion());
    }

    @org.junit.jupiter.api.Test
    void aSuggestionFixesEveryPartItKeeps() {
        InvalidNameException both = org.junit.jupiter.api.Assertions.assertThrows(InvalidNameException.class,
                () -> PlainName.parse("[static]Bucket.Get"));
        assertEquals(Optional.of("[static]bucket.get"), both.suggestion());
        InvalidNameException method = org.junit.jupiter.api.Assertions.assertThrows(InvalidNameException.class,
                () -> PlainName.parse("[method]Bucket.get"));
        assertEquals(Optional.of("[method]bucket.get"), method.suggestion());
        InvalidNameException unfixable = org.junit.jupiter.api.Assertions.assertThrows(InvalidNameException.class,
                () -> PlainName.parse("[static]Bucket.%%"));
        assertEquals(Optional.empty(), unfixable.suggestion(), "no suggestion rather than an invalid one");
    }
}
