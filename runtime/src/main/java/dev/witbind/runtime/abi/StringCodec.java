package dev.witbind.runtime.abi;

import dev.witbind.wit.types.PrimitiveType;

/**
 * {@code string}: a pointer and a length, in bytes for UTF-8 and in code units for {@code utf16} and
 * {@code latin1+utf16} (with its tag bit for UTF-16), the contents through {@link LiftLowerContext}, which follows
 * its function's string encoding.
 */
final class StringCodec extends ValueCodec {
    StringCodec() {
        super(PrimitiveType.STRING);
    }

    @Override
    void check(Object value, Path path) {
        String string = expect(value, String.class, path);
        StringEncoding encoding = path.stringEncoding();
        if (encoding == StringEncoding.UTF8) {
            int length = Utf8.encodedLength(string);
            if (length < 0) {
                throw invalid(path, "has an unpaired surrogate at index " + (-1 - length)
                        + ", which UTF-8 cannot encode");
            }
            if (length > MAX_STRING_BYTE_LENGTH) {
                throw invalid(path, "is " + length + " bytes long in UTF-8, more than the Canonical ABI's limit of "
                        + MAX_STRING_BYTE_LENGTH);
            }
            return;
        }
        int unpaired = Utf16.firstUnpaired(string);
        if (unpaired >= 0) {
            throw invalid(path, "has an unpaired surrogate at index " + unpaired + ", which UTF-16 cannot encode");
        }
        long length = StringRanges.hostByteLength(string, encoding);
        if (length > MAX_STRING_BYTE_LENGTH) {
            throw invalid(path, "is " + length + " bytes long in " + StringRanges.name(encoding)
                    + ", more than the Canonical ABI's limit of " + MAX_STRING_BYTE_LENGTH);
        }
    }

    @Override
    public Object liftFlat(LiftLowerContext cx, long[] flat, int at) {
        return cx.liftString((int) flat[at], (int) flat[at + 1]);
    }

    @Override
    public void lowerFlat(LiftLowerContext cx, Object value, long[] flat, int at) {
        long ptrAndLength = cx.lowerString((String) value);
        flat[at] = ptrAndLength & 0xFFFF_FFFFL;
        flat[at + 1] = ptrAndLength >>> 32;
    }

    @Override
    Object loadAt(LiftLowerContext cx, int ptr) {
        return cx.liftString(cx.loadI32(ptr), cx.loadI32(ptr + 4));
    }

    @Override
    void storeAt(LiftLowerContext cx, Object value, int ptr) {
        long ptrAndLength = cx.lowerString((String) value);
        cx.storeI32(ptr, (int) ptrAndLength);
        cx.storeI32(ptr + 4, (int) (ptrAndLength >>> 32));
    }
}
