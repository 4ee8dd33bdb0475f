package dev.witbind.wit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.values.Result;
import dev.witbind.wit.values.VariantValue;
import dev.witbind.wit.wave.Wave;
import dev.witbind.wit.wave.WaveException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * WAVE text as a command line or a config file hands it over: values of a set of WIT types printed by
 * {@link Wave#print}, mutated, and read back with {@link Wave#parse} (and as calls, with {@link Wave#parseCall} and
 * {@link Wave#parseArguments}). Every input is a value or a {@link WaveException} whose offset lies in the text;
 * a value that parses prints as text that parses back to the same printed text.
 */
class WaveFuzzTest {
    static final RecordType PERSON = new RecordType("person", List.of(
            new RecordType.Field("name", PrimitiveType.STRING),
            new RecordType.Field("age", new OptionType(PrimitiveType.U8)),
            new RecordType.Field("tags", new ListType(PrimitiveType.STRING))));
    private static final List<WitType> TYPES = List.of(PrimitiveType.BOOL, PrimitiveType.S8, PrimitiveType.U8,
            PrimitiveType.S16, PrimitiveType.U16, PrimitiveType.S32, PrimitiveType.U32, PrimitiveType.S64,
            PrimitiveType.U64, PrimitiveType.F32, PrimitiveType.F64, PrimitiveType.CHAR, PrimitiveType.STRING,
            new ListType(PrimitiveType.U8), new ListType(PrimitiveType.STRING),
            new TupleType(List.of(PrimitiveType.STRING, PrimitiveType.S32, PrimitiveType.CHAR)), PERSON,
            new FlagsType("permissions", List.of("read", "write", "exec")),
            new EnumType("keywords", List.of("none", "left", "ok")),
            new VariantType("expiry", List.of(VariantType.Case.of("days", PrimitiveType.U32),
                    VariantType.Case.of("forever"), VariantType.Case.of("some", PERSON))),
            new OptionType(new OptionType(PrimitiveType.U8)),
            new ResultType(Optional.of(PrimitiveType.STRING), Optional.of(PrimitiveType.U8)),
            new ResultType(Optional.empty(), Optional.of(new ListType(PrimitiveType.F64))),
            new ListType(new OptionType(new TupleType(List.of(PrimitiveType.CHAR, PrimitiveType.F32)))));
    /** Pieces of WAVE's syntax and the values around its edges, for the text mutator to put in. */
    private static final List<String> PIECES = List.of("(", ")", "[", "]", "{", "}", ",", ":", "\"", "'", "\\",
            "\\u{", "\\u{110000}", "\\u{d800}", "%", "-", ".", "e", "e+", "nan", "inf", "-inf", "some(", "none", "ok(",
            "err(", "true", "//", "\n", "\r\n", "\"\"\"\n", "\n  \"\"\"", "18446744073709551616", "-9223372036854775809",
            "4294967296", "1e39", "00", "🎉", "\ud800", "é", " ", "[".repeat(5_000), "9".repeat(60), "read, ",
            "forever", "days(", "name: ", "{:}");

    private static final int[] CHARS = "a'\"\\\n\t é🎉\u0000".codePoints().toArray();

    private record Input(WitType type, List<WitParam> params, String text) {
        /** The type (or the parameters) on the first line, then the text: how a failure is saved. */
        @Override
        public String toString() {
            return (params == null ? type.toString() : params.toString()) + "\n" + text;
        }
    }

    @Test
    void mutatedWaveTextsGiveValuesOrWaveExceptionsInsideTheText() {
        List<Input> seeds = seeds(new Random(20261202L));
        for (Input seed : seeds) { // the unmutated texts read back as what was printed
            assertEquals(seed.text(), reprinted(seed), () -> "round trip of " + seed);
        }
        int[] offset = new int[1];
        FuzzRun.Outcome outcome = new FuzzRun("wave", 20_000, 20261202L, WaveException.class)
                .checkingRefusals(thrown -> assertTrue(offset[0] >= 0 && ((WaveException) thrown).offset()
                        <= offset[0], () -> "offset " + ((WaveException) thrown).offset() + " outside a text of "
                        + offset[0] + " characters: " + thrown.getMessage()))
                .run(mutator -> {
                    Input seed = seeds.get(mutator.random().nextInt(seeds.size()));
                    return new Input(seed.type(), seed.params(), mutator.mutate(seed.text(), PIECES));
                }, input -> {
                    offset[0] = input.text().length();
                    String once = reprinted(input);
                    String twice = reprinted(new Input(input.type(), input.params(), once));
                    assertEquals(once, twice, "the printed value reads back as itself");
                });
        assertTrue(outcome.accepted() > outcome.inputs() / 50 && outcome.refused() > outcome.inputs() / 2,
                "both outcomes occur: " + outcome);
    }

    /** The input parsed and printed again (for a call, as a call of the same name). */
    private static String reprinted(Input input) {
        if (input.params() == null) {
            return Wave.print(input.type(), Wave.parse(input.type(), input.text()));
        }
        Wave.Call call = Wave.parseCall(input.text());
        Object[] arguments = Wave.parseArguments(input.params(), call.arguments());
        return call.function() + IntStream.range(0, arguments.length)
                .mapToObj(i -> Wave.print(input.params().get(i).type(), arguments[i]))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** Three printed values of each type, and calls of one to three parameters of these types. */
    private static List<Input> seeds(Random random) {
        List<Input> seeds = new ArrayList<>();
        for (WitType type : TYPES) {
            for (int i = 0; i < 3; i++) {
                seeds.add(new Input(type, null, Wave.print(type, value(type, random, 3))));
            }
        }
        for (int i = 0; i < 20; i++) {
            List<WitParam> params = new ArrayList<>();
            List<String> arguments = new ArrayList<>();
            for (int p = 0; p <= random.nextInt(3); p++) {
                WitType type = TYPES.get(random.nextInt(TYPES.size()));
                params.add(new WitParam("p" + p, type));
                arguments.add(Wave.print(type, value(type, random, 3)));
            }
            seeds.add(new Input(null, List.copyOf(params), "example:api/greeter#greet("
                    + String.join(", ", arguments) + ")"));
        }
        return seeds;
    }

    /** A random Java value of {@code type}, as the dynamic call path holds it; {@code depth} bounds list sizes. */
    private static Object value(WitType type, Random random, int depth) {
        if (type instanceof PrimitiveType primitive) {
            return switch (primitive) {
                case BOOL -> random.nextBoolean();
                case S8, U8 -> (byte) random.nextInt();
                case S16, U16 -> (short) random.nextInt();
                case S32, U32 -> random.nextInt();
                case S64, U64 -> random.nextLong();
                case F32 -> random.nextInt(8) == 0 ? Float.NaN : (float) random.nextGaussian() * 1e6f;
                case F64 -> random.nextInt(8) == 0 ? Double.NEGATIVE_INFINITY : random.nextGaussian() * 1e-9;
                case CHAR -> CHARS[random.nextInt(CHARS.length)];
                case STRING -> List.of("", "Wörld", "say \"hi\"\n", "tab\there", "🎉'\\", "%none")
                        .get(random.nextInt(6));
                default -> throw new AssertionError(primitive);
            };
        } else if (type instanceof ListType list) {
            int size = random.nextInt(depth + 1);
            if (list.element() == PrimitiveType.U8) {
                byte[] bytes = new byte[size];
                random.nextBytes(bytes);
                return bytes;
            }
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                elements.add(value(list.element(), random, depth - 1));
            }
            return elements;
        } else if (type instanceof TupleType tuple) {
            return tuple.elements().stream().map(element -> value(element, random, depth - 1)).toList();
        } else if (type instanceof RecordType record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            record.fields().forEach(field -> fields.put(field.name(), value(field.type(), random, depth - 1)));
            return fields;
        } else if (type instanceof FlagsType flags) {
            Set<String> set = new LinkedHashSet<>();
            flags.flags().stream().filter(flag -> random.nextBoolean()).forEach(set::add);
            return set;
        } else if (type instanceof EnumType enumType) {
            return enumType.cases().get(random.nextInt(enumType.cases().size()));
        } else if (type instanceof VariantType variant) {
            VariantType.Case chosen = variant.cases().get(random.nextInt(variant.cases().size()));
            return chosen.payload().map(payload -> VariantValue.of(chosen.name(), value(payload, random, depth - 1)))
                    .orElseGet(() -> VariantValue.of(chosen.name()));
        } else if (type instanceof OptionType option) {
            return random.nextInt(3) == 0 ? Optional.empty() : Optional.of(value(option.some(), random, depth - 1));
        } else if (type instanceof ResultType result) {
            boolean ok = random.nextBoolean();
            Optional<WitType> side = ok ? result.ok() : result.err();
            Object payload = side.map(t -> value(t, random, depth - 1)).orElse(null);
            return ok ? Result.ok(payload) : Result.err(payload);
        }
        throw new AssertionError(type);
    }
}
