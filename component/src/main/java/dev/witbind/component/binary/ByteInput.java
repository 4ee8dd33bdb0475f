package dev.witbind.component.binary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A bounded cursor over part of the input array. Every read checks the bound, so that truncation is our exception
 * with the offset, and every count is checked against the bytes left, so that no declared count makes a caller
 * allocate more than the input can back.
 */
final class ByteInput {
    private final byte[] data;
    private final int end;
    private final Section section;
    private int position;

    ByteInput(byte[] data, int start, int end, Section section) {
        this.data = data;
        this.position = start;
        this.end = end;
        this.section = section;
    }

    /** A cursor over the next {@code length} bytes, which this cursor skips. */
    ByteInput slice(int length, Section sliceSection) {
        if (length > remaining()) {
            throw error(Rule.SECTION_SIZE, "a size of " + length + " bytes, but only " + remaining() + " remain");
        }
        ByteInput slice = new ByteInput(data, position, position + length, sliceSection);
        position += length;
        return slice;
    }

    int position() {
        return position;
    }

    int end() {
        return end;
    }

    Section section() {
        return section;
    }

    int remaining() {
        return end - position;
    }

    boolean atEnd() {
        return position >= end;
    }

    int u8() {
        if (position >= end) {
            throw error(Rule.TRUNCATED, "the input ends where a byte was expected");
        }
        return data[position++] & 0xff;
    }

    /** The next byte without consuming it. */
    int peek() {
        if (position >= end) {
            throw error(Rule.TRUNCATED, "the input ends where a byte was expected");
        }
        return data[position] & 0xff;
    }

    void skip(int length) {
        if (length < 0 || length > remaining()) {
            throw error(Rule.TRUNCATED, "skipping " + length + " bytes, but only " + remaining() + " remain");
        }
        position += length;
    }

    /** An unsigned 32-bit LEB128 number, as a non-negative {@code long}. */
    long u32Long() {
        int start = position;
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 28 && (b & 0x70) != 0) {
                throw errorAt(start, Rule.LEB128, "an unsigned 32-bit number that does not fit in 32 bits");
            }
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            if (shift == 28) {
                throw errorAt(start, Rule.LEB128, "an unsigned 32-bit number longer than 5 bytes");
            }
        }
    }

    /**
     * An unsigned 32-bit number used as an index or size. Values above {@code Integer.MAX_VALUE} cannot index
     * anything this reader holds, so they are kept as {@code Integer.MAX_VALUE}: still out of bounds, never
     * negative.
     */
    int u32() {
        long value = u32Long();
        return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }

    /** An unsigned 64-bit LEB128 number (two's complement bits in a {@code long}). */
    long u64() {
        int start = position;
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = u8();
            if (shift == 63 && (b & 0x7e) != 0) {
                throw errorAt(start, Rule.LEB128, "an unsigned 64-bit number that does not fit in 64 bits");
            }
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            if (shift == 63) {
                throw errorAt(start, Rule.LEB128, "an unsigned 64-bit number longer than 10 bytes");
            }
        }
    }

    /** Skips a signed LEB128 number of at most {@code bits} bits, checking its length and unused bits. */
    void skipSigned(int bits) {
        int start = position;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0; ; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                // The last byte's unused bits must all repeat the sign bit.
                int usedBits = bits - 7 * i;
                int signAndUnused = (b & 0x7f) >> (usedBits - 1);
                int all = (1 << (8 - usedBits)) - 1;
                if ((b & 0x80) != 0 || (signAndUnused != 0 && signAndUnused != all)) {
                    throw errorAt(start, Rule.LEB128, "a signed " + bits + "-bit number that is too long or too large");
                }
                return;
            }
            if ((b & 0x80) == 0) {
                return;
            }
        }
    }

    /**
     * A vector's element count: at most one element for every {@code minBytesPerElement} bytes left, so that a
     * hostile count cannot make the caller allocate more than the input backs.
     */
    int count(int minBytesPerElement) {
        int start = position;
        long count = u32Long();
        if (count * minBytesPerElement > remaining()) {
            throw errorAt(start, Rule.COUNT, "a count of " + count + ", but only " + remaining()
                    + " bytes remain for the elements");
        }
        return (int) count;
    }

    /** A {@code name}: a length and that many bytes of well-formed UTF-8. */
    String name() {
        int start = position;
        long length = u32Long();
        if (length > remaining()) {
            throw errorAt(start, Rule.TRUNCATED, "a name of " + length + " bytes, but only " + remaining() + " remain");
        }
        int from = position;
        position += (int) length;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, from, (int) length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw errorAt(from, Rule.UTF8, "a name that is not well-formed UTF-8");
        }
    }

    void expectEnd(String what) {
        if (position != end) {
            throw error(Rule.SECTION_SIZE, (end - position) + " bytes left over at the end of " + what);
        }
    }

    ComponentFormatException error(Rule rule, String finding) {
        return new ComponentFormatException(position, section, rule, finding);
    }

    ComponentFormatException errorAt(int offset, Rule rule, String finding) {
        return new ComponentFormatException(offset, section, rule, finding);
    }
}
