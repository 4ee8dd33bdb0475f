package dev.witbind.runtime.abi;

import static dev.witbind.wit.types.PrimitiveType.BOOL;
import static dev.witbind.wit.types.PrimitiveType.CHAR;
import static dev.witbind.wit.types.PrimitiveType.F32;
import static dev.witbind.wit.types.PrimitiveType.F64;
import static dev.witbind.wit.types.PrimitiveType.S32;
import static dev.witbind.wit.types.PrimitiveType.S64;
import static dev.witbind.wit.types.PrimitiveType.STRING;
import static dev.witbind.wit.types.PrimitiveType.U16;
import static dev.witbind.wit.types.PrimitiveType.U32;
import static dev.witbind.wit.types.PrimitiveType.U64;
import static dev.witbind.wit.types.PrimitiveType.U8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.witbind.runtime.conformance.Heap;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.values.Result;
import dev.witbind.wit.values.VariantValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ValueCodec} and {@link ValueTupleCodec} beyond the reference suite: the messages of refused Java values and
 * of traps, the engine convention of flat values, allocation through {@code cabi_realloc}, and the shape of lifted
 * values; over a real Chicory memory.
 */
class ValueCodecTest {
    private static final RecordType POINT = new RecordType("point", List.of(new RecordType.Field("x", U32),
            new RecordType.Field("y", U32)));
    private static final VariantType SHAPE = new VariantType("shape", List.of(VariantType.Case.of("dot"),
            VariantType.Case.of("circle", F32), VariantType.Case.of("named", STRING)));
    private static final EnumType COLOR = new EnumType("color", List.of("red", "green"));
    private static final FlagsType PERMS = new FlagsType("perms", List.of("read", "write", "exec"));

    private final Heap heap = new Heap();
    private final LiftLowerContext cx = heap.context();

    // ---- refused Java values ----------------------------------------------------------------------------------

    @Test
    void aBadFieldIsNamedByItsPath() {
        RecordType line = new RecordType("line", List.of(new RecordType.Field("from", POINT),
                new RecordType.Field("to", POINT)));
        Map<String, Object> bad = map("from", map("x", 1, "y", 2), "to", map("x", 3, "y", "4"));

        assertEquals("argument 'p' field 'to' of record line field 'y' of record point (u32) must be an Integer, "
                + "not String", refused(line, bad));
        assertEquals("argument 'p' (record point) has no field 'y'", refused(POINT, map("x", 1)));
        assertEquals("argument 'p' (record point) has 'z', which is not a field of record point (fields: x, y)",
                refused(POINT, map("x", 1, "y", 2, "z", 3)));
        assertEquals("argument 'p' (record point) must be a Map, not List", refused(POINT, List.of(1, 2)));
    }

    @Test
    void listsAndTuplesNameTheElement() {
        assertEquals("argument 'p' element 2 of list<string> (string) must be a String, not null",
                refused(new ListType(STRING), Arrays.asList("a", "b", null)));
        assertEquals("argument 'p' element 0 of list<char> (char) is 0xDFFF, which is not a Unicode scalar value",
                refused(new ListType(CHAR), List.of(0xDFFF)));
        assertEquals("argument 'p' (tuple<u8, string>) has 1 elements, not 2",
                refused(new TupleType(List.of(U8, STRING)), List.of((byte) 1)));
        assertEquals("argument 'p' element 1 of tuple<u8, string> (string) has an unpaired surrogate at index 1, "
                + "which UTF-8 cannot encode", refused(new TupleType(List.of(U8, STRING)), List.of((byte) 1, "a\uDC00")));
        assertEquals("argument 'p' (list<u8>) must be a byte[], not List", refused(new ListType(U8), List.of()));
    }

