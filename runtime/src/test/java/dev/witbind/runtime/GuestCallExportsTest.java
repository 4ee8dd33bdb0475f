package dev.witbind.runtime;

import static dev.witbind.runtime.abi.ProbeHost.BYTES;
import static dev.witbind.runtime.abi.ProbeHost.echo;
import static dev.witbind.runtime.abi.ProbeHost.param;
import static dev.witbind.wit.types.PrimitiveType.BOOL;
import static dev.witbind.wit.types.PrimitiveType.CHAR;
import static dev.witbind.wit.types.PrimitiveType.F32;
import static dev.witbind.wit.types.PrimitiveType.F64;
import static dev.witbind.wit.types.PrimitiveType.S16;
import static dev.witbind.wit.types.PrimitiveType.S64;
import static dev.witbind.wit.types.PrimitiveType.S8;
import static dev.witbind.wit.types.PrimitiveType.STRING;
import static dev.witbind.wit.types.PrimitiveType.U16;
import static dev.witbind.wit.types.PrimitiveType.U32;
import static dev.witbind.wit.types.PrimitiveType.U64;
import static dev.witbind.wit.types.PrimitiveType.U8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.abi.ProbeHost;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Host-to-guest calls on the real {@code abi-probe} guest through {@link GuestFunction}: arguments lowered (strings
 * and lists through the guest's {@code cabi_realloc}, 17 parameters through one pointer), results lifted with
 * every Canonical ABI check, {@code cabi_post_<name>} run after the lift; on both engines.
 */
class GuestCallExportsTest {
    private static final GuestModule GUEST = ProbeHost.guest("abi-probe.wasm");
    private static final WitFunctionType ADD_U64 =
            WitFunctionType.of(List.of(param("a", U64), param("b", U64)), U64);
    private static final WitFunctionType CONCAT =
            WitFunctionType.of(List.of(param("a", STRING), param("b", STRING)), STRING);
    private static final WitFunctionType COUNT_POST_RETURN = WitFunctionType.of(List.of(), U32);

    private final ProbeHost host = new ProbeHost();

    private GuestInstance instantiate(Engine engine) {
        Linker linker = new Linker();
        host.defineInto(linker.instance(ProbeHost.INTERFACE));
        return linker.instantiate(GUEST, engine);
    }

    private static WitFunctionType sum17Type() {
        List<WitParam> params = new ArrayList<>();
        for (int k = 1; k <= 17; k++) {
            params.add(param("a" + k, U32));
        }
        return WitFunctionType.of(params, U64);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void u64ArgumentsAndResultsKeepAllSixtyFourBits(Engine engine) {
        GuestFunction add = instantiate(engine).function("add-u64", ADD_U64);

        assertEquals(0L, add.call(-1L, 1L)); // UINT64_MAX + 1 wraps
        assertEquals(Long.MIN_VALUE, add.call(Long.MAX_VALUE, 1L));
        assertEquals(-2L, add.call(-1L, -1L));
        assertEquals(0x68ACL, add.call(0x1234L, 0x5678L));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void stringsGoInThroughCabiReallocAndComeBackBeforePostReturnRuns(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestFunction concat = guest.function("concat", CONCAT);
        GuestFunction postReturns = guest.function("count-post-return", COUNT_POST_RETURN);

        assertEquals(0, postReturns.call());
        assertEquals("h\u00e9llo w\u00f6rld \uD83D\uDE00", concat.call("h\u00e9llo ", "w\u00f6rld \uD83D\uDE00"));
        assertEquals(1, postReturns.call());
        assertEquals("", concat.call("", ""));
        assertEquals("a", concat.call("a", ""));
        assertEquals("\uDBFF\uDFFF\0\u65e5", concat.call("\uDBFF\uDFFF\0", "\u65e5"));
        // cabi_post_concat clears the returned length: had it run before the lift, these would be empty
        assertEquals(4, postReturns.call());
        assertEquals(List.of(), host.seen());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLongStringCrossesIntact(Engine engine) {
        GuestFunction concat = instantiate(engine).function("concat", CONCAT);
        String a = "\u00e9\u65e5\uD83D\uDE00x".repeat(20_000); // 200,000 UTF-8 bytes: the guest grows its memory
        String b = "tail";

        assertEquals(a + b, concat.call(a, b));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void seventeenParametersTravelThroughOneTupleTheHostAllocated(Engine engine) {
        WitFunctionType type = sum17Type();
        assertTrue(CanonicalAbi.signature(type, CanonicalAbi.Direction.LIFT).paramsByPointer());
        GuestFunction sum17 = instantiate(engine).function("sum17", type);
        Object[] ones = new Object[17];
        Object[] ascending = new Object[17];
        Object[] maxima = new Object[17];
        for (int k = 1; k <= 17; k++) {
            ones[k - 1] = 1;
            ascending[k - 1] = k;
            maxima[k - 1] = -1; // UINT32_MAX
        }

        // the guest returns the sum of k * ak
        assertEquals(153L, sum17.call(ones));
        assertEquals(1785L, sum17.call(ascending));
        assertEquals(153L * 0xFFFF_FFFFL, sum17.call(maxima));
        Object[] onlyLast = new Object[17];
        Arrays.fill(onlyLast, 0);
        onlyLast[16] = 1;
        assertEquals(17L, sum17.call(onlyLast));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aParameterTupleOfMixedTypesHasTheCanonicalRecordLayout(Engine engine) {
        WitFunctionType type = WitFunctionType.of(List.of(param("a", U8), param("b", U64), param("c", U16),
                param("d", STRING), param("e", BOOL), param("f", F64), param("g", S8), param("h", F32),
                param("i", CHAR), param("j", BYTES), param("k", S16), param("l", U32), param("m", S64),
                param("n", STRING)), BYTES);
        GuestFunction mixed = instantiate(engine).function("mixed", type);
        String d = "d\u00e9";
        byte[] j = {9, (byte) 0x80, 7};
        String n = "\uD83D\uDE00n";

        byte[] result = (byte[]) mixed.call((byte) 0xFE, 0x0102_0304_0506_0708L, (short) 0xFFFE, d, true, -0.5,
                (byte) -7, 3.25f, 0x1F600, j, (short) -2, 0xFFFF_FFF0, Long.MIN_VALUE + 1, n);

        // the guest returns the 88-byte tuple as the host wrote it, then the bytes of d, j and n
        byte[] dBytes = d.getBytes(StandardCharsets.UTF_8);
        byte[] nBytes = n.getBytes(StandardCharsets.UTF_8);
        assertEquals(88 + dBytes.length + j.length + nBytes.length, result.length);
        ByteBuffer tuple = ByteBuffer.wrap(result).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals((byte) 0xFE, tuple.get(0));
        assertEquals(0x0102_0304_0506_0708L, tuple.getLong(8));
        assertEquals((short) 0xFFFE, tuple.getShort(16));
        assertEquals(dBytes.length, tuple.getInt(24));
        assertEquals(1, tuple.get(28));
        assertEquals(-0.5, tuple.getDouble(32));
        assertEquals(-7, tuple.get(40));
        assertEquals(3.25f, tuple.getFloat(44));
        assertEquals(0x1F600, tuple.getInt(48));
        assertEquals(j.length, tuple.getInt(56));
        assertEquals(-2, tuple.getShort(60));
        assertEquals(0xFFFF_FFF0, tuple.getInt(64));
        assertEquals(Long.MIN_VALUE + 1, tuple.getLong(72));
        assertEquals(nBytes.length, tuple.getInt(84));
        assertArrayEquals(dBytes, Arrays.copyOfRange(result, 88, 88 + dBytes.length));
        assertArrayEquals(j, Arrays.copyOfRange(result, 88 + dBytes.length, 88 + dBytes.length + j.length));
        assertArrayEquals(nBytes, Arrays.copyOfRange(result, result.length - nBytes.length, result.length));
        assertEquals(8, CanonicalAbi.paramsAlignment(type));
        assertEquals(88, CanonicalAbi.paramsSize(type));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void f32ResultsAreExactAndNaNsCanonical(Engine engine) {
        GuestFunction negate = instantiate(engine).function("negate-f32", echo("v", F32));

        assertEquals(-1.5f, negate.call(1.5f));
        assertEquals(0, Float.floatToRawIntBits((Float) negate.call(-0.0f)));
        assertEquals(Float.POSITIVE_INFINITY, negate.call(Float.NEGATIVE_INFINITY));
        assertEquals(-Float.MIN_VALUE, negate.call(Float.MIN_VALUE));
        // the guest returns 0xffa00001 (f32.neg keeps the payload); the host sees the canonical NaN
        assertEquals(0x7FC0_0000, Float.floatToRawIntBits((Float) negate.call(Float.intBitsToFloat(0x7FA0_0001))));
        assertEquals(0x7FC0_0000, Float.floatToRawIntBits((Float) negate.call(Float.NaN)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void boolsGoInAsZeroOrOneAndAnyNonZeroResultIsTrue(Engine engine) {
        GuestInstance guest = instantiate(engine);
        // flip traps unless it gets exactly 0 or 1, and returns true as 0x100
        GuestFunction flip = guest.function("flip", echo("b", BOOL));
        GuestFunction rawFlip = guest.function("flip", echo("b", U32));

        assertEquals(true, flip.call(false));
        assertEquals(false, flip.call(true));
        assertEquals(0x100, rawFlip.call(0));
        assertFalse(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void charsCrossAtTheEdgesOfTheScalarValues(Engine engine) {
        GuestFunction next = instantiate(engine).function("next-char", echo("c", CHAR));

        assertEquals((int) 'b', next.call((int) 'a'));
        assertEquals(0xE000, next.call(0xD7FF));
        assertEquals(0x10000, next.call(0xFFFF));
        assertEquals(0x10FFFF, next.call(0x10FFFE));
        assertEquals(1, next.call(0));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anInvalidCharFromTheGuestTrapsAndPoisonsTheInstance(Engine engine) {
        GuestInstance guest = instantiate(engine);
        GuestFunction next = guest.function("next-char", echo("c", CHAR));

        WitTrapException trap = assertThrows(WitTrapException.class, () -> next.call(0x10FFFF));

        assertEquals(Optional.of("export 'next-char' of guest 'abi-probe.wasm'"), trap.function());
        assertEquals("invalid char 0x110000: not a Unicode scalar value (surrogates and values above U+10FFFF are "
                + "not chars)", trap.reason());
        assertTrue(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void byteListsGoInThroughCabiRealloc(Engine engine) {
        GuestFunction sum = instantiate(engine).function("bytes-sum",
                WitFunctionType.of(List.of(param("b", BYTES)), U32));
        byte[] large = new byte[100_000];
        Arrays.fill(large, (byte) 0xFF);

        assertEquals(0, sum.call(new byte[0]));
        assertEquals(256, sum.call(new byte[] {(byte) 0xFF, 1}));
        assertEquals(255 * 100_000, sum.call(large));
    }
}
