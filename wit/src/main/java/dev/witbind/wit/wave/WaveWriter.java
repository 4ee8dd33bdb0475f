package dev.witbind.wit.wave;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the Java values of the dynamic call path as WAVE text, led by the WIT type: options and results always in
 * their explicit form ({@code some(1)}, {@code ok("x")}), so that the text reads back as the same value whatever the
 * type; keyword case names with {@code %}; every record field, in declaration order.
 */
final class WaveWriter {
    private final StringBuilder out = new StringBuilder();

    String write(WitType type, Object value) {
        value(type, value);
        return out.toString();
    }

    private void value(WitType type, Object value) {
        if (value == null) {
            throw mismatch(type, value);
        }
        if (type instanceof PrimitiveType primitive) {
            primitive(primitive, value);
        } else if (type instanceof ListType list) {
            list(list, value);
        } else if (type instanceof TupleType tuple) {
            sequence('(', tuple.elements(), cast(List.class, type, value), ')');
        } else if (type instanceof RecordType record) {
            record(record, cast(Map.class, type, value));
        } else if (type instanceof FlagsType flags) {
            flags(flags, cast(Set.class, type, value));
        } else if (type instanceof EnumType enumType) {
            String name = cast(String.class, type, value);
            if (!enumType.cases().contains(name)) {
                throw new WaveException("enum " + enumType.name() + " has no case '" + name + "'", -1);
            }
            caseLabel(name);
        } else if (type instanceof VariantType variant) {
            variant(variant, cast(VariantValue.class, type, value));
        } else if (type instanceof OptionType option) {
            Optional<?> optional = cast(Optional.class, type, value);
            if (optional.isEmpty()) {
                out.append("none");
            } else {
                out.append("some(");
                value(option.some(), optional.get());
                out.append(')');
            }
        } else if (type instanceof ResultType result) {
            Result<?, ?> outcome = cast(Result.class, type, value);
            if (outcome instanceof Result.Ok<?, ?> ok) {
                side("ok", result.ok(), ok.value());
            } else {
                side("err", result.err(), ((Result.Err<?, ?>) outcome).error());
            }
        } else {
            throw new WaveException("WAVE has no text for a value of type " + type, -1);
        }
    }

    private void primitive(PrimitiveType type, Object value) {
        switch (type) {
            case BOOL -> out.append(cast(Boolean.class, type, value));
            case S8 -> out.append(cast(Byte.class, type, value));
            case U8 -> out.append(Byte.toUnsignedInt(cast(Byte.class, type, value)));
            case S16 -> out.append(cast(Short.class, type, value));
            case U16 -> out.append(Short.toUnsignedInt(cast(Short.class, type, value)));
            case S32 -> out.append(cast(Integer.class, type, value));
            case U32 -> out.append(Integer.toUnsignedString(cast(Integer.class, type, value)));
            case S64 -> out.append(cast(Long.class, type, value));
            case U64 -> out.append(Long.toUnsignedString(cast(Long.class, type, value)));
            case F32 -> {
                float f = cast(Float.class, type, value);
                number(f, Float.toString(f));
            }
            case F64 -> {
                double d = cast(Double.class, type, value);
                number(d, Double.toString(d));
            }
            case CHAR -> {
                int codePoint = cast(Integer.class, type, value);
                if (!Character.isValidCodePoint(codePoint) || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    throw new WaveException("char " + codePoint + " is not a Unicode scalar value", -1);
                }
                out.append('\'');
                quoted(codePoint, '\'');
                out.append('\'');
            }
            case STRING -> {
                String text = cast(String.class, type, value);
                out.append('"');
                text.codePoints().forEach(codePoint -> quoted(codePoint, '"'));
                out.append('"');
            }
        }
    }

