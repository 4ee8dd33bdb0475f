package dev.witbind.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.abi.StringEncoding;
import dev.witbind.runtime.abi.ValueCodec;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.abi.CoreType;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.values.Result;
import dev.witbind.wit.values.VariantValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The reference suite's test functions ({@code design/mvp/canonical-abi/run_tests.py}), restated over our codecs:
 * {@link #test} is its {@code test(t, vals_to_lift, v, cx, dst_encoding, lower_t, lower_v)} and {@link #testHeap}
 * its {@code test_heap}. Each case becomes one {@link DynamicTest} named after the reference call.
 */
final class Reference {
    /** The expected value of a case that must trap ({@code None} in the suite). */
    static final Object TRAP = new Object() {
        @Override
        public String toString() {
            return "trap";
        }
    };

    private Reference() {}

    /**
     * {@code test(t, vals_to_lift, v)}: lifts {@code coreValues} (given as in the suite: {@code i32} unsigned,
     * {@code f32}/{@code f64} as Java floats or as raw bits) and expects {@code expected} or a trap; then lowers the
     * value into a fresh heap as {@code lowerType} and lifts it back, expecting {@code lowerExpected}.
     */
    static void test(WitType type, Heap heap, Object expected, WitType lowerType, Object lowerExpected,
            Object... coreValues) {
        ValueCodec codec = ValueCodec.of(type);
        long[] flat = flat(codec.flatTypes(), coreValues);
        LiftLowerContext cx = heap.context();
        if (expected == TRAP) {
            assertThrows(WitTrapException.class, () -> codec.liftFlat(cx, flat, 0));
            return;
        }
        assertValue(expected, codec.liftFlat(cx, flat, 0));

        ValueCodec lowerCodec = ValueCodec.of(lowerType);
        lowerCodec.validate(expected, "the value", StringEncoding.UTF8);
        LiftLowerContext fresh = new Heap().context();
        long[] lowered = new long[lowerCodec.flatCount()];
        lowerCodec.lowerFlat(fresh, expected, lowered, 0);
        assertValue(lowerExpected, lowerCodec.liftFlat(fresh, lowered, 0));
    }

    /** {@code test(t, vals_to_lift, v)} with the default context (no memory to speak of) and no {@code lower_t}. */
    static void test(WitType type, Object expected, Object... coreValues) {
        test(type, new Heap(), expected, type, expected, coreValues);
    }

    /**
     * {@code test_heap(t, expect, args, byte_array)}: the list {@code (ptr, length)} over memory that starts with
     * {@code bytes}. For element types without pointers we also store the lifted elements back over a copy of
     * {@code bytes} at the same place and expect {@code restored}: the suite's exact layout, padding untouched (it
     * differs from {@code bytes} only where they hold a non-canonical {@code bool} or unknown flag bits).
     */
    static void testHeap(ListType type, Object expected, int ptr, int length, int[] bytes, int[] restored) {
        test(type, new Heap(bytes), expected, type, expected, ptr, length);
        if (expected == TRAP || CanonicalAbi.needsRealloc(type.element())) {
            return;
        }
        Heap copy = new Heap(bytes);
        LiftLowerContext cx = copy.context();
        ValueCodec element = ValueCodec.of(type.element());
        List<?> elements = expected instanceof byte[] bytesOfU8
                ? IntStream.range(0, bytesOfU8.length).mapToObj(i -> bytesOfU8[i]).toList()
                : (List<?>) expected;
        for (int i = 0; i < elements.size(); i++) {
            element.store(cx, elements.get(i), ptr + i * element.size());
        }
        assertArrayEquals(unsignedBytes(restored), copy.bytes(0, bytes.length), "stored layout");
        assertEquals(List.of(), copy.reallocs());
    }

    static byte[] unsignedBytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** Core values in the engine convention, from the suite's notation, by the flattened types they are for. */
    static long[] flat(List<CoreType> types, Object... values) {
        assertEquals(types.size(), values.length, "core values for " + types);
        long[] flat = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            flat[i] = switch (types.get(i)) {
                case I32 -> ((Number) value).longValue() & 0xFFFF_FFFFL;
                case I64 -> ((Number) value).longValue();
                case F32 -> value instanceof Float || value instanceof Double
                        ? Float.floatToRawIntBits(((Number) value).floatValue()) & 0xFFFF_FFFFL
                        : ((Number) value).longValue() & 0xFFFF_FFFFL;
                case F64 -> value instanceof Float || value instanceof Double
                        ? Double.doubleToRawLongBits(((Number) value).doubleValue())
                        : ((Number) value).longValue();
            };
        }
        return flat;
    }

    // ---- values -----------------------------------------------------------------------------------------------

    /** Equality as the suite means it, with {@code byte[]} (our {@code list<u8>}) by content. */
    static void assertValue(Object expected, Object actual) {
        if (!same(expected, actual)) {
            fail("expected " + show(expected) + " but got " + show(actual));
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return x.size() == y.size() && allSame(x.iterator(), y.iterator());
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            // in field order, as the suite's dicts compare in insertion order for our purposes
            return List.copyOf(x.keySet()).equals(List.copyOf(y.keySet()))
                    && allSame(x.values().iterator(), y.values().iterator());
        }
        if (a instanceof Optional<?> x && b instanceof Optional<?> y) {
            return x.isPresent() == y.isPresent() && (x.isEmpty() || same(x.get(), y.get()));
        }
        if (a instanceof VariantValue x && b instanceof VariantValue y) {
            return x.caseName().equals(y.caseName()) && same(x.payload(), y.payload());
        }
        if (a instanceof Result.Ok<?, ?> x && b instanceof Result.Ok<?, ?> y) {
            return same(x.value(), y.value());
        }
        if (a instanceof Result.Err<?, ?> x && b instanceof Result.Err<?, ?> y) {
            return same(x.error(), y.error());
        }
        return Objects.equals(a, b);
    }

    private static boolean allSame(Iterator<?> a, Iterator<?> b) {
        while (a.hasNext()) {
            if (!same(a.next(), b.next())) {
                return false;
            }
        }
        return true;
    }

    static String show(Object value) {
        if (value instanceof byte[] bytes) {
            return Arrays.toString(bytes);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Reference::show).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    // ---- names ------------------------------------------------------------------------------------------------

    /** A type spelled out structurally, for case names: {@code record{x: u8, y: u16}}, {@code enum{a, b}}. */
    static String spell(WitType type) {
        if (type instanceof RecordType record) {
            return record.fields().stream().map(f -> f.name() + ": " + spell(f.type()))
                    .collect(Collectors.joining(", ", "record{", "}"));
        }
        if (type instanceof TupleType tuple) {
            return tuple.elements().stream().map(Reference::spell).collect(Collectors.joining(", ", "tuple<", ">"));
        }
        if (type instanceof ListType list) {
            return "list<" + spell(list.element()) + ">";
        }
        if (type instanceof VariantType variant) {
            return variant.cases().stream()
                    .map(c -> c.name() + c.payload().map(p -> "(" + spell(p) + ")").orElse(""))
                    .collect(Collectors.joining(", ", "variant{", "}"));
        }
        if (type instanceof EnumType enumType) {
            return String.join(", ", enumType.cases()).transform(s -> "enum{" + s + "}");
        }
        if (type instanceof FlagsType flags) {
            return flags.flags().size() > 4
                    ? "flags{" + flags.flags().size() + " flags}"
                    : String.join(", ", flags.flags()).transform(s -> "flags{" + s + "}");
        }
        return type.toString();
    }

    /** A case named like the reference call, e.g. {@code test(record{x: u8}, [1]) -> {x=1}}. */
    static DynamicTest named(String function, String arguments, Object expected, Runnable body) {
        return DynamicTest.dynamicTest(function + "(" + arguments + ") -> " + show(expected), body::run);
    }

    static String args(Object... coreValues) {
        List<String> shown = new ArrayList<>();
        for (Object value : coreValues) {
            shown.add(value instanceof Long l && (l >= 1L << 32 || l < 0) ? "0x" + Long.toHexString(l)
                    : String.valueOf(value));
        }
        return shown.toString();
    }
}