    @Test
    void variantsEnumsAndFlagsNameTheCasesTheyHave() {
        assertEquals("argument 'p' (variant shape) has case 'square', which is not a case of variant shape "
                + "(cases: dot, circle, named)", refused(SHAPE, VariantValue.of("square")));
        assertEquals("argument 'p' payload of case 'circle' of variant shape (f32) must be a Float, not null",
                refused(SHAPE, VariantValue.of("circle")));
        assertEquals("argument 'p' (variant shape) has a payload (Integer) for dot, which has none: use null",
                refused(SHAPE, VariantValue.of("dot", 1)));
        assertEquals("argument 'p' (enum color) is 'blue', which is not a case of enum color (cases: red, green)",
                refused(COLOR, "blue"));
        assertEquals("argument 'p' (flags perms) has 'delete', which is not a flag of flags perms "
                + "(flags: read, write, exec)", refused(PERMS, Set.of("read", "delete")));
        assertEquals("argument 'p' (flags perms) must be a Set, not List", refused(PERMS, List.of("read")));
    }

    @Test
    void optionsAndResultsCheckTheirPayloads() {
        ResultType result = new ResultType(Optional.of(U32), Optional.empty());
        OptionType option = new OptionType(new ListType(U16));

        assertEquals("argument 'p' ok value of result<u32> (u32) must be an Integer, not null",
                refused(result, Result.ok(null)));
        assertEquals("argument 'p' (result<u32>) has a payload (String) for error, which has none: use null",
                refused(result, Result.err("boom")));
        assertEquals("argument 'p' value of option<list<u16>> element 0 of list<u16> (u16) must be a Short, "
                + "not Integer", refused(option, Optional.of(List.of(1))));
        assertEquals("argument 'p' (option<list<u16>>) must be an Optional, not null", refused(option, null));
    }

    @Test
    void resourceHandlesAreTheResourceObjects() {
        ResourceType r = new ResourceType("a:b/c", "r");
        Object apple = new Object();
        Object pear = new Object();
        ValueCodec own = ValueCodec.of(HandleType.own(r));
        ValueCodec owns = ValueCodec.of(new ListType(HandleType.own(r)));
        ValueCodec borrow = ValueCodec.of(new OptionType(HandleType.borrow(r)));

        assertEquals("argument 'p' (own<r>) must be the resource's Java object, not null", refused(own.type(), null));
        assertEquals("argument 'p' element 1 of list<borrow<r>> (borrow<r>) must be the resource's Java object, not "
                + "null", refused(new ListType(HandleType.borrow(r)), Arrays.asList(apple, null)));

        // lower_own moves the objects into the table, lift_own takes them back out, in order
        owns.validate(List.of(apple, pear), "the value", StringEncoding.UTF8);
        owns.store(cx, List.of(apple, pear), 64);
        assertEquals(List.of(1, 2), List.of(cx.loadI32(cx.loadI32(64)), cx.loadI32(cx.loadI32(64) + 4)));
        assertEquals(List.of(apple, pear), owns.load(cx, 64));
        assertEquals("trap: handle 1 for own<r> was never issued or has been dropped",
                trapOf(() -> own.liftFlat(cx, new long[] {1}, 0)));

        // lower_borrow lends: the guest gets a borrow handle, whose ownership cannot move back
        long[] flat = lowerFlat(borrow, Optional.of(apple));
        assertArrayEquals(new long[] {1, 2}, flat); // some, then the freed index last pushed
        assertEquals("trap: handle 2 (borrow<r>) is a borrow<r>, so ownership of it cannot move to the host",
                trapOf(() -> own.liftFlat(cx, new long[] {2}, 0)));
        assertEquals(Optional.of(apple), borrow.liftFlat(cx, flat, 0));
    }

    // ---- traps ------------------------------------------------------------------------------------------------

