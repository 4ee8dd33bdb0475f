package dev.witbind.runtime.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {

    /** Bytes from hex pairs separated by spaces, e.g. {@code "C3 A9"}. */
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
        "41 42 43 00 7F", // ASCII, NUL and DEL included
        "C2 80", // U+0080, the smallest 2-byte form
        "C3 A9 DF BF", // é, U+07FF
        "E0 A0 80", // U+0800, the smallest 3-byte form
        "E6 97 A5 ED 9F BF", // 日, U+D7FF (just below the surrogates)
        "EE 80 80 EF BF BF", // U+E000 (just above them), U+FFFF
        "F0 90 80 80", // U+10000, the smallest 4-byte form
        "F0 9F 98 80", // U+1F600
        "F4 8F BF BF", // U+10FFFF, the largest scalar value
        "61 C3 A9 E6 97 A5 F0 9F 98 80 7A",
    })
    void wellFormedUtf8IsValid(String bytes) {
        assertEquals(-1, Utf8.firstInvalid(hex(bytes)));
    }

    @ParameterizedTest(name = "{0} is invalid at byte {1}")
    @CsvSource({
        "C0 80, 0", // overlong NUL
        "C1 BF, 0", // overlong U+007F
        "41 E0 80 80, 1", // overlong 3-byte form of U+0000
        "E0 9F BF, 0", // overlong U+07FF
        "F0 8F BF BF, 0", // overlong U+FFFF
        "ED A0 80, 0", // U+D800, a surrogate
        "61 62 ED BF BF, 2", // U+DFFF
        "F4 90 80 80, 0", // U+110000, above the last code point
        "F5 80 80 80, 0",
        "F8 88 80 80 80, 0", // a 5-byte form
        "FF, 0",
        "80, 0", // a lone continuation byte
        "41 BF 41, 1",
        "C3, 0", // truncated 2-byte sequence
        "41 E6 97, 1", // truncated 3-byte sequence
        "F0 9F 98, 0", // truncated 4-byte sequence
        "E6 41 A5, 0", // a non-continuation byte inside a sequence
        "F0 9F 41 80, 0",
        "F0 9F 98 41, 0",
        "C3 A9 C3, 2", // valid, then truncated
    })
    void illFormedUtf8IsInvalidAtTheFirstBadSequence(String bytes, int index) {
        assertEquals(index, Utf8.firstInvalid(hex(bytes)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ASCII", "h\u00e9llo", "\u07ff\u0800", "\u65e5\u672c\u8a9e", "\ud7ff\ue000\uffff",
        "\uD83D\uDE00", "\uDBFF\uDFFF", "nul\0inside", "mixed \u00e9 \u65e5 \uD83D\uDE00 end"})
    void encodingMatchesTheJdkForWellFormedStrings(String text) {
        byte[] jdk = text.getBytes(StandardCharsets.UTF_8);

        int length = Utf8.encodedLength(text);

        assertEquals(jdk.length, length);
        byte[] encoded = Utf8.encode(text, length);
        assertArrayEquals(jdk, encoded);
        assertEquals(-1, Utf8.firstInvalid(encoded));
        assertEquals(text, new String(encoded, StandardCharsets.UTF_8));
    }

    @Test
    void encodedLengthCountsOneToFourBytesPerCodePoint() {
        assertEquals(0, Utf8.encodedLength(""));
        assertEquals(1, Utf8.encodedLength("\u007f"));
        assertEquals(2, Utf8.encodedLength("\u0080"));
        assertEquals(2, Utf8.encodedLength("\u07ff"));
        assertEquals(3, Utf8.encodedLength("\u0800"));
        assertEquals(3, Utf8.encodedLength("\uffff"));
        assertEquals(4, Utf8.encodedLength("\uD800\uDC00"));
        assertEquals(4, Utf8.encodedLength("\uDBFF\uDFFF"));
        assertArrayEquals(new byte[] {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
                Utf8.encode("\uDBFF\uDFFF", 4));
    }

    @ParameterizedTest(name = "unpaired surrogate in \"{0}\" at index {1}")
    @CsvSource({
        "'\uD800', 0", // lone high surrogate
        "'\uDC00', 0", // lone low surrogate
        "'ab\uD83D', 2", // high surrogate at the end
        "'a\uD83Db', 1", // high surrogate followed by a non-surrogate
        "'\uDE00\uD83D', 0", // a pair in the wrong order
        "'\uD83D\uDE00\uDE00', 2", // a valid pair, then a lone low surrogate
        "'\u00e9\uD83D\uD83D\uDE00', 1", // two high surrogates: the first is unpaired
    })
    void anUnpairedSurrogateGivesMinusOneMinusItsIndex(String text, int index) {
        assertEquals(-1 - index, Utf8.encodedLength(text));
    }
}
