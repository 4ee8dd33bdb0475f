package dev.witbind.runtime.abi;

import static dev.witbind.wit.types.PrimitiveType.STRING;
import static dev.witbind.wit.types.PrimitiveType.U32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.witbind.runtime.conformance.Heap;
import dev.witbind.runtime.engine.chicory.ChicoryMemory;
import dev.witbind.runtime.engine.chicory.LinearMemory;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.RecordType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Strings in {@code utf16} and {@code latin1+utf16}: every trap of {@code load_string_from_range} with its reason,
 * the host's strings lowered in one exact allocation, validation by encoding, and strings inside lists and records.
 */
class StringEncodingsTest {
    private static final int TAG = 1 << 31;
    private static final long END = Memory.PAGE_SIZE;

    private final Heap heap = new Heap();
    private final LiftLowerContext utf16 = heap.context(StringEncoding.UTF16);
    private final LiftLowerContext latin1Utf16 = heap.context(StringEncoding.LATIN1_UTF16);

    private void put(int address, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            heap.memory().storeI8(address + i, (byte) bytes[i]);
        }
    }

    private static String trap(Runnable body) {
        return assertThrows(WitTrapException.class, body::run).reason();
    }

    // ---- lifting ----------------------------------------------------------------------------------------------

    @Test
    void utf16AtAnOddPointerTraps() {
        put(1, 'a', 0);
        assertEquals("misaligned pointer 0x1 for utf16 string (alignment 2)", trap(() -> utf16.liftString(1, 1)));
        assertEquals("misaligned pointer 0x1 for utf16 string (alignment 2)", trap(() -> utf16.liftString(1, 0)));
    }

    @Test
    void latin1Utf16IsAlignedTo2InBothHalves() {
        put(3, 'a', 0);
        assertEquals("misaligned pointer 0x3 for latin1+utf16 string in Latin-1 (alignment 2)",
                trap(() -> latin1Utf16.liftString(3, 1)));
        assertEquals("misaligned pointer 0x3 for latin1+utf16 string in UTF-16 (alignment 2)",
                trap(() -> latin1Utf16.liftString(3, 1 | TAG)));
    }

    @Test
    void aStringPastTheEndOfMemoryTrapsAndAnEmptyOneMayEndThere() {
        assertEquals("utf16 string at 0xFFFE (4 bytes) is out of bounds of the 65536-byte memory",
                trap(() -> utf16.liftString((int) END - 2, 2)));
        assertEquals("latin1+utf16 string in Latin-1 at 0xFFFE (3 bytes) is out of bounds of the 65536-byte memory",
                trap(() -> latin1Utf16.liftString((int) END - 2, 3)));
        assertEquals("latin1+utf16 string in UTF-16 at 0xFFFE (4 bytes) is out of bounds of the 65536-byte memory",
                trap(() -> latin1Utf16.liftString((int) END - 2, 2 | TAG)));
        assertEquals("utf16 string at 0x10002 (0 bytes) is out of bounds of the 65536-byte memory",
                trap(() -> utf16.liftString((int) END + 2, 0)));
        assertEquals("", utf16.liftString((int) END, 0));
        assertEquals("", latin1Utf16.liftString((int) END, 0));
        assertEquals("", latin1Utf16.liftString((int) END, TAG));
        put((int) END - 2, 'z', 0);
        assertEquals("z", utf16.liftString((int) END - 2, 1));
    }

    @Test
    void aLengthOverTheLimitTrapsBeforeAlignmentAndBounds() {
        assertEquals("the utf16 string at 0x1 is 134217728 code units (268435456 bytes) long, more than the "
                + "Canonical ABI's limit of 268435455 bytes", trap(() -> utf16.liftString(1, 1 << 27)));
        assertEquals("the utf16 string at 0x0 is 2147483649 code units (4294967298 bytes) long, more than the "
                + "Canonical ABI's limit of 268435455 bytes", trap(() -> utf16.liftString(0, 1 | TAG)));
        assertEquals("the latin1+utf16 string in Latin-1 at 0x0 is 268435456 bytes long, more than the Canonical "
                + "ABI's limit of 268435455 bytes", trap(() -> latin1Utf16.liftString(0, 1 << 28)));
        assertEquals("the latin1+utf16 string in UTF-16 at 0x0 (length 0x88000000, the tag bit set) is 134217728 "
                + "code units (268435456 bytes) long, more than the Canonical ABI's limit of 268435455 bytes",
                trap(() -> latin1Utf16.liftString(0, 1 << 27 | TAG)));
        // one code unit less is within the limit, and then out of bounds
        assertTrue(trap(() -> utf16.liftString(0, (1 << 27) - 1)).endsWith("is out of bounds of the 65536-byte "
                + "memory"));
        assertTrue(trap(() -> latin1Utf16.liftString(0, (1 << 28) - 1)).endsWith("is out of bounds of the "
                + "65536-byte memory"));
    }

    @Test
    void anUnpairedSurrogateInUtf16Traps() {
        put(16, 'o', 0, 'k', 0, 0x00, 0xD8, '!', 0); // a high surrogate before '!'
        assertEquals("invalid UTF-16 at code unit 2 of the 4-code-unit utf16 string at 0x10: unpaired surrogate "
                + "0xD800", trap(() -> utf16.liftString(16, 4)));
        assertEquals("invalid UTF-16 at code unit 2 of the 3-code-unit latin1+utf16 string in UTF-16 at 0x10: "
                + "unpaired surrogate 0xD800", trap(() -> latin1Utf16.liftString(16, 3 | TAG)));
        put(32, 0x00, 0xDC, 'a', 0); // a low surrogate first
        assertEquals("invalid UTF-16 at code unit 0 of the 2-code-unit utf16 string at 0x20: unpaired surrogate "
                + "0xDC00", trap(() -> utf16.liftString(32, 2)));
        put(48, 0x3D, 0xDE, 0x3D, 0xD8); // a pair the wrong way round
        assertEquals("invalid UTF-16 at code unit 0 of the 2-code-unit utf16 string at 0x30: unpaired surrogate "
                + "0xDE3D", trap(() -> utf16.liftString(48, 2)));
        put(64, 0x3D, 0xD8, 0x00, 0xDE); // the right way round: U+1F600
        assertEquals("\uD83D\uDE00", utf16.liftString(64, 2));
        assertEquals("invalid UTF-16 at code unit 0 of the 1-code-unit utf16 string at 0x40: unpaired surrogate "
                + "0xD83D", trap(() -> utf16.liftString(64, 1))); // the pair cut in half
        put(80, 0xFF, 0xDB, 0xFF, 0xDF, 0xFD, 0xFF); // U+10FFFF, then U+FFFD, which is no replacement here
        assertEquals("\uDBFF\uDFFF\uFFFD", utf16.liftString(80, 3));
    }

    @Test
    void theTagBitChoosesUtf16OrLatin1() {
        put(0, 'A', 0, 0xE9, 0);
        assertEquals("A\u0000\u00E9\u0000", latin1Utf16.liftString(0, 4));
        assertEquals("A\u00E9", latin1Utf16.liftString(0, 2 | TAG));
        assertEquals("A\u00E9", utf16.liftString(0, 2));
        assertEquals("A", heap.context(StringEncoding.UTF8).liftString(0, 1));
        // Latin-1 has no invalid bytes: 0xE9 alone is not UTF-8, but it is é
        put(8, 0xE9, 0xFF);
        assertEquals("\u00E9\u00FF", latin1Utf16.liftString(8, 2));
        ValueCodec codec = ValueCodec.of(STRING);
        assertEquals("A\u00E9", codec.liftFlat(latin1Utf16, new long[] {0, 2L | 1L << 31}, 0));
        latin1Utf16.storeI32(16, 0);
        latin1Utf16.storeI32(20, 2 | TAG);
        assertEquals("A\u00E9", codec.load(latin1Utf16, 16));
    }

    // ---- lowering the host's strings --------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = StringEncoding.class, names = {"UTF16", "LATIN1_UTF16"})
    void anUnpairedSurrogateIsRefusedBeforeAllocating(StringEncoding encoding) {
        Heap fresh = new Heap();
        LiftLowerContext cx = fresh.context(encoding);
        HostValueException refused = assertThrows(HostValueException.class, () -> cx.storeString(0, "ab\uD800c"));
        assertEquals("returned a string with an unpaired surrogate at index 2 of a string, which cannot be encoded "
                + "as UTF-16", refused.getMessage());
        assertThrows(HostValueException.class, () -> cx.lowerString("\uDE00"));
        assertThrows(HostValueException.class, () -> cx.lowerString("\u00E9\uD83D"));
        assertEquals(List.of(), fresh.reallocs());
        assertEquals(0, fresh.memory().loadI64(0));
    }

    @Test
    void theHostsStringsTakeOneExactAllocation() {
        Heap fresh = new Heap();
        LiftLowerContext cx = fresh.context(StringEncoding.LATIN1_UTF16);
        long latin1 = cx.lowerString("caf\u00E9");
        long wide = cx.lowerString("caf\u00E9 \u263A");
        long pair = fresh.context(StringEncoding.UTF16).lowerString("\uD83D\uDE00!");

        assertEquals(List.of("(0, 0, 2, 4) -> 0", "(0, 0, 2, 12) -> 4", "(0, 0, 2, 6) -> 16"), fresh.reallocs());
        assertEquals(4L << 32, latin1);
        assertEquals(4L | (6L | 1L << 31) << 32, wide);
        assertEquals(16L | 3L << 32, pair);
        assertArrayEquals("caf\u00E9".getBytes(StandardCharsets.ISO_8859_1), fresh.bytes(0, 4));
        assertArrayEquals("caf\u00E9 \u263A".getBytes(StandardCharsets.UTF_16LE), fresh.bytes(4, 16));
        assertArrayEquals("\uD83D\uDE00!".getBytes(StandardCharsets.UTF_16LE), fresh.bytes(16, 22));
    }

    @Test
    void aStringResultIsStoredAtTheReturnPointerWithItsTaggedLength() {
        Heap fresh = new Heap();
        LiftLowerContext cx = fresh.context(StringEncoding.LATIN1_UTF16);
        fresh.realloc(0, 0, 8, 8); // the return area, as the guest would have it

        cx.storeString(0, "\u263A");

        assertEquals(8, fresh.memory().loadI32(0));
        assertEquals(1 | TAG, fresh.memory().loadI32(4));
        assertEquals("\u263A", cx.liftString(8, 1 | TAG));
    }

    @Test
    void aBadPointerFromCabiReallocTraps() {
        LiftLowerContext odd = TestContexts.over("odd", heap.memory(), (p, o, a, n) -> 1, StringEncoding.UTF16);
        LiftLowerContext far = TestContexts.over("far", heap.memory(), (p, o, a, n) -> (int) END - 2,
                StringEncoding.LATIN1_UTF16);
        LiftLowerContext none = TestContexts.over("none", heap.memory(), null, StringEncoding.UTF16);

        assertEquals("misaligned pointer 0x1 for the memory cabi_realloc returned for a utf16 string (alignment 2)",
                trap(() -> odd.lowerString("a")));
        assertEquals("the memory cabi_realloc returned for a latin1+utf16 string at 0xFFFE (4 bytes) is out of "
                + "bounds of the 65536-byte memory", trap(() -> far.lowerString("\u0100\u0101")));
        assertEquals("the guest exports no cabi_realloc to allocate a utf16 string in",
                trap(() -> none.lowerString("a")));
    }

    @Test
    void stringsLandInTheMemoryCabiReallocGrew() {
        // each call grows memory by a page, allocates there and copies the old bytes, as a guest's realloc may
        LinearMemory linear = new LinearMemory(new MemoryLimits(1, 8));
        Realloc growing = (oldPointer, oldSize, alignment, newSize) -> {
            int ptr = linear.grow(1) * Memory.PAGE_SIZE;
            linear.copy(ptr, oldPointer, oldSize);
            return ptr;
        };
        ChicoryMemory memory = new ChicoryMemory(linear);
        LiftLowerContext utf16Cx = TestContexts.over("growing", memory, growing, StringEncoding.UTF16);
        LiftLowerContext utf8Cx = TestContexts.over("growing", memory, growing, StringEncoding.UTF8);
        LiftLowerContext latin1Utf16Cx = TestContexts.over("growing", memory, growing, StringEncoding.LATIN1_UTF16);

        long wide = utf16Cx.lowerString("grown \u65E5\u672C");
        // transcoding: allocate, reallocate to the worst case, shrink: three calls, three new pages each
        long transcoded = StringRanges.store(utf8Cx, "ab\u00E9", StringEncoding.UTF16, 3);
        long widened = StringRanges.store(latin1Utf16Cx, "ab\u0100", StringEncoding.UTF8, 4);

        assertEquals("grown \u65E5\u672C", utf16Cx.liftString((int) wide, (int) (wide >>> 32)));
        assertEquals(4L * Memory.PAGE_SIZE, transcoded & 0xFFFF_FFFFL);
        assertEquals("ab\u00E9", utf8Cx.liftString((int) transcoded, (int) (transcoded >>> 32)));
        assertEquals(7L * Memory.PAGE_SIZE, widened & 0xFFFF_FFFFL);
        assertEquals("ab\u0100", latin1Utf16Cx.liftString((int) widened, (int) (widened >>> 32)));
    }

    @Test
    void aHintThatDoesNotDescribeTheStringIsRefused() {
        Heap fresh = new Heap();
        LiftLowerContext cx = fresh.context(StringEncoding.UTF8);
        assertEquals("the string is 3 code units long in UTF16, not 2", assertThrows(IllegalArgumentException.class,
                () -> StringRanges.store(cx, "abc", StringEncoding.UTF16, 2)).getMessage());
        assertEquals("the string is not Latin-1, but its source encoding says it is",
                assertThrows(IllegalArgumentException.class,
                        () -> StringRanges.store(cx, "\u0100", StringEncoding.LATIN1_UTF16, 1)).getMessage());
        assertEquals(List.of(), fresh.reallocs());
    }

    // ---- validation -------------------------------------------------------------------------------------------

    @Test
    void validationFollowsTheEncoding() {
        ValueCodec codec = ValueCodec.of(STRING);
        assertEquals("argument 'p' (string) has an unpaired surrogate at index 1, which UTF-16 cannot encode",
                refused(codec, "a\uDC00", StringEncoding.UTF16));
        assertEquals("argument 'p' (string) has an unpaired surrogate at index 0, which UTF-16 cannot encode",
                refused(codec, "\uD800", StringEncoding.LATIN1_UTF16));
        codec.validate("\uD83D\uDE00", "argument 'p'", StringEncoding.UTF16);
        assertEquals(1, StringRanges.hostByteLength("\u00FF", StringEncoding.LATIN1_UTF16));
        assertEquals(2, StringRanges.hostByteLength("\u0100", StringEncoding.LATIN1_UTF16));
        assertEquals(2, StringRanges.hostByteLength("\u00FF", StringEncoding.UTF16));

        // 2^27 chars of U+00E9: 2^28 bytes in UTF-8 and in UTF-16, one more than the limit; 2^27 in Latin-1
        String big = "\u00E9".repeat(1 << 27);
        assertEquals("argument 'p' (string) is 268435456 bytes long in UTF-8, more than the Canonical ABI's limit of "
                + "268435455", refused(codec, big, StringEncoding.UTF8));
        assertEquals("argument 'p' (string) is 268435456 bytes long in utf16, more than the Canonical ABI's limit of "
                + "268435455", refused(codec, big, StringEncoding.UTF16));
        codec.validate(big, "argument 'p'", StringEncoding.LATIN1_UTF16);
        Heap fresh = new Heap();
        HostValueException tooLong = assertThrows(HostValueException.class,
                () -> fresh.context(StringEncoding.UTF16).lowerString(big));
        assertEquals("returned a string of 268435456 bytes in utf16, more than the Canonical ABI's limit of "
                + "268435455", tooLong.getMessage());
        assertEquals(List.of(), fresh.reallocs());
    }

    private static String refused(ValueCodec codec, Object value, StringEncoding encoding) {
        return assertThrows(IllegalArgumentException.class, () -> codec.validate(value, "argument 'p'", encoding))
                .getMessage();
    }

    // ---- strings inside other values --------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(StringEncoding.class)
    void listsAndRecordsOfStringsWorkInEveryEncoding(StringEncoding encoding) {
        RecordType entry = new RecordType("entry", List.of(new RecordType.Field("key", STRING),
                new RecordType.Field("values", new ListType(STRING)), new RecordType.Field("count", U32)));
        ValueCodec list = ValueCodec.of(new ListType(entry));
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("key", "caf\u00E9");
        first.put("values", List.of("", "a", "\u00FF", "\u65E5\u672C", "\uD83D\uDE00"));
        first.put("count", 5);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("key", "\u263A");
        second.put("values", List.of());
        second.put("count", 0);
        List<Object> value = List.of(first, second);
        Heap fresh = new Heap();
        LiftLowerContext cx = fresh.context(encoding);

        list.validate(value, "the value", encoding);
        long[] flat = new long[list.flatCount()];
        list.lowerFlat(cx, value, flat, 0);
        assertEquals(value, list.liftFlat(cx, flat, 0));
        int ptr = cx.allocate(list.alignment(), list.size(), "the value");
        list.store(cx, value, ptr);
        assertEquals(value, list.load(cx, ptr));

        // the key of the first entry, as its encoding lays it out
        int entries = (int) flat[0];
        int keyPointer = fresh.memory().loadI32(entries);
        int keyLength = fresh.memory().loadI32(entries + 4);
        byte[] expected = switch (encoding) {
            case UTF8 -> "caf\u00E9".getBytes(StandardCharsets.UTF_8);
            case UTF16 -> "caf\u00E9".getBytes(StandardCharsets.UTF_16LE);
            case LATIN1_UTF16 -> "caf\u00E9".getBytes(StandardCharsets.ISO_8859_1);
        };
        assertEquals(encoding == StringEncoding.UTF8 ? 5 : 4, keyLength);
        assertArrayEquals(expected, fresh.bytes(keyPointer, keyPointer + expected.length));
        if (encoding == StringEncoding.LATIN1_UTF16) {
            int secondKey = entries + ValueCodec.of(entry).size();
            assertEquals(1 | TAG, fresh.memory().loadI32(secondKey + 4));
        }
    }

    @Test
    void contextsOfOneInstanceMayDifferInEncoding() {
        InstanceState instance = new InstanceState("component");
        CanonicalOptions options = new CanonicalOptions(Optional.of(heap.memory()), Optional.of(heap),
                Optional.empty(), StringEncoding.UTF16);
        LiftLowerContext wide = new LiftLowerContext(options, instance);
        LiftLowerContext narrow = new LiftLowerContext(new CanonicalOptions(Optional.of(heap.memory()),
                Optional.of(heap), Optional.empty(), StringEncoding.UTF8), instance);

        long stored = wide.lowerString("hi");

        assertEquals("h\u0000i\u0000", narrow.liftString((int) stored, 4));
        assertEquals("hi", wide.liftString((int) stored, 2));
    }
}
