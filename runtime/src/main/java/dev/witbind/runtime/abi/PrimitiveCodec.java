package dev.witbind.runtime.abi;

import dev.witbind.wit.types.PrimitiveType;

/** {@code bool}, the integers, the floats and {@code char}: one core value, one load or store. */
final class PrimitiveCodec extends ValueCodec {
    private static final int CANONICAL_F32_NAN = 0x7FC0_0000;
    private static final long CANONICAL_F64_NAN = 0x7FF8_0000_0000_0000L;

    private final PrimitiveType primitive;
    private final Class<?> javaClass;

    PrimitiveCodec(PrimitiveType primitive) {
        super(primitive);
        this.primitive = primitive;
        this.javaClass = switch (primitive) {
            case BOOL -> Boolean.class;
            case S8, U8 -> Byte.class;
            case S16, U16 -> Short.class;
            case S32, U32, CHAR -> Integer.class;
            case S64, U64 -> Long.class;
            case F32 -> Float.class;
            case F64 -> Double.class;
            case STRING -> throw new AssertionError("strings have their own codec");
        };
    }

    @Override
    void check(Object value, Path path) {
        expect(value, javaClass, path);
        if (primitive == PrimitiveType.CHAR && !Abi.isScalarValue((Integer) value)) {
            throw invalid(path, "is " + hex((Integer) value) + ", which is not a Unicode scalar value");
        }
    }

    @Override
    public Object liftFlat(LiftLowerContext cx, long[] flat, int at) {
        long value = flat[at];
        // Narrow types take the low bits: lift_flat_unsigned/signed ignore the rest, and so does wrap_i64_to_i32.
        return switch (primitive) {
            case BOOL -> Abi.liftBool(value);
            case S8, U8 -> (byte) value;
            case S16, U16 -> (short) value;
            case S32, U32 -> (int) value;
            case S64, U64 -> value;
            case F32 -> Abi.liftF32(value);
            case F64 -> Abi.liftF64(value);
            case CHAR -> Abi.liftChar(value);
            case STRING -> throw new AssertionError();
        };
    }

    @Override
    public void lowerFlat(LiftLowerContext cx, Object value, long[] flat, int at) {
        flat[at] = switch (primitive) {
            case BOOL -> (Boolean) value ? 1 : 0;
            case S8 -> i32((Byte) value);
            case U8 -> (Byte) value & 0xFFL;
            case S16 -> i32((Short) value);
            case U16 -> (Short) value & 0xFFFFL;
            case S32, U32, CHAR -> i32((Integer) value);
            case S64, U64 -> (Long) value;
            case F32 -> i32(f32Bits((Float) value));
            case F64 -> f64Bits((Double) value);
            case STRING -> throw new AssertionError();
        };
    }

    @Override
    Object loadAt(LiftLowerContext cx, int ptr) {
        return switch (primitive) {
            case BOOL -> cx.loadI8(ptr) != 0;
            case S8, U8 -> cx.loadI8(ptr);
            case S16, U16 -> cx.loadI16(ptr);
            case S32, U32 -> cx.loadI32(ptr);
            case S64, U64 -> cx.loadI64(ptr);
            case F32 -> Abi.liftF32(cx.loadI32(ptr));
            case F64 -> Abi.liftF64(cx.loadI64(ptr));
            case CHAR -> Abi.liftChar(cx.loadI32(ptr));
            case STRING -> throw new AssertionError();
        };
    }

    @Override
    void storeAt(LiftLowerContext cx, Object value, int ptr) {
        switch (primitive) {
            case BOOL -> cx.storeI8(ptr, (byte) ((Boolean) value ? 1 : 0));
            case S8, U8 -> cx.storeI8(ptr, (Byte) value);
            case S16, U16 -> cx.storeI16(ptr, (Short) value);
            case S32, U32, CHAR -> cx.storeI32(ptr, (Integer) value);
            case S64, U64 -> cx.storeI64(ptr, (Long) value);
            case F32 -> cx.storeI32(ptr, f32Bits((Float) value));
            case F64 -> cx.storeI64(ptr, f64Bits((Double) value));
            case STRING -> throw new AssertionError();
        }
    }

    /** The bits of an {@code f32} with every NaN canonical (the deterministic profile's {@code maybe_scramble_nan32}). */
    private static int f32Bits(float value) {
        return value != value ? CANONICAL_F32_NAN : Float.floatToRawIntBits(value);
    }

    private static long f64Bits(double value) {
        return value != value ? CANONICAL_F64_NAN : Double.doubleToRawLongBits(value);
    }
}
