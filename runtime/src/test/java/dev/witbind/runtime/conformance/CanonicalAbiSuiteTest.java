package dev.witbind.runtime.conformance;

import static dev.witbind.runtime.conformance.Reference.TRAP;
import static dev.witbind.runtime.conformance.Reference.args;
import static dev.witbind.runtime.conformance.Reference.named;
import static dev.witbind.runtime.conformance.Reference.spell;
import static dev.witbind.runtime.conformance.Reference.testHeap;
import static dev.witbind.wit.types.PrimitiveType.BOOL;
import static dev.witbind.wit.types.PrimitiveType.CHAR;
import static dev.witbind.wit.types.PrimitiveType.F32;
import static dev.witbind.wit.types.PrimitiveType.F64;
import static dev.witbind.wit.types.PrimitiveType.S16;
import static dev.witbind.wit.types.PrimitiveType.S32;
import static dev.witbind.wit.types.PrimitiveType.S64;
import static dev.witbind.wit.types.PrimitiveType.S8;
import static dev.witbind.wit.types.PrimitiveType.STRING;
import static dev.witbind.wit.types.PrimitiveType.U16;
import static dev.witbind.wit.types.PrimitiveType.U32;
import static dev.witbind.wit.types.PrimitiveType.U64;
import static dev.witbind.wit.types.PrimitiveType.U8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.abi.StringEncoding;
import dev.witbind.runtime.abi.TestContexts;
import dev.witbind.runtime.abi.ValueCodec;
import dev.witbind.runtime.abi.ValueTupleCodec;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.abi.CoreSignature;
import dev.witbind.wit.abi.CoreType;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.values.Result;
import dev.witbind.wit.values.VariantValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The synchronous, 32-bit part of the Component Model's reference suite
 * ({@code design/mvp/canonical-abi/run_tests.py}, the newest revision: fixed-length lists, flags capped at 32, the
 * deterministic profile), case by case, on a real Chicory memory. Each dynamic test is named after the reference
 * call it ports; {@code README.md} beside this file says which cases are left out and why.
 */
class CanonicalAbiSuiteTest {
    /** The cases this class runs; {@code README.md} states the same number. */
    static final int PORTED_CASES = 290;

    // ---- test(t, vals_to_lift, v) -----------------------------------------------------------------------------

    @TestFactory
    List<DynamicTest> test() {
        List<DynamicTest> cases = new ArrayList<>();
        RecordType xyz = new RecordType("r", List.of(new RecordType.Field("x", U8), new RecordType.Field("y", U16),
                new RecordType.Field("z", U32)));
        add(cases, xyz, map("x", (byte) 1, "y", (short) 2, "z", 3), 1, 2, 3);
        TupleType nested = new TupleType(List.of(new TupleType(List.of(U8, U8)), U8));
        add(cases, nested, List.of(List.of((byte) 1, (byte) 2), (byte) 3), 1, 2, 3);

        FlagsType ab = flags(2);
        add(cases, ab, Set.of(), 0);
        add(cases, ab, Set.of("b"), 2);
        add(cases, ab, Set.of("a", "b"), 3);
        add(cases, ab, Set.of(), 4); // bits beyond the declared flags are ignored
        FlagsType thirtyTwo = flags(32);
        add(cases, thirtyTwo, Set.copyOf(thirtyTwo.flags()), 0xFFFF_FFFFL);

        VariantType xyzVariant = new VariantType("v", List.of(VariantType.Case.of("x", U8),
                VariantType.Case.of("y", F32), VariantType.Case.of("z")));
        add(cases, xyzVariant, new VariantValue("x", (byte) 42), 0, 42);
        add(cases, xyzVariant, new VariantValue("x", (byte) 0), 0, 256);
        add(cases, xyzVariant, new VariantValue("y", 3.14f), 1, 0x4048F5C3); // f32 joined with u8 into an i32
        add(cases, xyzVariant, new VariantValue("z", null), 2, 0xFFFF_FFFFL);

        OptionType optionF32 = new OptionType(F32);
        add(cases, optionF32, Optional.empty(), 0, 3.14);
        add(cases, optionF32, Optional.of(3.14f), 1, 3.14);
        ResultType resultU8U32 = new ResultType(Optional.of(U8), Optional.of(U32));
        add(cases, resultU8U32, Result.ok((byte) 42), 0, 42);
        add(cases, resultU8U32, Result.err(1000), 1, 1000);

        VariantType wy = new VariantType("v", List.of(VariantType.Case.of("w", U8), VariantType.Case.of("y", U8)));
        add(cases, wy, new VariantValue("w", (byte) 42), 0, 42);
        add(cases, wy, new VariantValue("y", (byte) 42), 1, 42);
        VariantType w = new VariantType("v", List.of(VariantType.Case.of("w", U8)));
        Object w42 = new VariantValue("w", (byte) 42);
        cases.add(named("test", spell(wy) + ", " + args(0, 42) + ", lower_t=" + spell(w), w42,
                () -> Reference.test(wy, new Heap(), w42, w, w42, 0, 42)));
        return cases;
    }