    @Test
    void discriminantsOutOfRangeTrapNamingTheType() {
        assertEquals("trap: invalid discriminant 3 for variant shape with 3 cases",
                trapOf(() -> ValueCodec.of(SHAPE).liftFlat(cx, new long[] {3, 0, 0}, 0)));
        assertEquals("trap: invalid discriminant 4294967295 for option<u8> with 2 cases",
                trapOf(() -> ValueCodec.of(new OptionType(U8)).liftFlat(cx, new long[] {-1, 0}, 0)));
        EnumType big = new EnumType("big", IntStream.range(0, 300).mapToObj(i -> "c" + i).toList());
        heap.memory().storeI16(0, (short) 299); // more than 256 cases: a 2-byte discriminant
        assertEquals("c299", ValueCodec.of(big).load(cx, 0));
        heap.memory().storeI16(0, (short) 0x8000);
        assertEquals("trap: invalid discriminant 32768 for enum big with 300 cases",
                trapOf(() -> ValueCodec.of(big).load(cx, 0)));
    }

    @Test
    void listsOutsideMemoryMisalignedOrTooLongTrap() {
        ValueCodec words = ValueCodec.of(new ListType(U32));
        long end = heap.memory().byteSize();

        assertEquals(String.format("trap: list<u32> at 0x%X (8 bytes) is out of bounds of the %d-byte memory", end - 4,
                end), trapOf(() -> words.liftFlat(cx, new long[] {end - 4, 2}, 0)));
        assertEquals("trap: misaligned pointer 0x2 for list<u32> (alignment 4)",
                trapOf(() -> words.liftFlat(cx, new long[] {2, 1}, 0)));
        assertEquals("trap: the list<u32> at 0x0 has 67108864 elements of 4 bytes, more than the Canonical ABI's limit "
                + "of 268435455 bytes", trapOf(() -> words.liftFlat(cx, new long[] {0, 1 << 26}, 0)));
        // 0xFFFFFFFF u64s would overflow a 32-bit byte count; the limit catches it first
        assertEquals("trap: the list<u64> at 0x0 has 4294967295 elements of 8 bytes, more than the Canonical ABI's "
                + "limit of 268435455 bytes",
                trapOf(() -> ValueCodec.of(new ListType(U64)).liftFlat(cx, new long[] {0, 0xFFFF_FFFFL}, 0)));
        assertEquals("trap: the string at 0x0 is 268435456 bytes long, more than the Canonical ABI's limit of "
                + "268435455",
                trapOf(() -> ValueCodec.of(STRING).liftFlat(cx, new long[] {0, 1 << 28}, 0)));
    }

    @Test
    void anEmptyListMayEndExactlyAtTheEndOfMemoryButNotPastIt() {
        ValueCodec words = ValueCodec.of(new ListType(U32));
        long end = heap.memory().byteSize();

        assertEquals(List.of(), words.liftFlat(cx, new long[] {end, 0}, 0));
        assertEquals(String.format("trap: list<u32> at 0x%X (0 bytes) is out of bounds of the %d-byte memory",
                end + 4, end), trapOf(() -> words.liftFlat(cx, new long[] {end + 4, 0}, 0)));
    }

    @Test
    void aCharInMemoryIsCheckedAndABoolIsAnyNonZeroByte() {
        heap.memory().storeI32(0, 0xD800);
        heap.memory().storeI8(4, (byte) 0x80);

        assertEquals("trap: invalid char 0xD800: not a Unicode scalar value (surrogates and values above U+10FFFF "
                + "are not chars)", trapOf(() -> ValueCodec.of(CHAR).load(cx, 0)));
        assertEquals(true, ValueCodec.of(BOOL).load(cx, 4));
        assertEquals("trap: misaligned pointer 0x2 for record point (alignment 4)",
                trapOf(() -> ValueCodec.of(POINT).load(cx, 2)));
    }

    // ---- core values and allocation ---------------------------------------------------------------------------

