package dev.witbind.wit.wave;

import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.List;
import java.util.Objects;

/**
 * WAVE, the WebAssembly Value Encoding: the text form of Component Model values that Wasmtime's {@code --invoke}
 * and {@code wasm-tools} use ({@code 42}, {@code "text"}, {@code 'c'}, {@code [1, 2]}, {@code (1, "a")},
 * {@code {name: "x", age: some(3)}}, {@code {read, write}}, {@code case(payload)}, {@code some(1)}, {@code none},
 * {@code ok("x")}, {@code err(7)}, {@code nan}, {@code -inf}, {@code %none} for a case named like a keyword).
 *
 * <p>Values are the Java values of the dynamic call path ({@code GuestFunction.call}): {@code u32} an
 * {@code Integer} with its bits, {@code list<u8>} a {@code byte[]}, a record a {@code Map} in field order, a variant
 * a {@link dev.witbind.wit.values.VariantValue}, and so on. Resource handles have no WAVE text.
 *
 * <pre>{@code
 * Object[] args = Wave.parseArguments(greet.type().params(), "(\"Wörld\", 3)");
 * String text = Wave.print(greet.type().result().orElseThrow(), greet.call(args));
 * }</pre>
 */
public final class Wave {
    private Wave() {}

    /**
     * Parses {@code text} as one value of {@code type}; whitespace and {@code //} comments may surround it.
     *
     * @throws WaveException naming the character offset and what was expected there
     */
    public static Object parse(WitType type, String text) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        return new WaveParser(text).parseWhole(type);
    }

    /**
     * Parses a parenthesised argument list, {@code ("world", 3)}, as the arguments of a function with these
     * parameters, in order.
     *
     * @throws WaveException when the text is not exactly one value per parameter, naming the offset
     */
    public static Object[] parseArguments(List<WitParam> params, String text) {
        Objects.requireNonNull(text, "text");
        return new WaveParser(text).parseArguments(params.stream().map(WitParam::type).toList());
    }

    /**
     * Writes {@code value} as WAVE text of {@code type}, which {@link #parse} reads back as an equal value.
     *
     * @throws WaveException when the value is not a Java value of that type
     */
    public static String print(WitType type, Object value) {
        Objects.requireNonNull(type, "type");
        return new WaveWriter().write(type, value);
    }

    /**
     * Splits a call, {@code greet("world", 3)}, into the function's name and its argument list.
     *
     * @throws WaveException when there is no {@code (} or no name before it
     */
    public static Call parseCall(String text) {
        Objects.requireNonNull(text, "text");
        int open = text.indexOf('(');
        String name = open < 0 ? "" : text.substring(0, open).strip();
        if (open < 0 || name.isEmpty()) {
            throw new WaveException("expected a call such as name(arguments), for example greet(\"world\")"
                    + (open < 0 ? "; for a function without parameters write name()" : ", but nothing names the "
                    + "function before '('"), Math.max(open, 0));
        }
        return new Call(name, text.substring(open));
    }

    /**
     * A call's function name and its argument text, still to be parsed against the function's parameters.
     *
     * @param function the name before the parenthesis, e.g. {@code greet} or {@code example:api/greeter#greet}
     * @param arguments the parenthesised argument list, e.g. {@code ("world", 3)}
     */
    public record Call(String function, String arguments) {
        public Call {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(arguments, "arguments");
        }
    }
}
