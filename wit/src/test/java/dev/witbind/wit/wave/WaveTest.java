package dev.witbind.wit.wave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.values.Result;
import dev.witbind.wit.values.VariantValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaveTest {
    private static final RecordType PERSON = new RecordType("person", List.of(
            new RecordType.Field("name", PrimitiveType.STRING),
            new RecordType.Field("age", new OptionType(PrimitiveType.U8))));
    private static final FlagsType PERMISSIONS = new FlagsType("permissions", List.of("read", "write", "exec"));
    private static final EnumType KEYWORDS = new EnumType("keywords", List.of("none", "left", "ok"));
    private static final VariantType EXPIRY = new VariantType("expiry", List.of(
            VariantType.Case.of("days", PrimitiveType.U32), VariantType.Case.of("forever"),
            VariantType.Case.of("some", PrimitiveType.STRING)));
    private static final ResultType RESULT = new ResultType(Optional.of(PrimitiveType.STRING),
            Optional.of(PrimitiveType.U8));

    @Test
    void primitivesParseAndPrintAsWaveWritesThem() {
        assertEquals(true, Wave.parse(PrimitiveType.BOOL, "true"));
        assertEquals((byte) -128, Wave.parse(PrimitiveType.S8, "-128"));
        assertEquals((byte) -1, Wave.parse(PrimitiveType.U8, "255"), "u8 carries its bits");
        assertEquals(-1, Wave.parse(PrimitiveType.U32, "4294967295"));
        assertEquals(-1L, Wave.parse(PrimitiveType.U64, "18446744073709551615"));
        assertEquals(Long.MIN_VALUE, Wave.parse(PrimitiveType.S64, "-9223372036854775808"));
        assertEquals(6.022e23, Wave.parse(PrimitiveType.F64, "6.022e+23"));
        assertEquals(Float.NaN, Wave.parse(PrimitiveType.F32, "nan"));
        assertEquals(Double.NEGATIVE_INFINITY, Wave.parse(PrimitiveType.F64, "-inf"));
        assertEquals((int) '\'', Wave.parse(PrimitiveType.CHAR, "'\\''"));
        assertEquals(0x1F389, Wave.parse(PrimitiveType.CHAR, "'🎉'"));
        assertEquals(0, Wave.parse(PrimitiveType.CHAR, "'\\u{0}'"));
        assertEquals("a\t\"b\"\n'c' é\u0000", Wave.parse(PrimitiveType.STRING, "\"a\\t\\\"b\\\"\\n'c' \\u{e9}\\u{0}\""));

        assertEquals("255", Wave.print(PrimitiveType.U8, (byte) -1));
        assertEquals("4294967295", Wave.print(PrimitiveType.U32, -1));
        assertEquals("18446744073709551615", Wave.print(PrimitiveType.U64, -1L));
        assertEquals("1.5", Wave.print(PrimitiveType.F32, 1.5f));
        assertEquals("3", Wave.print(PrimitiveType.F64, 3.0));
        assertEquals("0.1", Wave.print(PrimitiveType.F32, 0.1f));
        assertEquals("0.1", Wave.print(PrimitiveType.F64, 0.1));
        assertEquals("-inf", Wave.print(PrimitiveType.F32, Float.NEGATIVE_INFINITY));
        assertEquals("'\\''", Wave.print(PrimitiveType.CHAR, (int) '\''));
        assertEquals("\"say \\\"hi\\\"\\n\\u{7}'\"", Wave.print(PrimitiveType.STRING, "say \"hi\"\n\u0007'"));
    }

    @Test
    void compoundValuesParseIntoTheJavaValuesOfTheDynamicCallPath() {
        assertArrayEquals(new byte[] {1, 2, (byte) 255}, (byte[]) Wave.parse(new ListType(PrimitiveType.U8), "[1, 2, 255]"));
        assertEquals(List.of("a", "b"), Wave.parse(new ListType(PrimitiveType.STRING), "[\"a\", \"b\",]"));
        assertEquals(List.of(), Wave.parse(new ListType(PrimitiveType.STRING), "[ ]"));
        assertEquals(List.of("x", 3), Wave.parse(new TupleType(List.of(PrimitiveType.STRING, PrimitiveType.S32)), "(\"x\", 3)"));
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", "Ada");
        person.put("age", Optional.empty());
        assertEquals(person, Wave.parse(PERSON, "{name: \"Ada\"}"), "an option field may be left out");
        assertEquals(person, Wave.parse(PERSON, "{ age: none, name: \"Ada\", }"));
        assertEquals(List.of("name", "age"), List.copyOf(((Map<?, ?>) Wave.parse(PERSON, "{age: 3, name: \"A\"}")).keySet()),
                "fields in declaration order");
        assertEquals(Set.of("read", "exec"), Wave.parse(PERMISSIONS, "{exec, read}"));
        assertEquals(Set.of(), Wave.parse(PERMISSIONS, "{}"));
        assertEquals("left", Wave.parse(KEYWORDS, "left"));
        assertEquals("none", Wave.parse(KEYWORDS, "%none"));
        assertEquals(VariantValue.of("days", 30), Wave.parse(EXPIRY, "days(30)"));
        assertEquals(VariantValue.of("forever"), Wave.parse(EXPIRY, "forever"));
        assertEquals(VariantValue.of("some", "x"), Wave.parse(EXPIRY, "%some(\"x\")"));
        OptionType option = new OptionType(PrimitiveType.STRING);
        assertEquals(Optional.of("flat"), Wave.parse(option, "\"flat\""));
        assertEquals(Optional.of("explicit"), Wave.parse(option, "some(\"explicit\")"));
        assertEquals(Optional.empty(), Wave.parse(option, "none"));
        assertEquals(Result.ok("flat"), Wave.parse(RESULT, "\"flat\""));
        assertEquals(Result.ok("x"), Wave.parse(RESULT, "ok(\"x\")"));
        assertEquals(Result.err((byte) 7), Wave.parse(RESULT, "err(7)"));
        ResultType bare = new ResultType(Optional.empty(), Optional.empty());
        assertEquals(Result.ok(null), Wave.parse(bare, "ok"));
        assertEquals(Result.err(null), Wave.parse(bare, " // a comment\n err // another\n"));
    }

    @Test
    void multilineStringsLoseTheIndentationOfTheirClosingDelimiter() {
        String text = "\"\"\"\n    first\n      second\n\n    \"\"\"";
        assertEquals("first\n  second\n", Wave.parse(PrimitiveType.STRING, text));
        assertEquals("", Wave.parse(PrimitiveType.STRING, "\"\"\"\n\"\"\""));
        WaveException shallow = assertThrows(WaveException.class,
                () -> Wave.parse(PrimitiveType.STRING, "\"\"\"\n  x\n    \"\"\""));
        assertTrue(shallow.getMessage().contains("indented less than its closing"), shallow.getMessage());
    }

    @Test
    void whatIsPrintedReadsBackAsAnEqualValue() {
        Random random = new Random(7);
        List<WitType> types = List.of(PrimitiveType.BOOL, PrimitiveType.S8, PrimitiveType.U16, PrimitiveType.U32,
                PrimitiveType.S64, PrimitiveType.U64, PrimitiveType.F32, PrimitiveType.F64, PrimitiveType.CHAR,
                PrimitiveType.STRING, new ListType(PrimitiveType.STRING), PERSON, PERMISSIONS, KEYWORDS, EXPIRY,
                RESULT, new OptionType(new OptionType(PrimitiveType.S32)),
                new TupleType(List.of(PERSON, new ListType(EXPIRY))));
        for (int i = 0; i < 2000; i++) {
            WitType type = types.get(random.nextInt(types.size()));
            Object value = randomValue(type, random);
            String text = Wave.print(type, value);
            Object back = Wave.parse(type, text);
            assertEquals(text, Wave.print(type, back), () -> type + " " + text);
            if (!(value instanceof Float || value instanceof Double)) { // NaN payloads print as one nan
                assertEquals(value, back, () -> type + " " + text);
            }
        }
    }

    @Test
    void argumentListsAndCallsSplitAsInvokeWritesThem() {
        List<WitParam> params = List.of(new WitParam("name", PrimitiveType.STRING), new WitParam("times", PrimitiveType.U8));
        assertArrayEquals(new Object[] {"w", (byte) 3}, Wave.parseArguments(params, " ( \"w\" , 3 , ) "));
        assertArrayEquals(new Object[0], Wave.parseArguments(List.of(), "()"));
        Wave.Call call = Wave.parseCall("example:api/greeter@1.0.0#greet(\"x\", 1)");
        assertEquals(new Wave.Call("example:api/greeter@1.0.0#greet", "(\"x\", 1)"), call);
        assertThrows(WaveException.class, () -> Wave.parseCall("greet"));
        assertThrows(WaveException.class, () -> Wave.parseCall("(1)"));
        WaveException few = assertThrows(WaveException.class, () -> Wave.parseArguments(params, "(\"w\")"));
        assertEquals("expected 2 arguments, found 1 (at character 4)", few.getMessage());
        WaveException many = assertThrows(WaveException.class, () -> Wave.parseArguments(params, "(\"w\", 1, 2)"));
        assertTrue(many.getMessage().startsWith("expected ')' after 2 arguments, found '2)'"), many.getMessage());
    }

    @Test
    void errorsSayWhatWasExpectedAndWhere() {
        assertError(PrimitiveType.U8, "256", 0, "256 is out of range for u8 (0 to 255)");
        assertError(PrimitiveType.U64, "18446744073709551616", 0, "out of range for u64");
        assertError(PrimitiveType.S32, "1.5", 0, "found a number with a fraction or an exponent");
        assertError(PrimitiveType.S32, "007", 0, "no leading zeros");
        assertError(PrimitiveType.S32, "9".repeat(100_000), 0, "of 100000 digits is out of range");
        assertError(PrimitiveType.F32, "1e39", 0, "out of range for f32");
        assertError(PrimitiveType.BOOL, "yes", 0, "expected true or false for bool, found 'yes'");
        assertError(PrimitiveType.CHAR, "'ab'", 0, "exactly one Unicode scalar value");
        assertError(PrimitiveType.CHAR, "'\\u{d800}'", 1, "is not a Unicode scalar value");
        assertError(PrimitiveType.STRING, "\"open", 0, "never closed");
        assertError(PrimitiveType.STRING, "\"a\\qb\"", 2, "unknown escape");
        assertError(PrimitiveType.STRING, "\"a\" x", 4, "unexpected 'x' after the string value");
        assertError(PERSON, "{name: \"a\", name: \"b\"}", 12, "field 'name' of record person is given twice");
        assertError(PERSON, "{age: 1}", 0, "record person needs field 'name' (string)");
        assertError(PERSON, "{nick: 1}", 1, "record person has no field 'nick'; it has: name, age");
        assertError(PERMISSIONS, "{read, read}", 7, "flag 'read' of permissions is given twice");
        assertError(KEYWORDS, "none", 0, "'none' is a WAVE keyword; write the case as %none");
        assertError(EXPIRY, "days", 4, "has a payload of type u32: write it in parentheses");
        assertError(EXPIRY, "forever()", 7, "has no payload, so it takes no parentheses");
        assertError(new ListType(PrimitiveType.U8), "[1 2]", 3, "expected ',', found '2]'");
        assertError(new ResultType(Optional.empty(), Optional.of(PrimitiveType.U8)), "3", 0,
                "expected ok or err for result<_, u8>");
        assertError(HandleType.own(new ResourceType("a:b/c", "file")), "1", 0, "WAVE has no text for a value of type");
    }

    @Test
    void printingAValueOfAnotherTypeIsOurError() {
        WaveException e = assertThrows(WaveException.class, () -> Wave.print(PrimitiveType.U32, "7"));
        assertEquals("a u32 value cannot be a java.lang.String", e.getMessage());
        assertEquals(-1, e.offset());
        assertThrows(WaveException.class, () -> Wave.print(KEYWORDS, "right"));
        assertThrows(WaveException.class, () -> Wave.print(PERMISSIONS, Set.of("fly")));
        assertThrows(WaveException.class, () -> Wave.print(PrimitiveType.CHAR, 0xD800));
    }

    private static void assertError(WitType type, String text, int offset, String message) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        WaveException e = assertThrows(WaveException.class, () -> Wave.parse(type, text), shown);
        assertTrue(e.getMessage().contains(message), () -> "for " + shown + ": " + e.getMessage());
        assertEquals(offset, e.offset(), () -> "for " + shown + ": " + e.getMessage());
        assertTrue(e.getMessage().length() < 300, "messages quote a short excerpt only");
    }

    private static Object randomValue(WitType type, Random random) {
        if (type instanceof PrimitiveType primitive) {
            return switch (primitive) {
                case BOOL -> random.nextBoolean();
                case S8, U8 -> (byte) random.nextInt();
                case S16, U16 -> (short) random.nextInt();
                case S32, U32 -> random.nextInt();
                case S64, U64 -> random.nextLong();
                case F32 -> random.nextInt(10) == 0 ? Float.NaN : Float.intBitsToFloat(random.nextInt());
                case F64 -> random.nextInt(10) == 0 ? Double.NEGATIVE_INFINITY : Double.longBitsToDouble(random.nextLong());
                case CHAR -> randomScalar(random);
                case STRING -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = random.nextInt(6); i > 0; i--) {
                        text.appendCodePoint(randomScalar(random));
                    }
                    yield text.toString();
                }
            };
        } else if (type instanceof ListType list) {
            List<Object> elements = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                elements.add(randomValue(list.element(), random));
            }
            return List.copyOf(elements);
        } else if (type instanceof TupleType tuple) {
            return tuple.elements().stream().map(element -> randomValue(element, random)).toList();
        } else if (type instanceof RecordType record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            record.fields().forEach(field -> fields.put(field.name(), randomValue(field.type(), random)));
            return fields;
        } else if (type instanceof FlagsType flags) {
            return Set.copyOf(flags.flags().stream().filter(flag -> random.nextBoolean()).toList());
        } else if (type instanceof EnumType enumType) {
            return enumType.cases().get(random.nextInt(enumType.cases().size()));
        } else if (type instanceof VariantType variant) {
            VariantType.Case chosen = variant.cases().get(random.nextInt(variant.cases().size()));
            return chosen.payload().map(payload -> VariantValue.of(chosen.name(), randomValue(payload, random)))
                    .orElseGet(() -> VariantValue.of(chosen.name()));
        } else if (type instanceof OptionType option) {
            return random.nextBoolean() ? Optional.empty() : Optional.of(randomValue(option.some(), random));
        } else if (type instanceof ResultType result) {
            return random.nextBoolean() ? Result.ok(result.ok().map(t -> randomValue(t, random)).orElse(null))
                    : Result.err(result.err().map(t -> randomValue(t, random)).orElse(null));
        }
        throw new AssertionError(type);
    }

    private static int randomScalar(Random random) {
        int[] interesting = {'\'', '"', '\\', '\n', '\t', 0, 0x7f, 'a', 'é', 0x1F389, 0xFFFD};
        if (random.nextBoolean()) {
            return interesting[random.nextInt(interesting.length)];
        }
        int codePoint;
        do {
            codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
        } while (codePoint >= 0xD800 && codePoint <= 0xDFFF);
        return codePoint;
    }
}
