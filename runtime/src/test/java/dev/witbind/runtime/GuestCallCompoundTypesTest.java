package dev.witbind.runtime;

import static dev.witbind.runtime.abi.ProbeHost.BYTES;
import static dev.witbind.runtime.abi.ProbeHost.param;
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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.abi.ProbeHost;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link GuestFunction} with records, tuples, enums, flags, options and lists of them, on the real {@code abi-probe}
 * guest on both engines. The guest's exports work on core values, so each is called here with a compound WIT type
 * that flattens to its core type; what the guest computes from the bits shows that the host laid them out as the
 * Canonical ABI says.
 */
class GuestCallCompoundTypesTest {
    private static final GuestModule GUEST = ProbeHost.guest("abi-probe.wasm");
    private static final RecordType PAIR = new RecordType("pair", List.of(new RecordType.Field("a", U64),
            new RecordType.Field("b", U64)));
    private static final EnumType ABC = new EnumType("abc", List.of("a", "b", "c"));
    private static final EnumType SWITCH = new EnumType("switch", List.of("off", "on"));

    private GuestInstance instantiate(Engine engine) {
        Linker linker = new Linker();
        new ProbeHost().defineInto(linker.instance(ProbeHost.INTERFACE));
        return linker.instantiate(GUEST, engine);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void recordsAndTuplesFlattenIntoTheirFields(Engine engine) {
        GuestInstance guest = instantiate(engine);
        // add-u64 is (i64, i64) -> (i64): one record or tuple of two u64s flattens to the same
        GuestFunction addRecord = guest.function("add-u64", WitFunctionType.of(List.of(param("p", PAIR)), S64));
        GuestFunction addTuple = guest.function("add-u64",
                WitFunctionType.of(List.of(param("p", new TupleType(List.of(U64, U64)))), U64));

        assertEquals(3L, addRecord.call(Map.of("a", 1L, "b", 2L)));
        assertEquals(0L, addTuple.call(List.of(-1L, 1L)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void negativeI32sReachTheGuestIntact(Engine engine) {
        // the codec hands i32s to the engine zero-extended in a long; the guest must see -5
        GuestFunction next = instantiate(engine).function("next-char", WitFunctionType.of(List.of(param("v", S32)), S32));

        assertEquals(-4, next.call(-5));
        assertEquals(Integer.MIN_VALUE + 1, next.call(Integer.MIN_VALUE));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void enumsLowerToTheirIndexAndABadDiscriminantFromTheGuestTraps(Engine engine) {
        GuestInstance guest = instantiate(engine);
        // next-char returns its argument plus one
        GuestFunction next = guest.function("next-char", WitFunctionType.of(List.of(param("e", ABC)), ABC));

        assertEquals("b", next.call("a"));
        assertEquals("c", next.call("b"));
        WitTrapException trap = assertThrows(WitTrapException.class, () -> next.call("c"));

        assertEquals("invalid discriminant 3 for enum abc with 3 cases", trap.reason());
        assertEquals(Optional.of("export 'next-char' of guest 'abi-probe.wasm'"), trap.function());
        assertTrue(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void flagBitsBeyondTheDeclaredFlagsAreIgnored(Engine engine) {
        GuestInstance guest = instantiate(engine);
        // flip traps unless given exactly 0 or 1 and returns true as 0x100 (bit 8)
        FlagsType eight = flags(8);
        FlagsType nine = flags(9);
        GuestFunction flipToEight = guest.function("flip", WitFunctionType.of(List.of(param("s", SWITCH)), eight));
        GuestFunction flipToNine = guest.function("flip", WitFunctionType.of(List.of(param("s", SWITCH)), nine));

        assertEquals(Set.of(), flipToEight.call("off"));
        assertEquals(Set.of("f8"), flipToNine.call("off"));
        assertEquals(Set.of(), flipToNine.call("on"));
        assertFalse(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listsOfOneByteElementsAreLaidOutByteByByte(Engine engine) {
        GuestInstance guest = instantiate(engine);
        // bytes-sum sums the unsigned bytes of (ptr, len); for one-byte elements that is every element
        GuestFunction bools = guest.function("bytes-sum", WitFunctionType.of(List.of(param("l", new ListType(BOOL))), U32));
        GuestFunction enums = guest.function("bytes-sum", WitFunctionType.of(List.of(param("l", new ListType(ABC))), U32));
        GuestFunction flags = guest.function("bytes-sum",
                WitFunctionType.of(List.of(param("l", new ListType(flags(8)))), U32));

        assertEquals(2, bools.call(List.of(true, false, true)));
        assertEquals(0, bools.call(List.of()));
        assertEquals(0 + 2 + 1 + 2, enums.call(List.of("a", "c", "b", "c")));
        assertEquals(0x81 + 0x02, flags.call(List.of(Set.of("f0", "f7"), Set.of("f1"))));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStringInARecordResultIsLiftedBeforePostReturnRuns(Engine engine) {
        GuestInstance guest = instantiate(engine);
        RecordType text = new RecordType("text", List.of(new RecordType.Field("value", STRING)));
        GuestFunction concat = guest.function("concat", WitFunctionType.of(List.of(param("parts",
                new TupleType(List.of(STRING, STRING)))), text));
        GuestFunction postReturns = guest.function("count-post-return", WitFunctionType.of(List.of(), U32));

        Object joined = concat.call(List.of("h\u00e9llo ", "w\u00f6rld"));

        assertEquals(Map.of("value", "h\u00e9llo w\u00f6rld"), joined);
        assertEquals(1, postReturns.call());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void compoundParametersBeyondSixteenFlatValuesGoThroughOneTupleInTheirLayout(Engine engine) {
        // sum17 reads 17 u32s from the tuple and returns the sum of k * slot k: the record, the tuple and the flags
        // must land in the 4-byte slots the Canonical ABI gives them
        List<WitParam> params = new ArrayList<>(List.of(
                param("xy", new RecordType("xy", List.of(new RecordType.Field("x", U32), new RecordType.Field("y", U32)))),
                param("cs", new TupleType(List.of(CHAR, S32))),
                param("f", flags(20)),
                param("h", F32)));
        IntStream.rangeClosed(6, 16).forEach(k -> params.add(param("u" + k, U32)));
        WitFunctionType type = WitFunctionType.of(params, U64);
        assertTrue(CanonicalAbi.signature(type, CanonicalAbi.Direction.LIFT).paramsByPointer());
        GuestFunction sum17 = instantiate(engine).function("sum17", type);

        List<Object> args = new ArrayList<>(List.of(record("x", 1, "y", 2), List.of(0x1F600, -1),
                Set.of("f0", "f19"), 1.0f));
        IntStream.rangeClosed(6, 16).forEach(k -> args.add(k));
        long[] slots = {1, 2, 0x1F600, 0xFFFF_FFFFL, 1 | 1 << 19, Float.floatToRawIntBits(1.0f), 6, 7, 8, 9, 10, 11,
                12, 13, 14, 15, 16};
        long expected = 0;
        for (int k = 1; k <= 17; k++) {
            expected += k * slots[k - 1];
        }

        assertEquals(expected, sum17.call(args.toArray()));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOptionEnumAndListsInAParameterTupleHaveTheCanonicalLayout(Engine engine) {
        // mixed returns the 88-byte tuple as the host wrote it, then the bytes of the three (ptr, len) pairs at
        // offsets 20, 52 and 80; option<u64> takes the place of its u8 and u64 (discriminant at 0, payload at 8)
        WitFunctionType type = WitFunctionType.of(List.of(param("a", new OptionType(U64)), param("c", U16),
                param("d", STRING), param("e", ABC), param("f", F64), param("g", S8), param("h", F32), param("i", CHAR),
                param("j", BYTES), param("k", S16), param("l", U32), param("m", S64), param("n", STRING)), BYTES);
        GuestFunction mixed = instantiate(engine).function("mixed", type);
        byte[] j = {1, 2, 3};

        byte[] some = (byte[]) mixed.call(Optional.of(0x0102_0304_0506_0708L), (short) 7, "d\u00e9", "c", 2.5,
                (byte) -3, -0.25f, 0x10FFFF, j, (short) -9, 0xFFFF_FFFE, Long.MIN_VALUE, "n");
        byte[] none = (byte[]) mixed.call(Optional.empty(), (short) 7, "", "a", 2.5, (byte) -3, -0.25f, 0x10FFFF,
                new byte[0], (short) -9, 0xFFFF_FFFE, Long.MIN_VALUE, "");

        ByteBuffer tuple = ByteBuffer.wrap(some).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, tuple.get(0));
        assertEquals(0x0102_0304_0506_0708L, tuple.getLong(8));
        assertEquals(7, tuple.getShort(16));
        assertEquals(3, tuple.getInt(24)); // "dé" is 3 UTF-8 bytes
        assertEquals(2, tuple.get(28));
        assertEquals(2.5, tuple.getDouble(32));
        assertEquals(-3, tuple.get(40));
        assertEquals(-0.25f, tuple.getFloat(44));
        assertEquals(0x10FFFF, tuple.getInt(48));
        assertEquals(3, tuple.getInt(56));
        assertEquals(-9, tuple.getShort(60));
        assertEquals(0xFFFF_FFFE, tuple.getInt(64));
        assertEquals(Long.MIN_VALUE, tuple.getLong(72));
        assertEquals(1, tuple.getInt(84));
        byte[] tail = Arrays.copyOfRange(some, 88, some.length);
        byte[] dBytes = "d\u00e9".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new byte[] {dBytes[0], dBytes[1], dBytes[2], 1, 2, 3, 'n'}, tail);
        assertEquals(0, none[0]);
        assertEquals(0, none[28]);
        assertEquals(88, none.length);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBadArgumentDeepInsideAListIsRefusedBeforeAnythingIsAllocated(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestFunction realloc = guest.function("cabi_realloc", WitFunctionType.of(List.of(param("p", U32),
                param("o", U32), param("a", U32), param("n", U32)), U32));
        RecordType point = new RecordType("point", List.of(new RecordType.Field("x", U32),
                new RecordType.Field("label", STRING)));
        GuestFunction sum = guest.function("bytes-sum", WitFunctionType.of(List.of(param("points", new ListType(point))), U32));
        int heapTop = (Integer) realloc.call(0, 0, 1, 0);

        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> sum.call(List.of(record("x", 1, "label", "fine"), record("x", "2", "label", "bad"))));
        IllegalArgumentException surrogate = assertThrows(IllegalArgumentException.class,
                () -> sum.call(List.of(record("x", 1, "label", "fine"), record("x", 2, "label", "\uD800"))));

        String argument = "export 'bytes-sum' of guest 'abi-probe.wasm': argument 'points' element 1 of list<point>";
        assertEquals(argument + " field 'x' of record point (u32) must be an Integer, not String",
                wrongType.getMessage());
        assertEquals(argument + " field 'label' of record point (string) has an unpaired surrogate at index 0, "
                + "which UTF-8 cannot encode", surrogate.getMessage());
        assertEquals(heapTop, realloc.call(0, 0, 1, 0)); // the strings of element 0 were never copied in
        assertFalse(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aListResultAtAMisalignedAddressTraps(Engine engine) {
        GuestInstance guest = instantiate(engine);
        int memorySize = (Integer) guest.function("memory-size", WitFunctionType.of(List.of(), U32)).call();
        // out-of-bounds-string returns (memory size - 2, 3): as a list<u32> the pointer is misaligned
        GuestFunction words = guest.function("out-of-bounds-string",
                WitFunctionType.of(List.of(), new ListType(U32)));

        WitTrapException trap = assertThrows(WitTrapException.class, words::call);

        assertEquals(String.format("misaligned pointer 0x%X for list<u32> (alignment 4)", memorySize - 2),
                trap.reason());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void invalidUtf8InsideARecordResultTraps(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestFunction bad = guest.function("bad-utf8", WitFunctionType.of(List.of(),
                new RecordType("named", List.of(new RecordType.Field("name", STRING)))));

        WitTrapException trap = assertThrows(WitTrapException.class, bad::call);

        assertTrue(trap.reason().startsWith("invalid UTF-8 at byte 1 of the 4-byte string at 0x"), trap.reason());
    }

    @Test
    void borrowResultsAreRefusedWhenTheFunctionIsCreated() {
        GuestInstance guest = instantiate(Engine.INTERPRETER);
        ResourceType thing = new ResourceType("test:abi/probe@1.0.0", "thing");

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> guest.function(
                "next-char", WitFunctionType.of(List.of(param("t", HandleType.own(thing))),
                        new OptionType(HandleType.borrow(thing)))));

        assertEquals("export 'next-char' of guest 'abi-probe.wasm' cannot return option<borrow<thing>>: the "
                + "Component Model allows borrow handles only in parameters", thrown.getMessage());
    }

    private static FlagsType flags(int count) {
        return new FlagsType("bits", IntStream.range(0, count).mapToObj(i -> "f" + i).toList());
    }

    private static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            record.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(record);
    }
}
