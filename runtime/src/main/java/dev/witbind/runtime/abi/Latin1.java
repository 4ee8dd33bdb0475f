package dev.witbind.runtime.abi;

import java.nio.charset.StandardCharsets;

/**
 * Latin-1 for the Canonical ABI's {@code latin1+utf16} when its tag bit is clear: one byte per character, U+0000 to
 * U+00FF, so every byte sequence is valid. Also the in-place widening and narrowing between Latin-1 and UTF-16 that
 * the spec's transcoding loops do in the memory they write.
 */
final class Latin1 {
    private Latin1() {}

    /** Decodes {@code bytes[offset, offset + length)} (in bounds); never fails. */
    static String decode(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether every char of {@code text} is below U+0100. On the JVM's compact strings this is what the string's own
     * representation already says (one byte per char), but that is not ours to read.
     */
    static boolean fits(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) >= 0x100) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes {@code text}, which {@linkplain #fits fits} Latin-1, as one byte per char at {@code bytes[offset]} (in
     * bounds). {@code String.getBytes(int, int, byte[], int)} keeps each char's low byte, which is its Latin-1 byte
     * for such text, and copies straight from a compact string's bytes; it is deprecated only because it drops the
     * high byte of other text.
     */
    @SuppressWarnings("deprecation")
    static void encode(String text, byte[] bytes, int offset) {
        text.getBytes(0, text.length(), bytes, offset);
    }

    /**
     * Widens the {@code count} Latin-1 bytes at {@code bytes[offset]} in place into {@code count} UTF-16 code units
     * (a zero byte after each), from the last byte to the first so that none is overwritten before it is read
     * ({@code store_string_to_latin1_or_utf16}). {@code bytes} must hold {@code 2 * count} bytes there.
     */
    static void inflateInPlace(byte[] bytes, int offset, int count) {
        for (int j = count - 1; j >= 0; j--) {
            bytes[offset + 2 * j] = bytes[offset + j];
            bytes[offset + 2 * j + 1] = 0;
        }
    }

    /**
     * Narrows the {@code count} UTF-16 code units at {@code bytes[offset]}, each below U+0100, in place into
     * {@code count} Latin-1 bytes, from the first to the last ({@code store_probably_utf16_to_latin1_or_utf16}).
     */
    static void deflateInPlace(byte[] bytes, int offset, int count) {
        for (int i = 0; i < count; i++) {
            bytes[offset + i] = bytes[offset + 2 * i];
        }
    }
}
