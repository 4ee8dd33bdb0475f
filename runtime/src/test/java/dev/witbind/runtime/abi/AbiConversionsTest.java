package dev.witbind.runtime.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.errors.WitTrapException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Abi}: the single-value conversions generated bindings and the dynamic call path use. */
class AbiConversionsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 0x41, 0x7F, 0x80, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF})
    void scalarValuesLiftAndLowerUnchanged(int codePoint) {
        assertEquals(codePoint, Abi.liftChar(codePoint));
        assertEquals(codePoint, Abi.lowerChar(codePoint));
    }

    @Test
    void liftCharLooksOnlyAtTheLow32Bits() {
        // an i32 travels in the low half of a long; whatever an engine leaves in the high half does not matter
        assertEquals(0x41, Abi.liftChar(0xFFFF_FFFF_0000_0041L));
        assertEquals(0x10FFFF, Abi.liftChar(0x0000_0001_0010_FFFFL));
    }

    @ParameterizedTest
    @ValueSource(ints = {0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x110000, 0x7FFF_FFFF, -1, Integer.MIN_VALUE})
    void surrogatesValuesAboveTheLastCodePointAndNegativeIntsAreNoChars(int value) {
        String described = String.format("0x%X", Integer.toUnsignedLong(value));

        WitTrapException trap = assertThrows(WitTrapException.class, () -> Abi.liftChar(value));
        HostValueException hostError = assertThrows(HostValueException.class, () -> Abi.lowerChar(value));

        assertEquals("invalid char " + described + ": not a Unicode scalar value (surrogates and values above "
                + "U+10FFFF are not chars)", trap.reason());
        assertEquals(Optional.empty(), trap.function());
        assertEquals("returned " + described + " as a WIT char, which must be a Unicode scalar value",
                hostError.getMessage());
    }

    @Test
    void liftCharOfASignExtendedNegativeI32Traps() {
        // a guest's i32 0xFFFFFFFF as an engine may hand it over, sign-extended
        assertThrows(WitTrapException.class, () -> Abi.liftChar(-1L));
        assertThrows(WitTrapException.class, () -> Abi.liftChar(0xFFFF_FFFFL));
    }

    @Test
    void everyNonZeroI32IsTrueAndTrueLowersToOne() {
        assertFalse(Abi.liftBool(0));
        assertTrue(Abi.liftBool(1));
        assertTrue(Abi.liftBool(2));
        assertTrue(Abi.liftBool(0x8000_0000L));
        assertTrue(Abi.liftBool(-1));
        // only the low 32 bits are the i32
        assertFalse(Abi.liftBool(0x1_0000_0000L));
        assertEquals(1L, Abi.lowerBool(true));
        assertEquals(0L, Abi.lowerBool(false));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x7FC0_0000, 0xFFC0_0000, 0x7F80_0001, 0x7FA0_0001, 0xFFFF_FFFF, 0x7FBF_FFFF})
    void everyF32NaNLiftsToTheCanonicalNaN(int bits) {
        assertEquals(0x7FC0_0000, Float.floatToRawIntBits(Abi.liftF32(bits)));
        assertEquals(0x7FC0_0000, Float.floatToRawIntBits(Abi.liftF32(bits & 0xFFFF_FFFFL)));
    }

    @ParameterizedTest
    @ValueSource(longs = {0x7FF8_0000_0000_0000L, 0xFFF8_0000_0000_0000L, 0x7FF0_0000_0000_0001L,
        0xFFF0_0000_0000_0001L, 0x7FF4_0000_0000_0000L, -1L})
    void everyF64NaNLiftsToTheCanonicalNaN(long bits) {
        assertEquals(0x7FF8_0000_0000_0000L, Double.doubleToRawLongBits(Abi.liftF64(bits)));
    }

    @Test
    void floatsThatAreNotNaNKeepEveryBit() {
        assertEquals(0x8000_0000, Float.floatToRawIntBits(Abi.liftF32(0x8000_0000L)));
        assertEquals(0x0000_0001, Float.floatToRawIntBits(Abi.liftF32(1)));
        assertEquals(0xFF80_0000, Float.floatToRawIntBits(Abi.liftF32(0xFF80_0000L)));
        assertEquals(0x8000_0000_0000_0000L, Double.doubleToRawLongBits(Abi.liftF64(0x8000_0000_0000_0000L)));
        assertEquals(0x7FEF_FFFF_FFFF_FFFFL, Double.doubleToRawLongBits(Abi.liftF64(0x7FEF_FFFF_FFFF_FFFFL)));
        assertEquals(0x8000_0000L, Abi.lowerF32(-0.0f) & 0xFFFF_FFFFL);
        assertEquals(0x3FC0_0000L, Abi.lowerF32(1.5f));
        assertEquals(0x8000_0000_0000_0000L, Abi.lowerF64(-0.0));
    }

    @Test
    void loweringCanonicalisesNaNsLikeTheDeterministicProfile() {
        assertEquals(0x7FC0_0000L, Abi.lowerF32(Float.intBitsToFloat(0x7FA0_0001)));
        assertEquals(0x7FC0_0000L, Abi.lowerF32(Float.intBitsToFloat(0xFFFF_FFFF)));
        assertEquals(0x7FF8_0000_0000_0000L, Abi.lowerF64(Double.longBitsToDouble(0x7FF0_0000_0000_0001L)));
        assertEquals(0x7FF8_0000_0000_0000L, Abi.lowerF64(Double.longBitsToDouble(0xFFF8_0000_0000_0001L)));
    }
}