    /** {@code javaText}: Java's shortest text that reads back as the same float or double ({@code 1.0E10} is WAVE). */
    private void number(double value, String javaText) {
        if (Double.isNaN(value)) {
            out.append("nan");
        } else if (Double.isInfinite(value)) {
            out.append(value > 0 ? "inf" : "-inf");
        } else {
            out.append(javaText.endsWith(".0") ? javaText.substring(0, javaText.length() - 2) : javaText);
        }
    }

    private void quoted(int codePoint, char quote) {
        switch (codePoint) {
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case '\r' -> out.append("\\r");
            default -> {
                if (codePoint == quote) {
                    out.append('\\').append(quote);
                } else if (Character.isISOControl(codePoint) || Character.isSurrogate((char) codePoint)
                        && codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                    out.append("\\u{").append(Integer.toHexString(codePoint)).append('}');
                } else {
                    out.appendCodePoint(codePoint);
                }
            }
        }
    }

    private void list(ListType type, Object value) {
        if (type.element() == PrimitiveType.U8 && value instanceof byte[] bytes) {
            out.append('[');
            for (int i = 0; i < bytes.length; i++) {
                out.append(i == 0 ? "" : ", ").append(Byte.toUnsignedInt(bytes[i]));
            }
            out.append(']');
            return;
        }
        List<?> elements = cast(List.class, type, value);
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
            out.append(i == 0 ? "" : ", ");
            value(type.element(), elements.get(i));
        }
        out.append(']');
    }

    private void sequence(char open, List<WitType> types, List<?> values, char close) {
        if (values.size() != types.size()) {
            throw new WaveException("a tuple of " + types.size() + " elements was given " + values.size(), -1);
        }
        out.append(open);
        for (int i = 0; i < types.size(); i++) {
            out.append(i == 0 ? "" : ", ");
            value(types.get(i), values.get(i));
        }
        out.append(close);
    }

    private void record(RecordType type, Map<?, ?> fields) {
        if (type.fields().isEmpty()) {
            out.append("{:}");
            return;
        }
        out.append('{');
        for (int i = 0; i < type.fields().size(); i++) {
            RecordType.Field field = type.fields().get(i);
            if (!fields.containsKey(field.name())) {
                throw new WaveException("record " + type.name() + " value has no field '" + field.name() + "'", -1);
            }
            out.append(i == 0 ? "" : ", ").append(field.name()).append(": ");
            value(field.type(), fields.get(field.name()));
        }
        out.append('}');
    }

    private void flags(FlagsType type, Set<?> set) {
        out.append('{');
        boolean first = true;
        for (String flag : type.flags()) {
            if (set.contains(flag)) {
                out.append(first ? "" : ", ").append(flag);
                first = false;
            }
        }
        for (Object flag : set) {
            if (!type.flags().contains(flag)) {
                throw new WaveException("flags " + type.name() + " has no flag '" + flag + "'", -1);
            }
        }
        out.append('}');
    }

    private void variant(VariantType type, VariantValue value) {
        VariantType.Case variantCase = type.cases().stream().filter(c -> c.name().equals(value.caseName()))
                .findFirst().orElseThrow(() -> new WaveException("variant " + type.name() + " has no case '"
                        + value.caseName() + "'", -1));
        caseLabel(variantCase.name());
        variantCase.payload().ifPresent(payloadType -> {
            out.append('(');
            value(payloadType, value.payload());
            out.append(')');
        });
    }

    private void side(String keyword, Optional<WitType> type, Object payload) {
        out.append(keyword);
        if (type.isPresent()) {
            out.append('(');
            value(type.get(), payload);
            out.append(')');
        }
    }

    private void caseLabel(String name) {
        out.append(WaveParser.KEYWORDS.contains(name) ? "%" : "").append(name);
    }

    private static <T> T cast(Class<T> javaType, WitType type, Object value) {
        if (!javaType.isInstance(value)) {
            throw mismatch(type, value);
        }
        return javaType.cast(value);
    }

    private static WaveException mismatch(WitType type, Object value) {
        return new WaveException("a " + type + " value cannot be " + (value == null ? "null"
                : "a " + value.getClass().getName()), -1);
    }
}
