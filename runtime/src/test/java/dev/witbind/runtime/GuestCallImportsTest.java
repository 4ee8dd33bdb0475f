package dev.witbind.runtime;

import static dev.witbind.runtime.abi.ProbeHost.BYTES;
import static dev.witbind.runtime.abi.ProbeHost.echo;
import static dev.witbind.runtime.abi.ProbeHost.param;
import static dev.witbind.wit.types.PrimitiveType.BOOL;
import static dev.witbind.wit.types.PrimitiveType.CHAR;
import static dev.witbind.wit.types.PrimitiveType.F32;
import static dev.witbind.wit.types.PrimitiveType.F64;
import static dev.witbind.wit.types.PrimitiveType.S32;
import static dev.witbind.wit.types.PrimitiveType.S8;
import static dev.witbind.wit.types.PrimitiveType.STRING;
import static dev.witbind.wit.types.PrimitiveType.U16;
import static dev.witbind.wit.types.PrimitiveType.U32;
import static dev.witbind.wit.types.PrimitiveType.U64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.abi.ProbeHost;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guest-to-host calls on the real {@code abi-probe} guest: the guest calls the imports of
 * {@code test:abi/probe@1.0.0} with values it fixes in C (so this side checks the lift) and hands back exactly what
 * the host returned (so the guest's result checks the lower), on both engines.
 */
class GuestCallImportsTest {
    private static final String IMPORT = ProbeHost.INTERFACE + "#";
    private static final GuestModule GUEST = ProbeHost.guest("abi-probe.wasm");

    private final ProbeHost host = new ProbeHost();

    private GuestInstance instantiate(Engine engine) {
        Linker linker = new Linker();
        host.defineInto(linker.instance(ProbeHost.INTERFACE));
        return linker.instantiate(GUEST, engine);
    }

    private static WitFunctionType noArgs(WitType result) {
        return WitFunctionType.of(List.of(), result);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void scalarsLiftsTheExtremeOfEveryScalarTypeAndReturnsAStringThroughTheReturnPointer(Engine engine) {
        GuestInstance guest = instantiate(engine);

        Object result = guest.function("call-scalars", noArgs(STRING)).call();

        // the guest passes the bool as 2, the f32 as the signalling NaN 0x7fa00001 and the f64 as -0.0
        String received = "bool=true s8=-128 u8=255 s16=-32768 u16=65535 s32=-2147483648 u32=4294967295 "
                + "s64=-9223372036854775808 u64=18446744073709551615 f32=0x7fc00000 f64=0x8000000000000000 "
                + "char=U+10FFFF";
        assertEquals(List.of("scalars " + received), host.seen());
        assertEquals(received + " \u2713 \uD83D\uDE00", result);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void manyReadsItsNineStringsThroughOnePointerToTheParameterTuple(Engine engine) {
        GuestInstance guest = instantiate(engine);

        Object result = guest.function("call-many", noArgs(U64)).call();

        List<String> strings = List.of("", "a", "h\u00e9llo", "\u65e5\u672c", "\uD83D\uDE00", "\uDBFF\uDFFF",
                "nul\0inside", "\u03a9mega", "the ninth and last string");
        assertEquals(List.of("many " + strings), host.seen());
        // the host returns 1 << 63 | UTF-8 bytes (62) << 32 | code points (50); the guest hands it back as a u64
        assertEquals(0x8000_003E_0000_0032L, result);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theGuestFindsEveryEchoedValueInItsExactCoreForm(Engine engine) {
        GuestInstance guest = instantiate(engine);

        Object failedChecks = guest.function("check-echoes", noArgs(U32)).call();

        assertEquals(0, failedChecks, () -> "checks that failed in the guest: bits "
                + Integer.toBinaryString((Integer) failedChecks));
        List<String> expected = List.of(
                "echo-u64 18446744073709551615",
                "echo-u64 9223372036854775808",
                "echo-f64 0x8000000000000000",
                "echo-f64 0x7ff8000000000000", // the guest passed 0xfff0000000000001
                "echo-f32 0x7fc00000", // the guest passed 0x7fa00001
                "echo-f32 0x80000000",
                "echo-char U+10FFFF",
                "echo-char U+0000",
                "echo-bool true (i32 0x00000002)",
                "echo-bool true (i32 0x80000000)",
                "echo-bool false (i32 0x00000000)",
                "echo-s8 -128 (i32 0xffffff80)",
                "echo-s8 127 (i32 0x0000007f)",
                "echo-u16 65535 (i32 0x0000ffff)",
                "echo-u16 32768 (i32 0x00008000)",
                "bytes-len 300",
                "bytes-len 0",
                "reverse [1, 2, 3, -1]",
                "reverse []");
        assertEquals(expected, host.seen());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void u64AndF64EchoUnchangedInBothDirections(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestFunction echoU64 = guest.function("call-echo-u64", echo("v", U64));
        GuestFunction echoF64 = guest.function("call-echo-f64", echo("v", F64));

        for (long v : new long[] {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123_4567_89AB_CDEFL}) {
            assertEquals(v, echoU64.call(v));
        }
        assertEquals(1.5, echoF64.call(1.5));
        assertEquals(0x8000_0000_0000_0000L, Double.doubleToRawLongBits((Double) echoF64.call(-0.0)));
        assertEquals(Double.MIN_VALUE, echoF64.call(Double.MIN_VALUE));
        assertEquals(Double.NEGATIVE_INFINITY, echoF64.call(Double.NEGATIVE_INFINITY));
        assertEquals(List.of("echo-u64 0", "echo-u64 18446744073709551615", "echo-u64 9223372036854775808",
                "echo-u64 9223372036854775807", "echo-u64 81985529216486895", "echo-f64 0x3ff8000000000000",
                "echo-f64 0x8000000000000000", "echo-f64 0x0000000000000001", "echo-f64 0xfff0000000000000"),
                host.seen());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void nansArriveAtTheHostAndComeBackCanonical(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestFunction echoF32 = guest.function("call-echo-f32", echo("v", F32));
        GuestFunction echoF64 = guest.function("call-echo-f64", echo("v", F64));

        Object f32 = echoF32.call(Float.intBitsToFloat(0xFFA0_0001));
        Object f64 = echoF64.call(Double.longBitsToDouble(0x7FF0_0000_0000_0001L));

        assertEquals(0x7FC0_0000, Float.floatToRawIntBits((Float) f32));
        assertEquals(0x7FF8_0000_0000_0000L, Double.doubleToRawLongBits((Double) f64));
        assertEquals(List.of("echo-f32 0x7fc00000", "echo-f64 0x7ff8000000000000"), host.seen());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void f32EchoesExactlyInBothDirections(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestFunction echoF32 = guest.function("call-echo-f32", echo("v", F32));

        assertEquals(-2.5f, echoF32.call(-2.5f));
        assertEquals(0x8000_0000, Float.floatToRawIntBits((Float) echoF32.call(-0.0f)));
        assertEquals(Float.MAX_VALUE, echoF32.call(Float.MAX_VALUE));
        assertEquals(Float.POSITIVE_INFINITY, echoF32.call(Float.POSITIVE_INFINITY));
        assertEquals(List.of("echo-f32 0xc0200000", "echo-f32 0x80000000", "echo-f32 0x7f7fffff",
                "echo-f32 0x7f800000"), host.seen());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void charsEchoAtTheEdgesOfTheScalarValues(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestFunction echoChar = guest.function("call-echo-char", echo("c", CHAR));

        List<Object> results = new ArrayList<>();
        for (int c : new int[] {0, 'a', 0xD7FF, 0xE000, 0xFFFF, 0x1F600, 0x10FFFF}) {
            results.add(echoChar.call(c));
        }

        assertEquals(List.of(0, 0x61, 0xD7FF, 0xE000, 0xFFFF, 0x1F600, 0x10FFFF), results);
        assertEquals(List.of("echo-char U+0000", "echo-char U+0061", "echo-char U+D7FF", "echo-char U+E000",
                "echo-char U+FFFF", "echo-char U+1F600", "echo-char U+10FFFF"), host.seen());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anyNonZeroBoolIsTrueAndTheHostLowersTrueAsOne(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestFunction echoBool = guest.function("call-echo-bool", echo("b", BOOL));
        // the same export seen as raw i32s: the test passes any bit pattern and sees the host's exact result
        GuestFunction raw = guest.function("call-echo-bool", echo("b", U32));

        assertEquals(true, echoBool.call(true));
        assertEquals(false, echoBool.call(false));
        assertEquals(1, raw.call(2));
        assertEquals(1, raw.call(0x8000_0000));
        assertEquals(1, raw.call(-1));
        assertEquals(0, raw.call(0));
        assertEquals(List.of("echo-bool true (i32 0x00000001)", "echo-bool false (i32 0x00000000)",
                "echo-bool true (i32 0x00000002)", "echo-bool true (i32 0x80000000)",
                "echo-bool true (i32 0xffffffff)", "echo-bool false (i32 0x00000000)"), host.seen());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void s8IsSignExtendedAndU16ZeroExtendedOnTheWayInAndOut(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestFunction echoS8 = guest.function("call-echo-s8", echo("v", S8));
        GuestFunction rawS8 = guest.function("call-echo-s8", echo("v", S32));
        GuestFunction echoU16 = guest.function("call-echo-u16", echo("v", U16));
        GuestFunction rawU16 = guest.function("call-echo-u16", echo("v", U32));

        assertEquals((byte) -128, echoS8.call((byte) -128));
        assertEquals((byte) 127, echoS8.call((byte) 127));
        assertEquals(-128, rawS8.call(-128));
        assertEquals((short) 0xFFFF, echoU16.call((short) 0xFFFF));
        assertEquals(0xFFFF, rawU16.call(0xFFFF));
        // the Canonical ABI ignores the high bits of a narrow integer when lifting it
        assertEquals(0x1234, rawU16.call(0xABCD_1234));

        assertEquals(List.of("echo-s8 -128 (i32 0xffffff80)", "echo-s8 127 (i32 0x0000007f)",
                "echo-s8 -128 (i32 0xffffff80)", "echo-u16 65535 (i32 0x0000ffff)", "echo-u16 65535 (i32 0x0000ffff)",
                "echo-u16 4660 (i32 0xabcd1234)"), host.seen());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void byteListsTravelIntoTheHostAndBack(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestFunction bytesLen = guest.function("call-bytes-len", WitFunctionType.of(List.of(param("b", BYTES)), U32));
        GuestFunction reverse = guest.function("call-reverse", WitFunctionType.of(List.of(param("b", BYTES)), BYTES));
        byte[] large = new byte[5000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 7);
        }

        assertEquals(0, bytesLen.call(new byte[0]));
        assertEquals(5000, bytesLen.call(large));
        assertArrayEquals(new byte[] {0, (byte) 0xFF, 3, 2, 1}, (byte[]) reverse.call(new byte[] {1, 2, 3, (byte) 0xFF, 0}));
        assertArrayEquals(new byte[0], (byte[]) reverse.call(new byte[0]));
        byte[] reversedLarge = (byte[]) reverse.call(large);
        assertEquals(5000, reversedLarge.length);
        for (int i = 0; i < large.length; i++) {
            assertEquals(large[large.length - 1 - i], reversedLarge[i], "byte " + i);
        }
        assertEquals(List.of("bytes-len 0", "bytes-len 5000", "reverse [1, 2, 3, -1, 0]", "reverse []"),
                host.seen().subList(0, 4));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEmptyListMayEndExactlyAtTheEndOfMemoryButNotPastIt(Engine engine) {
        GuestInstance guest = instantiate(engine);
        // list<u8> flattens to (ptr, len): seen as two u32s, the export passes any pointer to the import
        GuestFunction bytesLen = guest.function("call-bytes-len",
                WitFunctionType.of(List.of(param("ptr", U32), param("len", U32)), U32));
        int memorySize = (Integer) guest.function("memory-size", noArgs(U32)).call();

        assertEquals(0, bytesLen.call(memorySize, 0));
        assertEquals(1, bytesLen.call(memorySize - 1, 1));
        WitTrapException trap = assertThrows(WitTrapException.class, () -> bytesLen.call(memorySize + 1, 0));

        assertEquals(Optional.of(IMPORT + "bytes-len"), trap.function());
        assertEquals(String.format("list<u8> at 0x%X (0 bytes) is out of bounds of the %d-byte memory",
                memorySize + 1, memorySize), trap.reason());
        assertEquals(List.of("bytes-len 0", "bytes-len 1"), host.seen());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aListLengthBeyondMemoryTrapsInsteadOfWrapping(Engine engine) {
        GuestFunction bytesLen = instantiate(engine).function("call-bytes-len",
                WitFunctionType.of(List.of(param("ptr", U32), param("len", U32)), U32));

        WitTrapException trap = assertThrows(WitTrapException.class, () -> bytesLen.call(16, -1));

        assertEquals(Optional.of(IMPORT + "bytes-len"), trap.function());
        assertEquals("the list<u8> at 0x10 is 4294967295 bytes long, more than the Canonical ABI's limit of 268435455",
                trap.reason());
        assertEquals(List.of(), host.seen());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMisalignedOrOutOfBoundsParameterTupleTrapsInTheImport(Engine engine) {
        GuestFunction misaligned = instantiate(engine).function("call-many-at", echoToU64());
        GuestInstance second = instantiate(engine);
        int memorySize = (Integer) second.function("memory-size", noArgs(U32)).call();
        GuestFunction outOfBounds = second.function("call-many-at", echoToU64());

        WitTrapException misalignedTrap = assertThrows(WitTrapException.class, () -> misaligned.call(2));
        WitTrapException outOfBoundsTrap = assertThrows(WitTrapException.class,
                () -> outOfBounds.call(memorySize - 64));

        assertEquals("trap in " + IMPORT + "many: misaligned pointer 0x2 for the parameters of many (alignment 4)",
                misalignedTrap.getMessage());
        assertEquals(String.format("trap in %smany: the parameters of many at 0x%X (72 bytes) is out of bounds of the "
                + "%d-byte memory", IMPORT, memorySize - 64, memorySize), outOfBoundsTrap.getMessage());
        assertEquals(List.of(), host.seen());
    }

    private static WitFunctionType echoToU64() {
        return WitFunctionType.of(List.of(param("ptr", U32)), U64);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMisalignedReturnPointerTrapsBeforeTheHostAllocatesAnything(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestFunction reverseInto = guest.function("call-reverse-into",
                WitFunctionType.of(List.of(param("b", BYTES), param("retptr", U32)), U32));

        WitTrapException trap = assertThrows(WitTrapException.class,
                () -> reverseInto.call(new byte[] {1, 2}, 0x402));

        assertEquals("trap in " + IMPORT + "reverse: misaligned pointer 0x402 for the return pointer (alignment 4)",
                trap.getMessage());
        assertTrue(guest.isPoisoned());
        assertEquals(List.of("reverse [1, 2]"), host.seen());
    }
}
