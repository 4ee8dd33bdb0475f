package dev.witbind.wit.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.witbind.wit.names.InvalidNameException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WitTypesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64", "f32", "f64", "char",
        "string"})
    void primitiveKeywordsRoundTrip(String keyword) {
        PrimitiveType type = PrimitiveType.forWitName(keyword).orElseThrow();
        assertEquals(keyword, type.toString());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"U32", "int", "float32", "list<u8>", ""})
    void unknownKeyword(String keyword) {
        assertEquals(Optional.empty(), PrimitiveType.forWitName(keyword));
    }

    @Test
    void listToString() {
        assertEquals("list<u8>", new ListType(PrimitiveType.U8).toString());
        assertEquals("list<list<string>>", new ListType(new ListType(PrimitiveType.STRING)).toString());
    }

    @Test
    void functionToString() {
        WitFunctionType greet = WitFunctionType.of(
                List.of(new WitParam("name", PrimitiveType.STRING), new WitParam("times", PrimitiveType.U32)),
                PrimitiveType.STRING);
        assertEquals("func(name: string, times: u32) -> string", greet.toString());
        assertEquals("func()", WitFunctionType.of(List.of()).toString());
    }

    @Test
    void duplicateParameterIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WitFunctionType.of(
                List.of(new WitParam("a", PrimitiveType.U8), new WitParam("a", PrimitiveType.U16))));
        assertEquals("parameter 'a' appears twice in [a: u8, a: u16]", e.getMessage());
    }

    @Test
    void parameterNameMustBeALabel() {
        InvalidNameException e = assertThrows(InvalidNameException.class,
                () -> new WitParam("userName", PrimitiveType.STRING));
        assertEquals("the label 'userName'", e.part());
        assertEquals(Optional.of("user-name"), e.suggestion());
    }

    @Test
    void paramsAreCopied() {
        ArrayList<WitParam> params = new ArrayList<>(List.of(new WitParam("a", PrimitiveType.U8)));
        WitFunctionType function = WitFunctionType.of(params);
        params.add(new WitParam("b", PrimitiveType.U8));
        assertEquals(1, function.params().size());
    }
}