    private static void add(List<DynamicTest> cases, WitType type, Object expected, Object... coreValues) {
        cases.add(named("test", spell(type) + ", " + args(coreValues), expected,
                () -> Reference.test(type, expected, coreValues)));
    }

    // ---- test_pairs(t, pairs) ---------------------------------------------------------------------------------

    @TestFactory
    List<DynamicTest> test_pairs() {
        List<DynamicTest> cases = new ArrayList<>();
        pairs(cases, BOOL, 0L, false, 1L, true, 2L, true, 4294967295L, true);
        pairs(cases, U8, 127L, (byte) 127, 128L, (byte) 128, 255L, (byte) 255, 256L, (byte) 0,
                4294967295L, (byte) 255, 4294967168L, (byte) 128, 4294967167L, (byte) 127);
        pairs(cases, S8, 127L, (byte) 127, 128L, (byte) -128, 255L, (byte) -1, 256L, (byte) 0,
                4294967295L, (byte) -1, 4294967168L, (byte) -128, 4294967167L, (byte) 127);
        long two32 = 1L << 32;
        pairs(cases, U16, 32767L, (short) 32767, 32768L, (short) 32768, 65535L, (short) 65535, 65536L, (short) 0,
                two32 - 1, (short) 65535, two32 - 32768, (short) 32768, two32 - 32769, (short) 32767);
        pairs(cases, S16, 32767L, (short) 32767, 32768L, (short) -32768, 65535L, (short) -1, 65536L, (short) 0,
                two32 - 1, (short) -1, two32 - 32768, (short) -32768, two32 - 32769, (short) 32767);
        pairs(cases, U32, (1L << 31) - 1, Integer.MAX_VALUE, 1L << 31, 1 << 31, two32 - 1, 0xFFFF_FFFF);
        pairs(cases, S32, (1L << 31) - 1, Integer.MAX_VALUE, 1L << 31, Integer.MIN_VALUE, two32 - 1, -1);
        pairs(cases, U64, Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, -1L, -1L);
        pairs(cases, S64, Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, -1L, -1L);
        pairs(cases, F32, 3.14, 3.14f);
        pairs(cases, F64, 3.14, 3.14);
        pairs(cases, CHAR, 0L, 0, 65L, (int) 'A', 0xD7FFL, 0xD7FF, 0xD800L, TRAP, 0xDFFFL, TRAP);
        pairs(cases, CHAR, 0xE000L, 0xE000, 0x10FFFFL, 0x10FFFF, 0x110000L, TRAP, 0xFFFF_FFFFL, TRAP);
        pairs(cases, new EnumType("e", List.of("a", "b")), 0L, "a", 1L, "b", 2L, TRAP);
        return cases;
    }

    /** {@code test_pairs(t, [(arg, expect), ...])}: alternating core argument and expected value. */
    private static void pairs(List<DynamicTest> cases, WitType type, Object... argsAndExpected) {
        for (int i = 0; i < argsAndExpected.length; i += 2) {
            Object arg = argsAndExpected[i];
            Object expected = argsAndExpected[i + 1];
            cases.add(named("test_pairs", spell(type) + ", " + args(arg), expected,
                    () -> Reference.test(type, expected, arg)));
        }
    }

    // ---- test_nan32 / test_nan64 ------------------------------------------------------------------------------

