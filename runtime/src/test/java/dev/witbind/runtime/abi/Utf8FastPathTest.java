package dev.witbind.runtime.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Utf8#decode} and {@link Utf8#encode}: the JDK's fast paths, kept as strict as {@link Utf8#firstInvalid}. */
class Utf8FastPathTest {

    private static byte[] hex(String pairs) {
        if (pairs.isBlank()) {
            return new byte[0];
        }
        String[] parts = pairs.trim().split(" +");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "41 42 43 00 7F", // ASCII with NUL and DEL
        "C2 80 C3 A9 DF BF", // 2-byte forms
        "E0 A0 80 E6 97 A5 ED 9F BF EE 80 80 EF BF BF", // 3-byte forms around the surrogates
        "F0 90 80 80 F0 9F 98 80 F4 8F BF BF", // 4-byte forms up to U+10FFFF
        "EF BF BD", // a real U+FFFD
        "61 EF BF BD 62 C3 A9", // a real U+FFFD among other text
        "C3 BF C3 A9", // Latin-1 text (a Latin-1 String inside the JDK)
    })
    void decodesWellFormedText(String pairs) {
        byte[] bytes = hex(pairs);
        assertEquals(new String(bytes, StandardCharsets.UTF_8), Utf8.decode(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "C0 80", "C1 BF", "E0 9F BF", "F0 8F BF BF", // overlong forms
        "ED A0 80", "ED BF BF", // encoded surrogates
        "F4 90 80 80", "F5 80 80 80", "F8 88 80 80 80", "FF", // above U+10FFFF, 5-byte forms, never-used bytes
        "80", "41 BF 41", // lone continuation bytes
        "C3", "E6 97", "F0 9F 98", // truncated at the end
        "EF BF BD ED A0 80", // a real U+FFFD, then a surrogate
        "ED A0 80 EF BF BD", // a surrogate, then a real U+FFFD
    })
    void rejectsIllFormedText(String pairs) {
        assertNull(Utf8.decode(hex(pairs)));
    }

    /**
     * The fast path trusts the JDK to replace every ill-formed sequence with U+FFFD. Checked for every sequence of
     * up to three bytes and for every four-byte sequence whose last two bytes sit at the edges of the ranges that
     * matter (ASCII, continuation bytes, lead bytes).
     */
    @Test
    void agreesWithTheStrictValidatorOnEveryShortSequence() {
        byte[] one = new byte[1];
        byte[] two = new byte[2];
        byte[] three = new byte[3];
        for (int a = 0; a < 256; a++) {
            one[0] = (byte) a;
            assertAgrees(one);
            two[0] = (byte) a;
            three[0] = (byte) a;
            for (int b = 0; b < 256; b++) {
                two[1] = (byte) b;
                assertAgrees(two);
                three[1] = (byte) b;
                for (int c = 0; c < 256; c++) {
                    three[2] = (byte) c;
                    assertAgrees(three);
                }
            }
        }
        int[] edges = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xF4, 0xFF};
        byte[] four = new byte[4];
        for (int a = 0xC0; a < 256; a++) {
            four[0] = (byte) a;
            for (int b = 0; b < 256; b++) {
                four[1] = (byte) b;
                for (int c : edges) {
                    four[2] = (byte) c;
                    for (int d : edges) {
                        four[3] = (byte) d;
                        assertAgrees(four);
                    }
                }
            }
        }
    }

    private static void assertAgrees(byte[] bytes) {
        boolean valid = Utf8.firstInvalid(bytes) < 0;
        String decoded = Utf8.decode(bytes);
        if (valid != (decoded != null)) {
            throw new AssertionError("decode and firstInvalid disagree on " + toHex(bytes));
        }
    }

    private static String toHex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X ", b & 0xFF));
        }
        return hex.toString().trim();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "plain ASCII text", "what?", "???", "é", "日本", "\uD83D\uDE00", "aé日\uD83D\uDE00z?"})
    void encodesWellFormedText(String text) {
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Utf8.encode(text));
        assertEquals(Utf8.encodedLength(text), Utf8.encode(text).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD800", "\uDFFF", "a\uD800", "\uDC00\uD800", "é\uD800", "日\uDBFF?", "?\uDC00", "\uD83D\uDE00\uDE00"})
    void rejectsUnpairedSurrogates(String text) {
        assertNull(Utf8.encode(text));
        assertTrue(Utf8.encodedLength(text) < 0);
    }

    /** The word-at-a-time scan at every position of every length around the 8-byte words. */
    @Test
    void findsAnUnpairedSurrogateOrAQuestionMarkAtEveryPosition() {
        for (int length = 1; length <= 25; length++) {
            for (int at = 0; at < length; at++) {
                char[] chars = "abcdefghijklmnopqrstuvwxy".substring(0, length).toCharArray();
                chars[at] = '\uDC00';
                assertNull(Utf8.encode(new String(chars)), length + " chars, surrogate at " + at);
                chars[at] = '?';
                String withQuestionMark = new String(chars);
                assertArrayEquals(withQuestionMark.getBytes(StandardCharsets.UTF_8), Utf8.encode(withQuestionMark));
                assertTrue(Utf8.containsQuestionMark(withQuestionMark.getBytes(StandardCharsets.US_ASCII)));
            }
            assertFalse(Utf8.containsQuestionMark("abcdefghijklmnopqrstuvwxy".substring(0, length)
                    .getBytes(StandardCharsets.US_ASCII)));
        }
        assertFalse(Utf8.containsQuestionMark(new byte[0]));
        // Bytes next to '?' (0x3E, 0x40) and with the high bit set must not look like it.
        assertFalse(Utf8.containsQuestionMark(hex("3E 40 BF 7F 3E 40 BF 7F 3E 40 BF C0 00 FF 3E")));
    }
}
