package dev.witbind.wit.wave;

import dev.witbind.wit.Excerpt;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.values.Result;
import dev.witbind.wit.values.VariantValue;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses WAVE text into the Java values of the dynamic call path, led by the WIT type: WAVE's grammar alone cannot
 * tell a bool, an enum case, a variant case, an option and a result apart, so every step knows what it expects.
 * The parser is a single pass over the text with no backtracking beyond one token, so its work is linear in the
 * text; its recursion follows the type, never the text, so a hostile text cannot make it deeper than the type.
 */
final class WaveParser {
    /** WAVE's keywords: a variant or enum case spelled like one is written with a leading {@code %}. */
    static final Set<String> KEYWORDS = Set.of("true", "false", "inf", "nan", "some", "none", "ok", "err");

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final String text;
    private int pos;

    WaveParser(String text) {
        this.text = text;
    }

    /** The whole text as one value of {@code type}, with only whitespace and comments around it. */
    Object parseWhole(WitType type) {
        skipSpace();
        Object value = value(type);
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected " + describeHere() + " after the " + type + " value");
        }
        return value;
    }

    /** The whole text as a parenthesised argument list of the given types, as in {@code greet("world", 3)}. */
    Object[] parseArguments(List<WitType> types) {
        skipSpace();
        expect('(', "the argument list");
        Object[] values = new Object[types.size()];
        for (int i = 0; i < types.size(); i++) {
            skipSpace();
            if (peek() == ')') {
                throw error("expected " + types.size() + " argument" + (types.size() == 1 ? "" : "s")
                        + ", found " + i);
            }
            values[i] = value(types.get(i));
            commaOr(')', i + 1 < types.size());
        }
        skipSpace();
        if (peek() != ')') {
            throw error("expected ')' after " + types.size() + " argument" + (types.size() == 1 ? "" : "s")
                    + ", found " + describeHere());
        }
        pos++;
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected " + describeHere() + " after the argument list");
        }
        return values;
    }

    private Object value(WitType type) {
        skipSpace();
        if (type instanceof PrimitiveType primitive) {
            return primitive(primitive);
        } else if (type instanceof ListType list) {
            return list(list);
        } else if (type instanceof TupleType tuple) {
            return tuple(tuple);
        } else if (type instanceof RecordType record) {
            return record(record);
        } else if (type instanceof FlagsType flags) {
            return flags(flags);
        } else if (type instanceof EnumType enumType) {
            return enumCase(enumType);
        } else if (type instanceof VariantType variant) {
            return variant(variant);
        } else if (type instanceof OptionType option) {
            return option(option);
        } else if (type instanceof ResultType result) {
            return result(result);
        }
        throw error("WAVE has no text for a value of type " + type + " (resource handles, streams and futures "
                + "are not values a command line can give)");
    }

    private Object primitive(PrimitiveType type) {
        switch (type) {
            case BOOL: {
                int start = pos;
                String word = word();
                if (word.equals("true") || word.equals("false")) {
                    return word.equals("true");
                }
                pos = start;
                throw error("expected true or false for bool, found " + describeHere());
            }
            case S8: return (byte) integer(type, -128, 127);
            case U8: return (byte) integer(type, 0, 255);
            case S16: return (short) integer(type, Short.MIN_VALUE, Short.MAX_VALUE);
            case U16: return (short) integer(type, 0, 65535);
            case S32: return (int) integer(type, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case U32: return (int) integer(type, 0, 0xFFFF_FFFFL);
            case S64: return integer(type, Long.MIN_VALUE, Long.MAX_VALUE);
            case U64: return unsigned64();
            case F32: return (float) number(type);
            case F64: return number(type);
            case CHAR: return character();
            case STRING: return string();
            default: throw new AssertionError(type);
        }
    }

    /** An integer in [min, max]; WAVE integers have no fraction or exponent. */
    private long integer(PrimitiveType type, long min, long max) {
        int start = pos;
        BigInteger value = integerLiteral(type);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            pos = start;
            throw error(value + " is out of range for " + type + " (" + min + " to " + max + ")");
        }
        return value.longValue();
    }

    private long unsigned64() {
        int start = pos;
        BigInteger value = integerLiteral(PrimitiveType.U64);
        if (value.signum() < 0 || value.compareTo(U64_MAX) > 0) {
            pos = start;
            throw error(value + " is out of range for u64 (0 to " + U64_MAX + ")");
        }
        return value.longValue(); // the low 64 bits: u64 carries its bits in a long
    }

    private BigInteger integerLiteral(PrimitiveType type) {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == digits) {
            pos = start;
            throw error("expected an integer for " + type + ", found " + describeHere());
        }
        if (text.charAt(digits) == '0' && pos - digits > 1) {
            pos = start;
            throw error("an integer has no leading zeros in WAVE");
        }
        if (peek() == '.' || peek() == 'e' || peek() == 'E') {
            pos = start;
            throw error("expected an integer for " + type + ", found a number with a fraction or an exponent");
        }
        if (pos - digits > 40) { // far past u64's 20 digits; keeps BigInteger's work bounded too
            int count = pos - digits;
            pos = start;
            throw error("an integer of " + count + " digits is out of range for " + type);
        }
        return new BigInteger(text.substring(start, pos));
    }

    /** A float: {@code nan}, {@code inf}, {@code -inf}, or an integer with an optional fraction and exponent. */
    private double number(PrimitiveType type) {
        int start = pos;
        if (text.startsWith("nan", pos) && !isLabelChar(charAt(pos + 3))) {
            pos += 3;
            return Double.NaN;
        }
        if (text.startsWith("inf", pos) && !isLabelChar(charAt(pos + 3))) {
            pos += 3;
            return Double.POSITIVE_INFINITY;
        }
        if (text.startsWith("-inf", pos) && !isLabelChar(charAt(pos + 4))) {
            pos += 4;
            return Double.NEGATIVE_INFINITY;
        }
        if (peek() == '-') {
            pos++;
        }
        int digits = pos;
        skipDigits();
        if (pos == digits) {
            pos = start;
            throw error("expected a number for " + type + " (digits, nan, inf or -inf), found " + describeHere());
        }
        if (text.charAt(digits) == '0' && pos - digits > 1) {
            pos = start;
            throw error("a number has no leading zeros in WAVE");
        }
        if (peek() == '.') {
            pos++;
            int fraction = pos;
            skipDigits();
            if (pos == fraction) {
                throw error("expected digits after the '.' of a number");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            int exponent = pos;
            skipDigits();
            if (pos == exponent) {
                throw error("expected digits in the exponent of a number");
            }
        }
        String literal = text.substring(start, pos);
        double value = type == PrimitiveType.F32 ? Float.parseFloat(literal) : Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            pos = start;
            throw error(Excerpt.of(literal) + " is out of range for " + type + " (write inf or -inf for an infinity)");
        }
        return value;
    }

    private int character() {
        int start = pos;
        expect('\'', "a char");
        if (peek() == '\'') {
            pos = start;
            throw error("a char holds exactly one Unicode scalar value, found ''");
        }
        int codePoint = quotedCodePoint('\'');
        if (peek() != '\'') {
            pos = start;
            throw error("a char holds exactly one Unicode scalar value; for text, use a string in double quotes");
        }
        pos++;
        return codePoint;
    }

    private String string() {
        if (text.startsWith("\"\"\"", pos)) {
            return multilineString();
        }
        int start = pos;
        expect('"', "a string");
        StringBuilder out = new StringBuilder();
        while (peek() != '"') {
            if (pos >= text.length()) {
                pos = start;
                throw error("a string that is never closed (a '\"' is missing)");
            }
            out.appendCodePoint(quotedCodePoint('"'));
        }
        pos++;
        return out.toString();
    }

    /**
     * {@code """}, a line break, lines, then {@code """} on a line of its own: the spaces before the closing
     * delimiter are taken off every line, and the line break before it is not part of the value.
     */
    private String multilineString() {
        int start = pos;
        pos += 3;
        if (!consumeLineBreak()) {
            pos = start;
            throw error("a multiline string starts with \"\"\" and a line break");
        }
        List<String> lines = new ArrayList<>();
        while (true) {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    pos = start;
                    throw error("a multiline string that is never closed (\"\"\" on a line of its own is missing)");
                }
                if (text.startsWith("\"\"\"", pos)) {
                    String indent = line.toString();
                    if (!indent.chars().allMatch(c -> c == ' ')) {
                        throw error("the closing \"\"\" of a multiline string must be on a line of its own");
                    }
                    pos += 3;
                    return dedent(lines, indent.length(), start);
                }
                if (consumeLineBreak()) {
                    break;
                }
                line.appendCodePoint(quotedCodePoint('\0'));
            }
            lines.add(line.toString());
        }
    }

    private String dedent(List<String> lines, int indent, int start) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isEmpty()) {
                if (line.length() < indent || !line.substring(0, indent).isBlank()) {
                    pos = start;
                    throw error("line " + (i + 1) + " of a multiline string is indented less than its closing \"\"\"");
                }
                out.append(line, indent, line.length());
            }
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private boolean consumeLineBreak() {
        if (text.startsWith("\r\n", pos)) {
            pos += 2;
            return true;
        }
        if (peek() == '\n') {
            pos++;
            return true;
        }
        return false;
    }

    /** One character of a char or string literal, an escape included; {@code quote} must be escaped. */
    private int quotedCodePoint(char quote) {
        if (pos >= text.length()) {
            throw error("the text ends inside a quoted literal");
        }
        int codePoint = text.codePointAt(pos);
        if (codePoint == '\n' && quote != '\0') {
            throw error("a line break inside a quoted literal (write \\n)");
        }
        if (codePoint == quote) {
            throw error("an unescaped " + quote);
        }
        if (codePoint != '\\') {
            if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                throw error("an unpaired surrogate, which is no Unicode scalar value");
            }
            pos += Character.charCount(codePoint);
            return codePoint;
        }
        int start = pos;
        pos++;
        int escaped = pos < text.length() ? text.charAt(pos) : -1;
        pos++;
        switch (escaped) {
            case '\'': return '\'';
            case '"': return '"';
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case '\\': return '\\';
            case 'u': return unicodeEscape(start);
            default:
                pos = start;
                throw error("unknown escape " + describeHere() + " (WAVE has \\' \\\" \\t \\n \\r \\\\ \\u{...})");
        }
    }

    private int unicodeEscape(int start) {
        if (peek() != '{') {
            pos = start;
            throw error("a \\u escape is written \\u{hex digits}");
        }
        pos++;
        int digits = pos;
        while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0 && pos - digits < 8) {
            pos++;
        }
        if (pos == digits || peek() != '}') {
            pos = start;
            throw error("a \\u escape is written \\u{1 to 6 hex digits}");
        }
        long value = Long.parseLong(text.substring(digits, pos), 16);
        pos++;
        if (value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)) {
            pos = start;
            throw error("\\u{" + Long.toHexString(value) + "} is not a Unicode scalar value");
        }
        return (int) value;
    }

    private Object list(ListType type) {
        expect('[', "a " + type);
        List<Object> elements = new ArrayList<>();
        skipSpace();
        while (peek() != ']') {
            elements.add(value(type.element()));
            commaOr(']', true);
            skipSpace();
        }
        pos++;
        if (type.element() == PrimitiveType.U8) { // list<u8> is a byte[] on the dynamic call path
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(elements.size());
            elements.forEach(element -> bytes.write((Byte) element));
            return bytes.toByteArray();
        }
        return Collections.unmodifiableList(elements);
    }

    private Object tuple(TupleType type) {
        int start = pos;
        expect('(', "a " + type);
        List<Object> elements = new ArrayList<>(type.elements().size());
        for (int i = 0; i < type.elements().size(); i++) {
            skipSpace();
            if (peek() == ')') {
                pos = start;
                throw error("a " + type + " has " + type.elements().size() + " elements, found " + i);
            }
            elements.add(value(type.elements().get(i)));
            commaOr(')', i + 1 < type.elements().size());
        }
        skipSpace();
        if (peek() != ')') {
            throw error("a " + type + " has " + type.elements().size() + " elements; expected ')', found "
                    + describeHere());
        }
        pos++;
        return Collections.unmodifiableList(elements);
    }

    /** {@code {a: 1, b: none}}: fields in any order; an option field may be left out; {@code {:}} is empty. */
    private Object record(RecordType type) {
        int start = pos;
        expect('{', "a record " + type.name());
        Map<String, Object> given = new LinkedHashMap<>();
        skipSpace();
        if (peek() == ':') {
            pos++;
            skipSpace();
            expect('}', "the empty record {:}");
        } else {
            while (peek() != '}') {
                int fieldStart = pos;
                String name = label("a field of record " + type.name());
                RecordType.Field field = type.fields().stream().filter(f -> f.name().equals(name)).findFirst()
                        .orElseThrow(() -> {
                            pos = fieldStart;
                            return error("record " + type.name() + " has no field '" + Excerpt.of(name) + "'; it has: "
                                    + String.join(", ", type.fields().stream().map(RecordType.Field::name).toList()));
                        });
                if (given.containsKey(name)) {
                    pos = fieldStart;
                    throw error("field '" + name + "' of record " + type.name() + " is given twice");
                }
                skipSpace();
                expect(':', "':' after field '" + name + "'");
                given.put(name, value(field.type()));
                commaOr('}', true);
                skipSpace();
            }
            pos++;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordType.Field field : type.fields()) {
            Object value = given.get(field.name());
            if (value == null) {
                if (!(field.type() instanceof OptionType)) {
                    pos = start;
                    throw error("record " + type.name() + " needs field '" + field.name() + "' (" + field.type()
                            + "); only option fields may be left out");
                }
                value = Optional.empty();
            }
            fields.put(field.name(), value);
        }
        return Collections.unmodifiableMap(fields);
    }

    private Object flags(FlagsType type) {
        expect('{', "flags " + type.name());
        Set<String> set = new LinkedHashSet<>();
        skipSpace();
        while (peek() != '}') {
            int flagStart = pos;
            String name = label("a flag of " + type.name());
            if (!type.flags().contains(name)) {
                pos = flagStart;
                throw error("flags " + type.name() + " has no flag '" + Excerpt.of(name) + "'; it has: "
                        + String.join(", ", type.flags()));
            }
            if (!set.add(name)) {
                pos = flagStart;
                throw error("flag '" + name + "' of " + type.name() + " is given twice");
            }
            commaOr('}', true);
            skipSpace();
        }
        pos++;
        Set<String> ordered = new LinkedHashSet<>();
        type.flags().stream().filter(set::contains).forEach(ordered::add); // declaration order, as lifted values
        return Collections.unmodifiableSet(ordered);
    }

    private Object enumCase(EnumType type) {
        int start = pos;
        String name = caseLabel("a case of enum " + type.name());
        if (!type.cases().contains(name)) {
            pos = start;
            throw error("enum " + type.name() + " has no case '" + Excerpt.of(name) + "'; it has: " + String.join(", ", type.cases()));
        }
        return name;
    }

    private Object variant(VariantType type) {
        int start = pos;
        String name = caseLabel("a case of variant " + type.name());
        VariantType.Case variantCase = type.cases().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> {
                    pos = start;
                    return error("variant " + type.name() + " has no case '" + Excerpt.of(name) + "'; it has: "
                            + String.join(", ", type.cases().stream().map(VariantType.Case::name).toList()));
                });
        Optional<Object> payload = payload(variantCase.payload(), "case '" + name + "' of variant " + type.name());
        return payload.map(value -> VariantValue.of(name, value)).orElseGet(() -> VariantValue.of(name));
    }

    /** {@code none}, {@code some(v)}, or {@code v} alone (WAVE's flat some). */
    private Object option(OptionType type) {
        int start = pos;
        if (isLabelStart(peek())) {
            String word = word();
            if (word.equals("none")) {
                return Optional.empty();
            }
            if (word.equals("some")) {
                return Optional.of(payload(Optional.of(type.some()), "some").orElseThrow());
            }
            pos = start;
        }
        return Optional.of(value(type.some()));
    }

    /** {@code ok}, {@code ok(v)}, {@code err}, {@code err(e)}, or {@code v} alone for the ok side (flat ok). */
    private Object result(ResultType type) {
        int start = pos;
        if (isLabelStart(peek())) {
            String word = word();
            if (word.equals("ok")) {
                return Result.ok(payload(type.ok(), "ok of " + type).orElse(null));
            }
            if (word.equals("err")) {
                return Result.err(payload(type.err(), "err of " + type).orElse(null));
            }
            pos = start;
        }
        if (type.ok().isEmpty()) {
            throw error("expected ok or err for " + type + ", found " + describeHere());
        }
        return Result.ok(value(type.ok().get()));
    }

    /** A case's payload in parentheses when it has a type, nothing when it has none. */
    private Optional<Object> payload(Optional<WitType> payloadType, String what) {
        skipSpace();
        if (payloadType.isEmpty()) {
            if (peek() == '(') {
                throw error(what + " has no payload, so it takes no parentheses");
            }
            return Optional.empty();
        }
        if (peek() != '(') {
            throw error(what + " has a payload of type " + payloadType.get() + ": write it in parentheses");
        }
        pos++;
        Object value = value(payloadType.get());
        skipSpace();
        expect(')', "')' after the payload of " + what);
        return Optional.of(value);
    }

    /** A label in a variant or enum position: a keyword must carry {@code %}, any label may. */
    private String caseLabel(String what) {
        int start = pos;
        boolean escaped = peek() == '%';
        if (escaped) {
            pos++;
        }
        String name = word();
        if (name.isEmpty()) {
            pos = start;
            throw error("expected " + what + ", found " + describeHere());
        }
        if (!escaped && KEYWORDS.contains(name)) {
            pos = start;
            throw error("'" + name + "' is a WAVE keyword; write the case as %" + name);
        }
        return name;
    }

    /** A label in a field or flag position, where keywords need no {@code %} (but may have one). */
    private String label(String what) {
        int start = pos;
        if (peek() == '%') {
            pos++;
        }
        String name = word();
        if (name.isEmpty()) {
            pos = start;
            throw error("expected " + what + ", found " + describeHere());
        }
        return name;
    }

    /** A kebab-case word run: letters, digits and hyphens; empty when none starts here. */
    private String word() {
        int start = pos;
        if (!isLabelStart(peek())) {
            return "";
        }
        while (pos < text.length() && isLabelChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** After an element: a comma (then optionally the closer, if {@code trailingAllowed}) or the closer. */
    private void commaOr(char closer, boolean more) {
        skipSpace();
        if (peek() == ',') {
            pos++;
            return;
        }
        if (peek() == closer) {
            return;
        }
        throw error("expected ','" + (more ? "" : " or '" + closer + "'") + ", found " + describeHere());
    }

    private void expect(char c, String what) {
        if (peek() != c) {
            throw error("expected '" + c + "' to begin " + what + ", found " + describeHere());
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '/' && charAt(pos + 1) == '/') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private void skipDigits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private int peek() {
        return charAt(pos);
    }

    private int charAt(int index) {
        return index < text.length() ? text.charAt(index) : -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLabelStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLabelChar(int c) {
        return isLabelStart(c) || isDigit(c) || c == '-';
    }

    private String describeHere() {
        if (pos >= text.length()) {
            return "the end of the text";
        }
        int end = Math.min(text.length(), pos + 20);
        String excerpt = text.substring(pos, end).replace("\n", "\\n");
        return "'" + excerpt + (end < text.length() ? "..." : "") + "'";
    }

    private WaveException error(String message) {
        return new WaveException(message + " (at character " + pos + ")", pos);
    }
}
