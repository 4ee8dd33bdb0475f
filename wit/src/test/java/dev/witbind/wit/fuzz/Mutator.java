package dev.witbind.wit.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

/**
 * Seeded byte and text mutations for the fuzz targets of every module (shared through wit's test jar): bit flips,
 * interesting bytes, LEB128 lengths made huge, truncations, duplicated and spliced ranges. Deterministic for a seed.
 */
public final class Mutator {
    private static final byte[] INTERESTING = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, (byte) 0xfe, 0x40, 0x60};

    private final Random random;

    public Mutator(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** One to four mutations of {@code original}, past its first {@code keep} bytes (a preamble worth keeping). */
    public byte[] mutate(byte[] original, int keep, List<byte[]> others) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && bytes.length > keep; i++) {
            int at = keep + random.nextInt(bytes.length - keep);
            switch (random.nextInt(7)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 2 -> bytes[at] = (byte) random.nextInt(256);
                case 3 -> bytes = hugeLeb128(bytes, at);
                case 4 -> bytes = java.util.Arrays.copyOf(bytes, at); // truncation
                case 5 -> bytes = duplicate(bytes, at);
                default -> bytes = splice(bytes, at, others.get(random.nextInt(others.size())));
            }
        }
        return bytes;
    }

    /**
     * Replaces the byte at {@code at} by a LEB128 of 2^k-1, k from 8 to 32: a count or length no input can back, of
     * every size from one a reader may well allocate for (2^24 elements, tens of MiB) to one it cannot.
     */
    private byte[] hugeLeb128(byte[] bytes, int at) {
        long value = (1L << (8 + random.nextInt(25))) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 4);
        out.write(bytes, 0, at);
        do {
            int low = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value == 0 ? low : low | 0x80);
        } while (value != 0);
        out.write(bytes, at + 1, bytes.length - at - 1);
        return out.toByteArray();
    }

    private byte[] duplicate(byte[] bytes, int at) {
        int length = Math.min(bytes.length - at, 1 + random.nextInt(64));
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + length);
        out.write(bytes, 0, at + length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    /** {@code bytes} up to {@code at}, then the rest of {@code other} from the same relative place. */
    private byte[] splice(byte[] bytes, int at, byte[] other) {
        int from = Math.min(other.length, (int) ((long) at * other.length / Math.max(1, bytes.length)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(at + other.length - from);
        out.write(bytes, 0, at);
        out.write(other, from, other.length - from);
        return out.toByteArray();
    }

    /** A text mutation: a character replaced, inserted or deleted, a range repeated, or one of {@code pieces} put in. */
    public String mutate(String text, List<String> pieces) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (at < out.length()) {
                        out.deleteCharAt(at);
                    }
                }
                case 1 -> out.insert(at, pieces.get(random.nextInt(pieces.size())));
                case 2 -> {
                    if (at < out.length()) {
                        out.setCharAt(at, (char) random.nextInt(0x3000));
                    }
                }
                case 3 -> {
                    int end = Math.min(out.length(), at + 1 + random.nextInt(8));
                    String range = out.substring(at, end);
                    out.insert(at, range.repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 20_000 : 8)));
                }
                default -> out.setLength(at);
            }
        }
        return out.toString();
    }
}