    @TestFactory
    List<DynamicTest> test_nan() {
        List<DynamicTest> cases = new ArrayList<>();
        int canonical32 = 0x7FC0_0000;
        for (int[] pair : new int[][] {{0x7FC0_0000, canonical32}, {0x7FC0_0001, canonical32},
                {0x7FE0_0000, canonical32}, {0x7FFF_FFFF, canonical32}, {0xFFFF_FFFF, canonical32},
                {0x7F80_0000, 0x7F80_0000}, {0x3FC0_0000, 0x3FC0_0000}}) {
            cases.add(DynamicTest.dynamicTest(String.format("test_nan32(0x%08x, 0x%08x)", pair[0], pair[1]),
                    () -> nan(F32, pair[0] & 0xFFFF_FFFFL, pair[1] & 0xFFFF_FFFFL, Reference.unsignedBytes(
                            pair[0], pair[0] >>> 8, pair[0] >>> 16, pair[0] >>> 24))));
        }
        long canonical64 = 0x7FF8_0000_0000_0000L;
        for (long[] pair : new long[][] {{0x7FF8_0000_0000_0000L, canonical64}, {0x7FF8_0000_0000_0001L, canonical64},
                {0x7FFC_0000_0000_0000L, canonical64}, {0x7FFF_FFFF_FFFF_FFFFL, canonical64}, {-1L, canonical64},
                {0x7FF0_0000_0000_0000L, 0x7FF0_0000_0000_0000L}, {0x3FF0_0000_0000_0000L, 0x3FF0_0000_0000_0000L}}) {
            byte[] bytes = new byte[8];
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (pair[0] >>> (8 * i));
            }
            cases.add(DynamicTest.dynamicTest(String.format("test_nan64(0x%016x, 0x%016x)", pair[0], pair[1]),
                    () -> nan(F64, pair[0], pair[1], bytes)));
        }
        return cases;
    }

    /** Lifts the bits flat and loads them from memory; both must lower again to {@code out} (deterministic profile). */
    private static void nan(PrimitiveType type, long in, long out, byte[] inMemory) {
        ValueCodec codec = ValueCodec.of(type);
        LiftLowerContext cx = Heap.of(inMemory).context();
        for (Object lifted : new Object[] {codec.liftFlat(cx, new long[] {in}, 0), codec.load(cx, 0)}) {
            long[] lowered = new long[1];
            codec.lowerFlat(cx, lifted, lowered, 0);
            assertEquals(out, lowered[0]);
            long bits = type == F32 ? Float.floatToRawIntBits((Float) lifted) & 0xFFFF_FFFFL
                    : Double.doubleToRawLongBits((Double) lifted);
            assertEquals(out, bits);
        }
    }

    // ---- test_string(src_encoding, dst_encoding, s) -----------------------------------------------------------

    /** The suite's {@code fun_strings}. */
    static final List<String> FUN_STRINGS = List.of("", "a", "hi", "\u0000", "a\u0000b", "\u0080", "\u0080b",
            "ab\u00efc", "\u01ffy", "xy\u01ff", "a\ud7ffb", "a\u02ff\u03ff\u04ffbc", "\uf123", "\uf123\uf123abc",
            "abcdef\uf123");

    /** The suite's {@code encodings}. */
    static final List<StringEncoding> ENCODINGS =
            List.of(StringEncoding.UTF8, StringEncoding.UTF16, StringEncoding.LATIN1_UTF16);

    @TestFactory
    List<DynamicTest> test_string() {
        List<DynamicTest> cases = new ArrayList<>();
        for (StringEncoding src : ENCODINGS) {
            for (StringEncoding dst : ENCODINGS) {
                for (String s : FUN_STRINGS) {
                    testString(cases, src, dst, s);
                }
            }
        }
        return cases;
    }

    /**
     * {@code test_string(src_encoding, dst_encoding, s)}: {@code s} encoded in {@code src}, where
     * {@code latin1+utf16} is two cases for a string that Latin-1 can encode, one in each half.
     */
    private static void testString(List<DynamicTest> cases, StringEncoding src, StringEncoding dst, String s) {
        switch (src) {
            case UTF8 -> {
                byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
                stringCase(cases, src, dst, s, encoded, encoded.length);
            }
            case UTF16 -> {
                byte[] encoded = s.getBytes(StandardCharsets.UTF_16LE);
                stringCase(cases, src, dst, s, encoded, encoded.length / 2);
            }
            case LATIN1_UTF16 -> {
                if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(s)) {
                    byte[] encoded = s.getBytes(StandardCharsets.ISO_8859_1);
                    stringCase(cases, src, dst, s, encoded, encoded.length);
                }
                byte[] encoded = s.getBytes(StandardCharsets.UTF_16LE);
                stringCase(cases, src, dst, s, encoded, encoded.length / 2 | SpecStrings.UTF16_TAG);
            }
        }
    }

    /**
     * {@code test_string_internal}, then {@code test(String(), [0, tagged_code_units], v, cx, dst_encoding)}: lifts
     * the string from a heap that holds its encoding, lowers the value {@code (s, src, tagged_code_units)} into the
     * suite's heap of five times that size in {@code dst} and lifts it back. The {@code realloc} calls must be the
     * spec's ({@link SpecStrings}). The port then lowers {@code s} once more as the host's own string would be
     * (validated for {@code dst}, through {@code StringCodec}), which must take one exact allocation.
     */
    private static void stringCase(List<DynamicTest> cases, StringEncoding src, StringEncoding dst, String s,
            byte[] encoded, int taggedCodeUnits) {
        String arguments = "'" + SPEC_NAMES.get(src) + "', '" + SPEC_NAMES.get(dst) + "', " + escape(s)
                + (src == StringEncoding.LATIN1_UTF16 ? ", tagged_code_units=" + (taggedCodeUnits < 0
                        ? "0x" + Integer.toHexString(taggedCodeUnits) : taggedCodeUnits) : "");
        cases.add(named("test_string", arguments, escape(s), () -> {
            ValueCodec codec = ValueCodec.of(STRING);
            LiftLowerContext source = Heap.of(encoded).context(src);
            assertEquals(s, codec.liftFlat(source, new long[] {0, Integer.toUnsignedLong(taggedCodeUnits)}, 0));

            int capacity = 5 * encoded.length;
            Heap heap = Heap.ofCapacity(capacity);
            LiftLowerContext cx = heap.context(dst);
            long lowered = TestContexts.storeStringIntoRange(cx, s, src, taggedCodeUnits);
            assertEquals(s, codec.liftFlat(cx, new long[] {lowered & 0xFFFF_FFFFL, lowered >>> 32}, 0));
            SpecStrings.Stored spec = SpecStrings.store(src, taggedCodeUnits, dst, s, capacity);
            assertEquals(spec.reallocs(), heap.reallocs(), "realloc calls");
            assertEquals(spec.taggedCodeUnits(), (int) (lowered >>> 32), "tagged code units");

            Heap host = Heap.ofCapacity(capacity);
            LiftLowerContext hostCx = host.context(dst);
            codec.validate(s, "the value", dst);
            long[] flat = new long[2];
            codec.lowerFlat(hostCx, s, flat, 0);
            assertEquals(s, codec.liftFlat(hostCx, flat, 0));
            assertEquals(List.of(hostAllocation(dst, s)), host.reallocs(), "realloc calls of the host's string");
        }));
    }

    /**
     * The one allocation of the host's own string in {@code dst}: its UTF-8 exactly, or its UTF-16, or in
     * {@code latin1+utf16} its Latin-1 when it fits.
     */
    private static String hostAllocation(StringEncoding dst, String s) {
        boolean latin1 = StandardCharsets.ISO_8859_1.newEncoder().canEncode(s);
        return switch (dst) {
            case UTF8 -> "(0, 0, 1, " + s.getBytes(StandardCharsets.UTF_8).length + ") -> 0";
            case UTF16 -> "(0, 0, 2, " + 2 * s.length() + ") -> 0";
            case LATIN1_UTF16 -> "(0, 0, 2, " + (latin1 ? s.length() : 2 * s.length()) + ") -> 0";
        };
    }

    /** The suite's names of the encodings. */
    static final Map<StringEncoding, String> SPEC_NAMES = Map.of(StringEncoding.UTF8, "utf8",
            StringEncoding.UTF16, "utf16", StringEncoding.LATIN1_UTF16, "latin1+utf16");

    static String escape(String s) {
        StringBuilder escaped = new StringBuilder("'");
        s.codePoints().forEach(c -> escaped.append(c >= 0x20 && c < 0x7F ? Character.toString(c)
                : String.format("\\u%04x", c)));
        return escaped.append('\'').toString();
    }

    // ---- test_heap(t, expect, args, byte_array) ---------------------------------------------------------------

    @TestFactory
    List<DynamicTest> test_heap() {
        List<DynamicTest> cases = new ArrayList<>();
        ListType bools = new ListType(BOOL);
        heap(cases, bools, List.of(true, false, true), 0, 3, bytes(1, 0, 1));
        heap(cases, bools, List.of(true, false, true), 0, 3, bytes(1, 0, 2), bytes(1, 0, 1));
        heap(cases, bools, List.of(true, false, true), 3, 3, bytes(0xff, 0xff, 0xff, 1, 0, 1));
        heap(cases, new ListType(U8), new byte[] {1, 2, 3}, 0, 3, bytes(1, 2, 3));
        heap(cases, new ListType(U16), shorts(1, 2, 3), 0, 3, bytes(1, 0, 2, 0, 3, 0));
        heap(cases, new ListType(U16), TRAP, 1, 3, bytes(0, 1, 0, 2, 0, 3, 0));
        heap(cases, new ListType(U32), List.of(1, 2, 3), 0, 3, bytes(1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0));
        heap(cases, new ListType(U64), List.of(1L, 2L), 0, 2,
                bytes(1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0));
        heap(cases, new ListType(S8), List.of((byte) -1, (byte) -2, (byte) -3), 0, 3, bytes(0xff, 0xfe, 0xfd));
        heap(cases, new ListType(S16), shorts(-1, -2, -3), 0, 3, bytes(0xff, 0xff, 0xfe, 0xff, 0xfd, 0xff));
        heap(cases, new ListType(S32), List.of(-1, -2, -3), 0, 3,
                bytes(0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff, 0xfd, 0xff, 0xff, 0xff));
        heap(cases, new ListType(S64), List.of(-1L, -2L), 0, 2, bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff));
        heap(cases, new ListType(CHAR), List.of((int) 'A', (int) 'B', (int) 'c'), 0, 3,
                bytes(65, 0, 0, 0, 66, 0, 0, 0, 99, 0, 0, 0));
        heap(cases, new ListType(STRING), List.of("hi", "wat"), 0, 2, bytes(16, 0, 0, 0, 2, 0, 0, 0, 21, 0, 0, 0,
                3, 0, 0, 0, 'h', 'i', 0xf, 0xf, 0xf, 'w', 'a', 't'));
        heap(cases, new ListType(new ListType(U8)), List.of(new byte[] {3, 4, 5}, new byte[0], new byte[] {6, 7}),
                0, 3, bytes(24, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 27, 0, 0, 0, 2, 0, 0, 0, 3, 4, 5, 6, 7));
        ListType listsOfU16 = new ListType(new ListType(U16));
        heap(cases, listsOfU16, List.of(shorts(5, 6)), 0, 1, bytes(8, 0, 0, 0, 2, 0, 0, 0, 5, 0, 6, 0));
        heap(cases, listsOfU16, TRAP, 0, 1, bytes(9, 0, 0, 0, 2, 0, 0, 0, 0, 5, 0, 6, 0)); // misaligned u16s
        heap(cases, new ListType(new TupleType(List.of(U8, U8, U16, U32))),
                List.of(List.of((byte) 6, (byte) 7, (short) 8, 9), List.of((byte) 4, (byte) 5, (short) 6, 7)), 0, 2,
                bytes(6, 7, 8, 0, 9, 0, 0, 0, 4, 5, 6, 0, 7, 0, 0, 0));
        heap(cases, new ListType(new TupleType(List.of(U8, U16, U8, U32))),
                List.of(List.of((byte) 6, (short) 7, (byte) 8, 9), List.of((byte) 4, (short) 5, (byte) 6, 7)), 0, 2,
                bytes(6, 0xff, 7, 0, 8, 0xff, 0xff, 0xff, 9, 0, 0, 0, 4, 0xff, 5, 0, 6, 0xff, 0xff, 0xff, 7, 0, 0, 0));
        heap(cases, new ListType(new TupleType(List.of(U16, U8))),
                List.of(List.of((short) 6, (byte) 7), List.of((short) 8, (byte) 9)), 0, 2,
                bytes(6, 0, 7, 0xff, 8, 0, 9, 0xff));
        heap(cases, new ListType(new TupleType(List.of(new TupleType(List.of(U16, U8)), U8))),
                List.of(List.of(List.of((short) 4, (byte) 5), (byte) 6), List.of(List.of((short) 7, (byte) 8),
                        (byte) 9)), 0, 2,
                bytes(4, 0, 5, 0xff, 6, 0xff, 7, 0, 8, 0xff, 9, 0xff));
        ListType ab = new ListType(flags(2));
        heap(cases, ab, List.of(Set.of(), Set.of("b"), Set.of("a", "b")), 0, 3, bytes(0, 2, 3));
        heap(cases, ab, List.of(Set.of(), Set.of("b"), Set.of()), 0, 3, bytes(0, 2, 4), bytes(0, 2, 0));
        for (int count : new int[] {9, 17}) {
            ListType many = new ListType(flags(count));
            List<Set<String>> allThenNone = List.of(Set.copyOf(flags(count).flags()), Set.of());
            int[] all = count == 9 ? bytes(0xff, 0x1, 0, 0) : bytes(0xff, 0xff, 0x1, 0, 0, 0, 0, 0);
            int[] extraBit = count == 9 ? bytes(0xff, 0x3, 0, 0) : bytes(0xff, 0xff, 0x3, 0, 0, 0, 0, 0);
            heap(cases, many, allThenNone, 0, 2, all);
            heap(cases, many, allThenNone, 0, 2, extraBit, all);
        }
        heap(cases, new ListType(flags(32)), List.of(Set.copyOf(flags(32).flags()), Set.of()), 0, 2,
                bytes(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0));
        return cases;
    }

    static void heap(List<DynamicTest> cases, ListType type, Object expected, int ptr, int length, int[] bytes) {
        heap(cases, type, expected, ptr, length, bytes, bytes);
    }

    static void heap(List<DynamicTest> cases, ListType type, Object expected, int ptr, int length, int[] bytes,
            int[] restored) {
        cases.add(named("test_heap", spell(type) + ", " + args(ptr, length) + ", " + Arrays.toString(bytes),
                expected, () -> testHeap(type, expected, ptr, length, bytes, restored)));
    }

    // ---- test_flatten(t, params, results) ---------------------------------------------------------------------

    @TestFactory
    List<DynamicTest> test_flatten() {
        List<DynamicTest> cases = new ArrayList<>();
        List<WitType> u8F32F64 = List.of(U8, F32, F64);
        List<CoreType> i32F32F64 = List.of(CoreType.I32, CoreType.F32, CoreType.F64);
        flatten(cases, u8F32F64, null, i32F32F64, List.of());
        flatten(cases, u8F32F64, F32, i32F32F64, List.of(CoreType.F32));
        flatten(cases, u8F32F64, U8, i32F32F64, List.of(CoreType.I32));
        flatten(cases, u8F32F64, new TupleType(List.of(F32)), i32F32F64, List.of(CoreType.F32));
        flatten(cases, u8F32F64, new TupleType(List.of(F32, F32)), i32F32F64, List.of(CoreType.F32, CoreType.F32));
        List<WitType> seventeen = Collections.nCopies(17, U8);
        List<CoreType> seventeenI32 = Collections.nCopies(17, CoreType.I32);
        flatten(cases, seventeen, null, seventeenI32, List.of());
        flatten(cases, seventeen, new TupleType(List.of(U8, U8)), seventeenI32, List.of(CoreType.I32, CoreType.I32));
        return cases;
    }

    /** Expects the flattened {@code params} and {@code results}, then applies the MAX_FLAT rules per direction. */
    private static void flatten(List<DynamicTest> cases, List<WitType> params, WitType result,
            List<CoreType> flatParams, List<CoreType> flatResults) {
        List<WitParam> named = IntStream.range(0, params.size())
                .mapToObj(i -> new WitParam("p" + i, params.get(i))).toList();
        WitFunctionType function = result == null ? WitFunctionType.of(named) : WitFunctionType.of(named, result);
        cases.add(DynamicTest.dynamicTest("test_flatten(" + function + ", " + flatParams + ", " + flatResults + ")",
                () -> {
                    List<CoreType> params32 = flatParams.size() > CanonicalAbi.MAX_FLAT_PARAMS
                            ? List.of(CoreType.I32) : flatParams;
                    boolean resultsByPointer = flatResults.size() > CanonicalAbi.MAX_FLAT_RESULTS;
                    CoreSignature lift = CanonicalAbi.signature(function, CanonicalAbi.Direction.LIFT);
                    assertEquals(params32, lift.params());
                    assertEquals(resultsByPointer ? List.of(CoreType.I32) : flatResults, lift.results());
                    CoreSignature lower = CanonicalAbi.signature(function, CanonicalAbi.Direction.LOWER);
                    List<CoreType> lowerParams = new ArrayList<>(params32);
                    if (resultsByPointer) {
                        lowerParams.add(CoreType.I32);
                    }
                    assertEquals(lowerParams, lower.params());
                    assertEquals(resultsByPointer ? List.of() : flatResults, lower.results());
                    assertEquals(flatParams.size() > CanonicalAbi.MAX_FLAT_PARAMS, lift.paramsByPointer());
                    assertEquals(resultsByPointer, lift.resultsByPointer());
                }));
    }

    // ---- test_roundtrip(t, v) ---------------------------------------------------------------------------------

    @TestFactory
    List<DynamicTest> test_roundtrip() {
        List<DynamicTest> cases = new ArrayList<>();
        roundtrip(cases, S8, (byte) -1);
        roundtrip(cases, new TupleType(List.of(U16, U16)), List.of((short) 3, (short) 4));
        roundtrip(cases, new ListType(STRING), List.of("hello there"));
        roundtrip(cases, new ListType(new ListType(STRING)), List.of(List.of("one", "two"), List.of("three")));
        roundtrip(cases, new ListType(new OptionType(new TupleType(List.of(STRING, U16)))),
                List.of(Optional.of(List.of("answer", (short) 42))));
        List<WitType> sixteenU32AndString = new ArrayList<>(Collections.nCopies(16, U32));
        sixteenU32AndString.add(STRING);
        List<Object> payload = new ArrayList<>();
        IntStream.rangeClosed(1, 16).forEach(payload::add);
        payload.add("wat");
        roundtrip(cases, new VariantType("v", List.of(VariantType.Case.of("x", new TupleType(sixteenU32AndString)))),
                new VariantValue("x", List.copyOf(payload)));
        return cases;
    }

    /**
     * {@code test_roundtrip}: the value goes into a callee as its parameter ({@code MAX_FLAT_PARAMS}; through a
     * {@code cabi_realloc}'d tuple beyond), the core callee returns its core arguments unchanged, and the result is
     * lifted with {@code MAX_FLAT_RESULTS} raised to 16, as the suite does.
     */
    private static void roundtrip(List<DynamicTest> cases, WitType type, Object value) {
        cases.add(named("test_roundtrip", spell(type) + ", " + Reference.show(value), value, () -> {
            ValueTupleCodec tuple = new ValueTupleCodec(List.of(type), "the value");
            tuple.codecs().get(0).validate(value, "the value", StringEncoding.UTF8);
            Heap callee = new Heap();
            LiftLowerContext cx = callee.context();
            long[] coreArguments = tuple.lower(cx, new Object[] {value}, CanonicalAbi.MAX_FLAT_PARAMS);
            long[] coreResults = coreArguments.clone();
            Reference.assertValue(value, tuple.lift(cx, coreResults, 16)[0]);
            assertEquals(tuple.flatCount() > 16 ? 1 : tuple.flatCount(), coreArguments.length);
        }));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    @Test
    void theReadmeCountIsTheNumberOfCasesRun() {
        int run = test().size() + test_pairs().size() + test_nan().size() + test_string().size() + test_heap().size()
                + test_flatten().size() + test_roundtrip().size();

        assertEquals(PORTED_CASES, run);
    }

    /** {@code flags{a, b}} for two flags, else {@code f0, f1, ...} (the suite's {@code str(i)} are no WIT labels). */
    static FlagsType flags(int count) {
        if (count == 2) {
            return new FlagsType("f", List.of("a", "b"));
        }
        return new FlagsType("f", IntStream.range(0, count).mapToObj(i -> "f" + i).toList());
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<Short> shorts(int... values) {
        return Arrays.stream(values).mapToObj(v -> (short) v).toList();
    }

    static int[] bytes(int... values) {
        return values;
    }
}
