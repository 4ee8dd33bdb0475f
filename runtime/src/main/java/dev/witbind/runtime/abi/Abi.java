package dev.witbind.runtime.abi;

import dev.witbind.runtime.errors.WitTrapException;

/**
 * Conversions of single flat values between core form and Java, for generated bindings and the dynamic call
 * path. Integers need no helper: lifting takes the low bits ({@code (int) value} for {@code s32}/{@code u32},
 * {@code (byte) value} for {@code s8}/{@code u8}); lowering a signed integer is a widening cast, and {@code u8},
 * {@code u16} and {@code u32} are zero-extended ({@code & 0xFF}, {@code & 0xFFFF}, {@code & 0xFFFFFFFFL}).
 */
public final class Abi {
    private static final int MAX_CODE_POINT = 0x10FFFF;

    private Abi() {}

    /** {@code convert_int_to_bool}: any non-zero value is {@code true} (not a trap). */
    public static boolean liftBool(long value) {
        return (int) value != 0;
    }

    public static long lowerBool(boolean value) {
        return value ? 1 : 0;
    }

    /**
     * {@code convert_i32_to_char}: the value must be a Unicode scalar value.
     *
     * @throws WitTrapException for a surrogate or a value above U+10FFFF
     */
    public static int liftChar(long value) {
        int codePoint = (int) value;
        if (!isScalarValue(codePoint)) {
            throw new WitTrapException("invalid char " + describeCodePoint(codePoint)
                    + ": not a Unicode scalar value (surrogates and values above U+10FFFF are not chars)");
        }
        return codePoint;
    }

    /**
     * Lowers a {@code char} the host returns.
     *
     * @throws HostValueException when the host's value is not a Unicode scalar value
     */
    public static long lowerChar(int codePoint) {
        if (!isScalarValue(codePoint)) {
            throw new HostValueException("returned " + describeCodePoint(codePoint)
                    + " as a WIT char, which must be a Unicode scalar value");
        }
        return codePoint;
    }

    /** Whether {@code codePoint} is a Unicode scalar value: at most U+10FFFF and not a surrogate. */
    public static boolean isScalarValue(int codePoint) {
        return Integer.compareUnsigned(codePoint, MAX_CODE_POINT) <= 0 && (codePoint < 0xD800 || codePoint > 0xDFFF);
    }

    private static String describeCodePoint(int codePoint) {
        return String.format("0x%X", Integer.toUnsignedLong(codePoint));
    }

    /** An {@code f32} from its raw bits; every NaN becomes the canonical NaN ({@code canonicalize_nan32}). */
    public static float liftF32(long bits) {
        float value = Float.intBitsToFloat((int) bits);
        return value != value ? Float.NaN : value;
    }

    /** An {@code f64} from its raw bits; every NaN becomes the canonical NaN ({@code canonicalize_nan64}). */
    public static double liftF64(long bits) {
        double value = Double.longBitsToDouble(bits);
        return value != value ? Double.NaN : value;
    }

    /**
     * An {@code f32} as raw bits for the guest; every NaN becomes the canonical NaN, as in the spec's deterministic
     * profile, so that what a guest sees never depends on how the JVM produced a NaN.
     */
    public static long lowerF32(float value) {
        return Float.floatToRawIntBits(value != value ? Float.NaN : value);
    }

    /** An {@code f64} as raw bits for the guest; every NaN becomes the canonical NaN (see {@link #lowerF32}). */
    public static long lowerF64(double value) {
        return Double.doubleToRawLongBits(value != value ? Double.NaN : value);
    }

    /**
     * The value a host function returned as part of a WIT value, for generated bindings: WIT values are never
     * {@code null} ({@code option<T>} is an {@code Optional}), so {@code null} is a host bug.
     *
     * @param what the part of the result, e.g. {@code "field 'key' of record entry"}
     * @throws HostValueException for {@code null}; the engine adapter names the function
     */
    public static <T> T requireValue(T value, String what) {
        if (value == null) {
            throw new HostValueException("returned null as " + what + ", but WIT values are never null "
                    + "(an option<T> is an Optional)");
        }
        return value;
    }
}
