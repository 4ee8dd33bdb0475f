package dev.witbind.runtime.abi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for the Canonical ABI: decoding rejects every ill-formed sequence (overlong forms, surrogates,
 * code points above U+10FFFF, truncated sequences) instead of replacing it as {@code new String(bytes, UTF_8)}
 * does, and encoding rejects unpaired surrogates instead of writing {@code '?'}.
 */
public final class Utf8 {
    private static final char REPLACEMENT = '\uFFFD';
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long QUESTION_MARKS = 0x3F3F_3F3F_3F3F_3F3FL;

    private Utf8() {}

    /**
     * Decodes {@code bytes}, or returns {@code null} when they are not well-formed UTF-8 ({@link #firstInvalid} then
     * says where).
     *
     * <p>The JDK's decoder (the intrinsic ASCII check and one copy) is as strict as we are, but replaces each
     * ill-formed sequence with U+FFFD: so a result without U+FFFD proves the bytes well formed. For ASCII and
     * Latin-1 text that costs nothing ({@code indexOf} of a char above U+00FF in a Latin-1 string returns at once),
     * for other text one vectorised {@code indexOf}. Only text containing U+FFFD is validated byte by byte, to tell
     * a real U+FFFD from a replaced one. {@code Utf8FastPathTest} checks the JDK's strictness exhaustively.
     */
    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /**
     * Decodes {@code bytes[offset, offset + length)} (a range of guest memory, decoded where it lies), or returns
     * {@code null} when it is not well-formed UTF-8; see {@link #decode(byte[])}.
     */
    public static String decode(byte[] bytes, int offset, int length) {
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (text.indexOf(REPLACEMENT) >= 0 && firstInvalid(bytes, offset, length) >= 0) {
            return null;
        }
        return text;
    }

    /**
     * The UTF-8 of {@code text}, or {@code null} when it has an unpaired surrogate ({@link #encodedLength} then says
     * where).
     *
     * <p>The JDK's encoder (intrinsic for Latin-1 strings) writes {@code '?'} for an unpaired surrogate instead of
     * failing, and {@code '?'} is the only byte it writes for one: so output without a {@code '?'} byte proves the
     * text well formed, which a word-at-a-time scan settles. Only text that contains {@code '?'} is checked char by
     * char.
     */
    public static byte[] encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (containsQuestionMark(bytes) && encodedLength(text) < 0) {
            return null;
        }
        return bytes;
    }

    /** Whether any byte is {@code '?'}: eight bytes at a time (a zero byte of {@code word ^ '?'...}). */
    static boolean containsQuestionMark(byte[] bytes) {
        int n = bytes.length;
        int i = 0;
        long zeroBytes = 0;
        for (; i <= n - Long.BYTES; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ QUESTION_MARKS;
            zeroBytes |= (word - ONES) & ~word;
        }
        if ((zeroBytes & HIGH_BITS) != 0) {
            return true;
        }
        for (; i < n; i++) {
            if (bytes[i] == '?') {
                return true;
            }
        }
        return false;
    }

    /** The index of the first byte that starts an ill-formed sequence, or -1 when all of {@code bytes} is valid. */
    public static int firstInvalid(byte[] bytes) {
        return firstInvalid(bytes, 0, bytes.length);
    }

    /**
     * The index, counted from {@code offset}, of the first byte of {@code bytes[offset, offset + count)} that
     * starts an ill-formed sequence, or -1 when the whole range is valid.
     */
    public static int firstInvalid(byte[] bytes, int offset, int count) {
        int i = offset;
        int n = offset + count;
        while (i < n) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int length;
            int min2;
            int max2 = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min2 = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min2 = b == 0xE0 ? 0xA0 : 0x80; // no overlong forms
                max2 = b == 0xED ? 0x9F : 0xBF; // no surrogates
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min2 = b == 0xF0 ? 0x90 : 0x80; // no overlong forms
                max2 = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
            } else {
                return i - offset;
            }
            if (i + length > n) {
                return i - offset;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min2 || second > max2) {
                return i - offset;
            }
            for (int k = 2; k < length; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return i - offset;
                }
            }
            i += length;
        }
        return -1;
    }

    /** The number of UTF-8 bytes of {@code text}, or -1 - index of the first unpaired surrogate. */
    public static int encodedLength(String text) {
        int n = text.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return -1 - i;
                }
                bytes += 2; // two chars, four bytes
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return -1 - i;
            } else {
                bytes += 2;
            }
        }
        return bytes;
    }

    /** Encodes well-formed {@code text} (checked with {@link #encodedLength}) into exactly {@code length} bytes. */
    public static byte[] encode(String text, int length) {
        byte[] out = new byte[length];
        int n = text.length();
        int o = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[o++] = (byte) c;
            } else if (c < 0x800) {
                out[o++] = (byte) (0xC0 | (c >> 6));
                out[o++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out[o++] = (byte) (0xF0 | (cp >> 18));
                out[o++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[o++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[o++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                out[o++] = (byte) (0xE0 | (c >> 12));
                out[o++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[o++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }
}
