package dev.witbind.runtime.abi;

import dev.witbind.wit.types.PrimitiveType;

/** {@code string} in UTF-8: a pointer and a byte length, the bytes through {@link LiftLowerContext}. */
final class StringCodec extends ValueCodec {
    StringCodec() {
        super(PrimitiveType.STRING);
    }

    @Override
    void check(Object value, Path path) {
        String string = expect(value, String.class, path);
        int length = Utf8.encodedLength(string);
        if (length < 0) {
            throw invalid(path, "has an unpaired surrogate at index " + (-1 - length) + ", which UTF-8 cannot encode");
        }
        if (length > MAX_STRING_BYTE_LENGTH) {
            throw invalid(path, "is " + length + " bytes long in UTF-8, more than the Canonical ABI's limit of "
                    + MAX_STRING_BYTE_LENGTH);
        }
    }

    @Override
    public Object liftFlat(LiftLowerContext cx, long[] flat, int at) {
        return lift(cx, (int) flat[at], (int) flat[at + 1]);
    }

    @Override
    public void lowerFlat(LiftLowerContext cx, Object value, long[] flat, int at) {
        long ptrAndLength = cx.lowerString((String) value);
        flat[at] = ptrAndLength & 0xFFFF_FFFFL;
        flat[at + 1] = ptrAndLength >>> 32;
    }

    @Override
    Object loadAt(LiftLowerContext cx, int ptr) {
        return lift(cx, cx.loadI32(ptr), cx.loadI32(ptr + 4));
    }

    @Override
    void storeAt(LiftLowerContext cx, Object value, int ptr) {
        long ptrAndLength = cx.lowerString((String) value);
        cx.storeI32(ptr, (int) ptrAndLength);
        cx.storeI32(ptr + 4, (int) (ptrAndLength >>> 32));
    }

    /** {@code load_string_from_range} for UTF-8. */
    private static String lift(LiftLowerContext cx, int ptr, int length) {
        if (Integer.toUnsignedLong(length) > MAX_STRING_BYTE_LENGTH) {
            throw trap("string at " + hex(ptr) + " is " + Integer.toUnsignedLong(length)
                    + " bytes long, more than the Canonical ABI's limit of " + MAX_STRING_BYTE_LENGTH);
        }
        return cx.liftString(ptr, length);
    }
}
