package dev.witbind.runtime.abi;

import dev.witbind.wit.types.ListType;

/** {@code list<u8>} as a {@code byte[]}: one bounds check and one copy. */
final class ByteListCodec extends ValueCodec {
    ByteListCodec(ListType type) {
        super(type);
    }

    @Override
    void check(Object value, Path path) {
        byte[] bytes = expect(value, byte[].class, path);
        if (bytes.length > MAX_LIST_BYTE_LENGTH) {
            throw invalid(path, "has " + bytes.length + " bytes, more than the Canonical ABI's limit of "
                    + MAX_LIST_BYTE_LENGTH);
        }
    }

    @Override
    public Object liftFlat(LiftLowerContext cx, long[] flat, int at) {
        return lift(cx, (int) flat[at], (int) flat[at + 1]);
    }

    @Override
    public void lowerFlat(LiftLowerContext cx, Object value, long[] flat, int at) {
        byte[] bytes = (byte[]) value;
        flat[at] = i32(cx.lowerBytes(bytes, "list<u8>"));
        flat[at + 1] = bytes.length;
    }

    @Override
    Object loadAt(LiftLowerContext cx, int ptr) {
        return lift(cx, cx.loadI32(ptr), cx.loadI32(ptr + 4));
    }

    @Override
    void storeAt(LiftLowerContext cx, Object value, int ptr) {
        byte[] bytes = (byte[]) value;
        cx.storeI32(ptr, cx.lowerBytes(bytes, "list<u8>"));
        cx.storeI32(ptr + 4, bytes.length);
    }

    private static byte[] lift(LiftLowerContext cx, int ptr, int length) {
        if (Integer.toUnsignedLong(length) > MAX_LIST_BYTE_LENGTH) {
            throw trap("list<u8> at " + hex(ptr) + " has " + Integer.toUnsignedLong(length)
                    + " bytes, more than the Canonical ABI's limit of " + MAX_LIST_BYTE_LENGTH);
        }
        return cx.liftBytes(ptr, length);
    }
}
