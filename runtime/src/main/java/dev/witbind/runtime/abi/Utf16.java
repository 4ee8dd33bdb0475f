package dev.witbind.runtime.abi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-16 for the Canonical ABI ({@code utf16}, and {@code latin1+utf16} when its tag bit is set): little-endian
 * code units in guest memory. Decoding rejects an unpaired surrogate instead of replacing it, and the host's strings
 * are checked for one before they are lowered: a {@code String} that has one is not a Unicode string.
 */
final class Utf16 {
    private static final VarHandle CHARS = MethodHandles.byteArrayViewVarHandle(char[].class, ByteOrder.LITTLE_ENDIAN);

    private Utf16() {}

    /**
     * Decodes the {@code codeUnits} code units at {@code bytes[offset]} (a range of guest memory, in bounds), or
     * returns {@code null} when one of them is an unpaired surrogate ({@link #firstUnpaired(byte[], int, int)} then
     * says which). The copy notes whether it saw a surrogate at all, so only text that has one is checked pair by
     * pair.
     */
    static String decode(byte[] bytes, int offset, int codeUnits) {
        char[] chars = new char[codeUnits];
        boolean surrogates = false;
        for (int i = 0; i < codeUnits; i++) {
            char c = (char) CHARS.get(bytes, offset + 2 * i);
            chars[i] = c;
            surrogates |= Character.isSurrogate(c);
        }
        if (surrogates && firstUnpaired(bytes, offset, codeUnits) >= 0) {
            return null;
        }
        return new String(chars);
    }

    /** The code unit at {@code index} of the code units at {@code bytes[offset]}. */
    static char codeUnit(byte[] bytes, int offset, int index) {
        return (char) CHARS.get(bytes, offset + 2 * index);
    }

    /** The index of the first unpaired surrogate of the code units at {@code bytes[offset]}, or -1 when none is. */
    static int firstUnpaired(byte[] bytes, int offset, int codeUnits) {
        for (int i = 0; i < codeUnits; i++) {
            char c = codeUnit(bytes, offset, i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < codeUnits
                    && Character.isLowSurrogate(codeUnit(bytes, offset, i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /** The index of the first unpaired surrogate of {@code text}, or -1 when it is a Unicode string. */
    static int firstUnpaired(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /**
     * Writes the chars of {@code text} from index {@code from} as code units at {@code bytes[offset]} (in bounds).
     *
     * @return the bitwise or of the chars written: below {@code 0x100} when all of them are Latin-1, which the
     *     Canonical ABI's {@code latin1+utf16} wants to know as the copy runs
     */
    static int encode(String text, int from, byte[] bytes, int offset) {
        int n = text.length();
        int bits = 0;
        for (int i = from, o = offset; i < n; i++, o += 2) {
            char c = text.charAt(i);
            CHARS.set(bytes, o, c);
            bits |= c;
        }
        return bits;
    }
}