    @Test
    void joinedVariantPositionsCarryZeroExtendedBitsAndUnusedPositionsAreZero() {
        VariantType numbers = new VariantType("n", List.of(VariantType.Case.of("small", S32),
                VariantType.Case.of("real", F32), VariantType.Case.of("big", S64), VariantType.Case.of("pair",
                        new TupleType(List.of(U8, F64)))));
        ValueCodec codec = ValueCodec.of(numbers);
        assertEquals("[i32, i64, f64]", codec.flatTypes().toString());

        assertArrayEquals(new long[] {0, 0xFFFF_FFFFL, 0}, lowerFlat(codec, VariantValue.of("small", -1)));
        assertArrayEquals(new long[] {1, 0xBFC0_0000L, 0}, lowerFlat(codec, VariantValue.of("real", -1.5f)));
        assertArrayEquals(new long[] {2, -1, 0}, lowerFlat(codec, VariantValue.of("big", -1L)));
        assertArrayEquals(new long[] {3, 7, Double.doubleToRawLongBits(-0.5)},
                lowerFlat(codec, VariantValue.of("pair", List.of((byte) 7, -0.5))));
        // lifting narrows the i64 back, whatever its high half holds
        assertEquals(VariantValue.of("small", -1), codec.liftFlat(cx, new long[] {0, 0x1234_5678_FFFF_FFFFL, 9}, 0));
        assertEquals(VariantValue.of("real", -1.5f), codec.liftFlat(cx, new long[] {1, 0x7_BFC0_0000L, 9}, 0));
    }

    @Test
    void floatsAreCanonicalisedWhenLoweredToo() {
        float nanWithPayload = Float.intBitsToFloat(0xFFA0_0001);
        double doubleNan = Double.longBitsToDouble(0xFFF0_0000_0000_0001L);

        assertArrayEquals(new long[] {0x7FC0_0000L}, lowerFlat(ValueCodec.of(F32), nanWithPayload));
        assertArrayEquals(new long[] {0x7FF8_0000_0000_0000L}, lowerFlat(ValueCodec.of(F64), doubleNan));
        ValueCodec.of(F32).store(cx, nanWithPayload, 0);
        assertEquals(0x7FC0_0000, heap.memory().loadI32(0));
    }

    @Test
    void listElementsAreAllocatedWithTheElementAlignment() {
        ValueTupleCodec args = new ValueTupleCodec(List.of(new ListType(U64), new ListType(U8), new ListType(POINT),
                new ListType(STRING)), "the arguments");

        long[] flat = args.lower(cx, new Object[] {List.of(1L, 2L), new byte[] {9}, List.of(), List.of("hé")}, 16);

        assertEquals(List.of("(0, 0, 8, 16) -> 0", "(0, 0, 1, 1) -> 16", "(0, 0, 4, 0) -> 20", "(0, 0, 4, 8) -> 20",
                "(0, 0, 1, 3) -> 28"), heap.reallocs());
        assertArrayEquals(new long[] {0, 2, 16, 1, 20, 0, 20, 1}, flat);
        Object[] back = args.lift(cx, flat, 16);
        assertEquals(List.of(1L, 2L), back[0]);
        assertArrayEquals(new byte[] {9}, (byte[]) back[1]);
        assertEquals(List.of(List.of(), List.of("hé")), List.of(back[2], back[3]));
    }

    @Test
    void valuesBeyondMaxFlatTravelThroughOneAllocatedTuple() {
        ValueTupleCodec tuple = new ValueTupleCodec(List.of(U8, POINT, STRING), "the parameter tuple");

        long[] flat = tuple.lower(cx, new Object[] {(byte) 5, map("x", 1, "y", 2), "s"}, 3);

        assertEquals(List.of("(0, 0, 4, 20) -> 0", "(0, 0, 1, 1) -> 20"), heap.reallocs());
        assertArrayEquals(new long[] {0}, flat);
        assertArrayEquals(new byte[] {5, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 's'},
                heap.bytes(0, 21));
        Object[] back = tuple.lift(cx, flat, 3);
        assertEquals(List.of((byte) 5, Map.of("x", 1, "y", 2), "s"), List.of(back));
        assertEquals("trap: misaligned pointer 0x2 for the parameter tuple (alignment 4)",
                trapOf(() -> tuple.lift(cx, new long[] {2}, 3)));
    }

