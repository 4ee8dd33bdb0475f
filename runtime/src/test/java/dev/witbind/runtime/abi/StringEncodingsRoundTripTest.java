package dev.witbind.runtime.abi;

import static dev.witbind.wit.types.PrimitiveType.STRING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.runtime.Memory;
import dev.witbind.runtime.conformance.Heap;
import dev.witbind.runtime.conformance.SpecStrings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random strings (seeded, so a failure repeats) through every encoding: ASCII, Latin-1 only, the BMP, and beyond it
 * (surrogate pairs), with the edges of each UTF-8 and UTF-16 length class. Each string is lowered as the host's own
 * into each encoding, and as a value from each source encoding (the spec's transcoding routes) into each; the bytes
 * in memory must be the JDK's encoding of it, the {@code realloc} calls the spec's ({@link SpecStrings}), and lifting
 * must give the string back.
 */
class StringEncodingsRoundTripTest {
    private static final long SEED = 0x5EED_2026_1202L;
    private static final int STRINGS = 400;
    private static final int TAG = SpecStrings.UTF16_TAG;
    private static final int[] EDGES = {0, 0x7F, 0x80, 0xFF, 0x100, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
        0x10000, 0x1F600, 0x10FFFF};
    private static final ValueCodec CODEC = ValueCodec.of(STRING);

    @Test
    void randomStringsRoundTripThroughEveryEncodingFromEverySource() {
        Random random = new Random(SEED);
        for (int i = 0; i < STRINGS; i++) {
            String s = randomString(random);
            String which = "string " + i + " of seed " + Long.toHexString(SEED) + ": " + escape(s);
            for (StringEncoding dst : StringEncoding.values()) {
                hostString(s, dst, which);
                for (Object[] source : sources(s)) {
                    fromSource(s, (StringEncoding) source[0], (Integer) source[1], dst, which);
                }
            }
        }
    }

    /** The host's string: validated, lowered in one exact allocation, in the destination's bytes. */
    private static void hostString(String s, StringEncoding dst, String which) {
        Heap heap = new Heap();
        LiftLowerContext cx = heap.context(dst);
        CODEC.validate(s, "the value", dst);
        long[] flat = new long[2];
        CODEC.lowerFlat(cx, s, flat, 0);
        assertEquals(s, CODEC.liftFlat(cx, flat, 0), which);
        byte[] expected = encoded(dst, s, (int) flat[1]);
        int align = dst == StringEncoding.UTF8 ? 1 : 2;
        assertEquals(List.of("(0, 0, " + align + ", " + expected.length + ") -> 0"), heap.reallocs(), which);
        assertArrayEquals(expected, heap.bytes(0, expected.length), which);
    }

    /** {@code store_string_into_range} of {@code (s, src, tagged)}: the spec's calls and result, the right bytes. */
    private static void fromSource(String s, StringEncoding src, int tagged, StringEncoding dst, String which) {
        Heap heap = new Heap();
        LiftLowerContext cx = heap.context(dst);
        long stored = StringRanges.store(cx, s, src, tagged);
        int ptr = (int) stored;
        int length = (int) (stored >>> 32);
        String route = which + " from " + src + " " + Integer.toHexString(tagged) + " into " + dst;
        SpecStrings.Stored spec = SpecStrings.store(src, tagged, dst, s, Memory.PAGE_SIZE);
        assertEquals(spec.reallocs(), heap.reallocs(), route);
        assertEquals(spec.taggedCodeUnits(), length, route);
        assertEquals(s, cx.liftString(ptr, length), route);
        byte[] expected = encoded(dst, s, length);
        assertArrayEquals(expected, heap.bytes(ptr, ptr + expected.length), route);
    }

    /** Each source a value of {@code s} may come from, as {@code load_string} would describe it. */
    private static List<Object[]> sources(String s) {
        List<Object[]> sources = new ArrayList<>();
        sources.add(new Object[] {StringEncoding.UTF8, s.getBytes(StandardCharsets.UTF_8).length});
        sources.add(new Object[] {StringEncoding.UTF16, s.length()});
        sources.add(new Object[] {StringEncoding.LATIN1_UTF16, s.length() | TAG});
        if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(s)) {
            sources.add(new Object[] {StringEncoding.LATIN1_UTF16, s.length()});
        }
        return sources;
    }

    /** {@code s} in {@code encoding}, by the JDK; in {@code latin1+utf16}, in the half the length's tag says. */
    private static byte[] encoded(StringEncoding encoding, String s, int taggedLength) {
        return switch (encoding) {
            case UTF8 -> s.getBytes(StandardCharsets.UTF_8);
            case UTF16 -> s.getBytes(StandardCharsets.UTF_16LE);
            case LATIN1_UTF16 -> s.getBytes((taggedLength & TAG) != 0 ? StandardCharsets.UTF_16LE
                    : StandardCharsets.ISO_8859_1);
        };
    }

    /** Mostly short strings, some long; of ASCII, of Latin-1, of the BMP without surrogates, or of everything. */
    private static String randomString(Random random) {
        int length = random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(16);
        int kind = random.nextInt(4);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = switch (kind) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x100);
                case 2 -> {
                    int c = anyCodePoint(random);
                    yield c > 0xFFFF ? c & 0xD7FF : c;
                }
                default -> anyCodePoint(random);
            };
            s.appendCodePoint(codePoint);
        }
        return s.toString();
    }

    private static int anyCodePoint(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> EDGES[random.nextInt(EDGES.length)];
            case 1 -> random.nextInt(0x80);
            case 2 -> 0x80 + random.nextInt(0x80);
            case 3 -> 0x100 + random.nextInt(0xD800 - 0x100);
            case 4 -> 0xE000 + random.nextInt(0x2000);
            default -> 0x10000 + random.nextInt(0x100000);
        };
    }

    private static String escape(String s) {
        StringBuilder escaped = new StringBuilder("\"");
        s.codePoints().forEach(c -> escaped.append(c >= 0x20 && c < 0x7F ? Character.toString(c)
                : String.format("\\u{%X}", c)));
        return escaped.append('"').toString();
    }
}