    // ---- lifted values ----------------------------------------------------------------------------------------

    @Test
    void liftedContainersAreUnmodifiableAndOrderedAsDeclared() {
        FlagsType ordered = new FlagsType("o", List.of("z", "a", "m"));
        @SuppressWarnings("unchecked")
        Set<String> flags = (Set<String>) ValueCodec.of(ordered).liftFlat(cx, new long[] {0b111}, 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> point = (Map<String, Object>) ValueCodec.of(POINT).liftFlat(cx, new long[] {1, 2}, 0);
        @SuppressWarnings("unchecked")
        List<Object> tuple = (List<Object>) ValueCodec.of(new TupleType(List.of(U8, U8))).liftFlat(cx,
                new long[] {1, 2}, 0);

        assertEquals(List.of("z", "a", "m"), new ArrayList<>(flags));
        assertEquals(List.of("x", "y"), new ArrayList<>(point.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> flags.add("q"));
        assertThrows(UnsupportedOperationException.class, () -> point.put("x", 3));
        assertThrows(UnsupportedOperationException.class, () -> tuple.set(0, (byte) 3));
    }

    @Test
    void everyKindRoundTripsThroughMemory() {
        RecordType all = new RecordType("all", List.of(new RecordType.Field("shape", SHAPE),
                new RecordType.Field("color", COLOR), new RecordType.Field("perms", PERMS),
                new RecordType.Field("maybe", new OptionType(STRING)),
                new RecordType.Field("outcome", new ResultType(Optional.empty(), Optional.of(new ListType(CHAR)))),
                new RecordType.Field("points", new ListType(POINT)), new RecordType.Field("bytes", new ListType(U8)),
                new RecordType.Field("d", F64)));
        ValueCodec codec = ValueCodec.of(all);
        Map<String, Object> value = map("shape", VariantValue.of("named", "rose"), "color", "green",
                "perms", new HashSet<>(List.of("exec", "read")), "maybe", Optional.of("x"),
                "outcome", Result.err(List.of(0x1F600, (int) 'a')), "points", List.of(map("x", 1, "y", -1)),
                "bytes", new byte[0], "d", Double.MIN_VALUE);
        codec.validate(value, "the value", StringEncoding.UTF8);
        int ptr = cx.allocate(codec.alignment(), codec.size(), "the value");

        codec.store(cx, value, ptr);
        @SuppressWarnings("unchecked")
        Map<String, Object> back = (Map<String, Object>) codec.load(cx, ptr);

        assertArrayEquals(new byte[0], (byte[]) back.get("bytes"));
        Map<String, Object> rest = new LinkedHashMap<>(back);
        rest.remove("bytes");
        Map<String, Object> expected = new LinkedHashMap<>(value);
        expected.remove("bytes");
        expected.put("perms", Set.of("read", "exec"));
        assertEquals(expected, rest);
        assertEquals(List.of("read", "exec"), new ArrayList<>((Set<?>) back.get("perms")));
        long[] flat = new long[codec.flatCount()];
        codec.lowerFlat(cx, value, flat, 0);
        assertEquals(rest, withoutBytes(codec.liftFlat(cx, flat, 0)));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static String refused(WitType type, Object value) {
        return assertThrows(IllegalArgumentException.class,
                () -> ValueCodec.of(type).validate(value, "argument 'p'", StringEncoding.UTF8)).getMessage();
    }

    private static String trapOf(Runnable body) {
        return assertThrows(WitTrapException.class, body::run).getMessage();
    }

    private long[] lowerFlat(ValueCodec codec, Object value) {
        codec.validate(value, "the value", StringEncoding.UTF8);
        long[] flat = new long[codec.flatCount()];
        codec.lowerFlat(cx, value, flat, 0);
        return flat;
    }

    private static Map<String, Object> withoutBytes(Object record) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) record);
        copy.remove("bytes");
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
