package dev.witbind.runtime.abi;

import dev.witbind.runtime.errors.WitTrapException;

/**
 * The Canonical ABI's strings beyond the UTF-8 fast path of {@link LiftLowerContext}: {@code load_string_from_range}
 * for {@code utf16} and {@code latin1+utf16}, and {@code store_string_into_range} into every encoding, with the
 * spec's traps and exactly its sequence of {@code realloc} calls. {@code LiftLowerContext} dispatches here when its
 * function's string encoding is not UTF-8.
 *
 * <p>Lowering has two entries. {@link #lowerHostString} lowers the host's own strings, choosing the source encoding
 * that makes the spec's {@code store_string_into_range} cheapest (its comment says why). {@link #store} is that
 * function for a string whose source encoding and length in code units are given, as they are for a string that
 * comes from another component; every one of the spec's routes, the transcoding ones included, runs there, and the
 * conformance port checks their {@code realloc} calls against the reference suite's heap.
 */
final class StringRanges {
    /** {@code utf16_tag} of a 32-bit memory: in {@code latin1+utf16}, the length's top bit says UTF-16. */
    static final int UTF16_TAG = 1 << 31;

    private static final long MAX_BYTES = ValueCodec.MAX_STRING_BYTE_LENGTH;

    /** The spec's simple source encodings: {@code latin1+utf16} is split into its two halves by the tag bit. */
    private enum Source {
        UTF8,
        UTF16,
        LATIN1
    }

    private StringRanges() {}

    // ---- lifting ----------------------------------------------------------------------------------------------

    /**
     * {@code load_string_from_range} for {@code utf16} and {@code latin1+utf16}: the length limit, then alignment 2
     * (for Latin-1 too), then bounds, then the code units, which must be valid UTF-16 (Latin-1 always is).
     *
     * @param taggedCodeUnits the length in code units; in {@code latin1+utf16}, with {@link #UTF16_TAG} for UTF-16
     * @throws WitTrapException saying which rule the string breaks and where it is
     */
    static String lift(LiftLowerContext cx, StringEncoding encoding, int ptr, int taggedCodeUnits) {
        boolean utf16 = encoding == StringEncoding.UTF16 || (taggedCodeUnits & UTF16_TAG) != 0;
        long codeUnits = encoding == StringEncoding.UTF16 ? Integer.toUnsignedLong(taggedCodeUnits)
                : taggedCodeUnits & ~UTF16_TAG;
        long byteLength = utf16 ? 2 * codeUnits : codeUnits;
        String what = describe(encoding, utf16);
        long start = Integer.toUnsignedLong(ptr);
        if (byteLength > MAX_BYTES) {
            String tag = encoding == StringEncoding.LATIN1_UTF16 && utf16
                    ? String.format(" (length 0x%X, the tag bit set)", Integer.toUnsignedLong(taggedCodeUnits)) : "";
            String length = utf16 ? codeUnits + " code units (" + byteLength + " bytes)" : byteLength + " bytes";
            throw new WitTrapException(String.format("the %s at 0x%X%s is %s long, more than the Canonical ABI's "
                    + "limit of %d bytes", what, start, tag, length, MAX_BYTES));
        }
        cx.checkLiftedRange(ptr, byteLength, 2, what);
        byte[] bytes = cx.memory().array();
        if (!utf16) {
            return Latin1.decode(bytes, ptr, (int) byteLength);
        }
        String text = Utf16.decode(bytes, ptr, (int) codeUnits);
        if (text == null) {
            int at = Utf16.firstUnpaired(bytes, ptr, (int) codeUnits);
            throw new WitTrapException(String.format("invalid UTF-16 at code unit %d of the %d-code-unit %s at 0x%X: "
                    + "unpaired surrogate 0x%04X", at, codeUnits, what, start, (int) Utf16.codeUnit(bytes, ptr, at)));
        }
        return text;
    }

    // ---- lowering the host's strings --------------------------------------------------------------------------

    /**
     * {@code lowerString} for {@code utf16} and {@code latin1+utf16}: the host's {@code String} into guest memory.
     *
     * <p>The spec's {@code store_string_into_range} takes its source encoding from the value, and the host may
     * present its strings in whichever it likes; the cheapest is the one the JVM's compact strings already hold,
     * Latin-1 or UTF-16, because then every route below is one {@code realloc} call of the exact size and a plain
     * copy, where the transcoding routes allocate a guess and reallocate (UTF-8 is the exception:
     * {@code LiftLowerContext} presents UTF-8, because the JDK's intrinsic encoder gives the exact byte length up
     * front). Into {@code utf16}, the host presents UTF-16, {@code String.length()} code units:
     * {@code store_string_copy} (Latin-1 text takes that same route). Into {@code latin1+utf16}, it presents
     * {@code latin1+utf16}, tagged as the JVM would store the string: Latin-1 text takes {@code store_string_copy}
     * as Latin-1; other text {@code store_probably_utf16_to_latin1_or_utf16}, which allocates exactly its UTF-16 and,
     * as such text has a character beyond Latin-1, never narrows it. Presenting UTF-16 there instead would cost a
     * second {@code realloc} for every string beyond Latin-1 ({@code store_string_to_latin1_or_utf16} guesses
     * Latin-1 first).
     *
     * @return the pointer in the low 32 bits, the tagged code units in the high 32 bits
     * @throws HostValueException for an unpaired surrogate or a string longer than the Canonical ABI's limit, before
     *     anything is allocated
     */
    static long lowerHostString(LiftLowerContext cx, StringEncoding encoding, String value) {
        int length = value.length();
        if (encoding == StringEncoding.LATIN1_UTF16 && Latin1.fits(value)) {
            checkHostLength(length, encoding, "Latin-1");
            return copyLatin1(cx, value, length);
        }
        int unpaired = Utf16.firstUnpaired(value);
        if (unpaired >= 0) {
            throw new HostValueException("returned a string with an unpaired surrogate at index " + unpaired
                    + " of a string, which cannot be encoded as UTF-16");
        }
        checkHostLength(2L * length, encoding, "UTF-16");
        return encoding == StringEncoding.UTF16
                ? copyUtf16(cx, value, length)
                : probablyUtf16ToLatin1OrUtf16(cx, value, length);
    }

    private static void checkHostLength(long byteLength, StringEncoding encoding, String as) {
        if (byteLength > MAX_BYTES) {
            throw new HostValueException("returned a string of " + byteLength + " bytes in " + name(encoding)
                    + (encoding == StringEncoding.UTF16 ? "" : " (as " + as + ")")
                    + ", more than the Canonical ABI's limit of " + MAX_BYTES);
        }
    }

    /**
     * The bytes the host's string takes in {@code encoding} ({@code utf16} or {@code latin1+utf16}) as
     * {@link #lowerHostString} lowers it, for validating a value before it is lowered.
     */
    static long hostByteLength(String value, StringEncoding encoding) {
        int length = value.length();
        return encoding == StringEncoding.LATIN1_UTF16 && Latin1.fits(value) ? length : 2L * length;
    }

    // ---- store_string_into_range ------------------------------------------------------------------------------

    /**
     * {@code store_string_into_range} of the string value {@code (value, sourceEncoding, sourceTaggedCodeUnits)}
     * into {@code cx}'s memory and encoding: the spec's case analysis, each case its {@code store_*} function.
     *
     * @return the pointer in the low 32 bits, the tagged code units in the high 32 bits
     * @throws IllegalArgumentException when the source encoding and length do not describe {@code value} as
     *     {@code load_string} would have (the spec asserts they do), or the source is longer than the Canonical
     *     ABI's limit
     * @throws HostValueException when {@code value} has an unpaired surrogate
     * @throws WitTrapException when {@code realloc} is missing or returns a misaligned or out-of-bounds pointer
     */
    static long store(LiftLowerContext cx, String value, StringEncoding sourceEncoding, int sourceTaggedCodeUnits) {
        int unpaired = Utf16.firstUnpaired(value);
        if (unpaired >= 0) {
            throw new HostValueException("a string with an unpaired surrogate at index " + unpaired
                    + " is not a Unicode string");
        }
        Source source;
        int codeUnits;
        if (sourceEncoding == StringEncoding.LATIN1_UTF16) {
            boolean utf16 = (sourceTaggedCodeUnits & UTF16_TAG) != 0;
            source = utf16 ? Source.UTF16 : Source.LATIN1;
            codeUnits = utf16 ? sourceTaggedCodeUnits ^ UTF16_TAG : sourceTaggedCodeUnits;
        } else {
            source = sourceEncoding == StringEncoding.UTF8 ? Source.UTF8 : Source.UTF16;
            codeUnits = sourceTaggedCodeUnits;
        }
        checkSource(value, source, codeUnits);

        return switch (cx.stringEncoding()) {
            case UTF8 -> switch (source) {
                case UTF8 -> copyUtf8(cx, value);
                case UTF16 -> toUtf8(cx, value, codeUnits, 3 * codeUnits); // store_utf16_to_utf8
                case LATIN1 -> toUtf8(cx, value, codeUnits, 2 * codeUnits); // store_latin1_to_utf8
            };
            case UTF16 -> source == Source.UTF8 ? utf8ToUtf16(cx, value, codeUnits) : copyUtf16(cx, value, codeUnits);
            case LATIN1_UTF16 -> {
                if (sourceEncoding != StringEncoding.LATIN1_UTF16) {
                    yield toLatin1OrUtf16(cx, value, codeUnits);
                }
                yield source == Source.LATIN1
                        ? copyLatin1(cx, value, codeUnits)
                        : probablyUtf16ToLatin1OrUtf16(cx, value, codeUnits);
            }
        };
    }

    /** That {@code codeUnits} in {@code source} are {@code value}'s length there, and within the limit. */
    private static void checkSource(String value, Source source, int codeUnits) {
        long actual = switch (source) {
            case UTF8 -> Utf8.encodedLength(value);
            case UTF16 -> value.length();
            case LATIN1 -> Latin1.fits(value) ? value.length() : -1;
        };
        if (actual != Integer.toUnsignedLong(codeUnits)) {
            throw new IllegalArgumentException(actual < 0
                    ? "the string is not Latin-1, but its source encoding says it is"
                    : "the string is " + actual + " code units long in " + source + ", not " + codeUnits);
        }
        long byteLength = source == Source.UTF16 ? 2 * actual : actual;
        if (byteLength > MAX_BYTES) {
            throw new IllegalArgumentException("the string is " + byteLength + " bytes long in " + source
                    + ", more than the Canonical ABI's limit of " + MAX_BYTES);
        }
    }

    /** {@code store_string_copy} into UTF-8, from UTF-8: one exact allocation, as {@code lowerString} makes. */
    private static long copyUtf8(LiftLowerContext cx, String value) {
        byte[] encoded = Utf8.encode(value);
        return pack(cx.lowerBytes(encoded, "string"), encoded.length);
    }

    /** {@code store_string_copy} into UTF-16, from UTF-16 or Latin-1: one exact allocation. */
    private static long copyUtf16(LiftLowerContext cx, String value, int codeUnits) {
        int ptr = cx.allocate(2, 2 * codeUnits, "utf16 string");
        Utf16.encode(value, 0, cx.memory().array(), ptr);
        return pack(ptr, codeUnits);
    }

    /** {@code store_string_copy} into {@code latin1+utf16} as Latin-1, from Latin-1: one exact allocation. */
    private static long copyLatin1(LiftLowerContext cx, String value, int codeUnits) {
        int ptr = cx.allocate(2, codeUnits, "latin1+utf16 string");
        Latin1.encode(value, cx.memory().array(), ptr);
        return pack(ptr, codeUnits);
    }

    /**
     * {@code store_string_to_utf8} ({@code store_utf16_to_utf8}, {@code store_latin1_to_utf8}): guesses one byte per
     * code unit, copies while the text is ASCII, and at the first other character reallocates to the worst case,
     * writes the rest and shrinks to the UTF-8's length.
     */
    private static long toUtf8(LiftLowerContext cx, String value, int codeUnits, int worstCase) {
        String what = "string";
        int ptr = cx.allocate(1, codeUnits, what);
        byte[] bytes = cx.memory().array();
        int n = value.length();
        for (int i = 0; i < n; i++) { // an ASCII prefix: i counts chars, code points and bytes alike
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes[ptr + i] = (byte) c;
                continue;
            }
            ptr = cx.reallocate(ptr, codeUnits, 1, worstCase, what);
            byte[] encoded = Utf8.encode(value);
            System.arraycopy(encoded, i, cx.memory().array(), ptr + i, encoded.length - i);
            if (worstCase > encoded.length) {
                ptr = cx.reallocate(ptr, worstCase, 1, encoded.length, what);
            }
            return pack(ptr, encoded.length);
        }
        return pack(ptr, codeUnits);
    }

    /**
     * {@code store_utf8_to_utf16}: allocates two bytes per UTF-8 byte, the worst case, writes the UTF-16 and
     * shrinks when it is shorter.
     */
    private static long utf8ToUtf16(LiftLowerContext cx, String value, int codeUnits) {
        String what = "utf16 string";
        int worstCase = 2 * codeUnits;
        int ptr = cx.allocate(2, worstCase, what);
        Utf16.encode(value, 0, cx.memory().array(), ptr);
        int length = 2 * value.length();
        if (length < worstCase) {
            ptr = cx.reallocate(ptr, worstCase, 2, length, what);
        }
        return pack(ptr, value.length());
    }

    /**
     * {@code store_string_to_latin1_or_utf16}: guesses Latin-1, one byte per source code unit; at the first
     * character beyond Latin-1 reallocates to two bytes per code unit, widens what it wrote in place, writes the
     * rest as UTF-16 and shrinks to its length; when all of it was Latin-1, shrinks to that.
     */
    private static long toLatin1OrUtf16(LiftLowerContext cx, String value, int codeUnits) {
        String what = "latin1+utf16 string";
        int ptr = cx.allocate(2, codeUnits, what);
        byte[] bytes = cx.memory().array();
        int n = value.length();
        for (int i = 0; i < n; i++) { // a Latin-1 prefix: i counts chars, code points and bytes alike
            char c = value.charAt(i);
            if (c < 0x100) {
                bytes[ptr + i] = (byte) c;
                continue;
            }
            int worstCase = 2 * codeUnits;
            ptr = cx.reallocate(ptr, codeUnits, 2, worstCase, what);
            bytes = cx.memory().array();
            Latin1.inflateInPlace(bytes, ptr, i);
            Utf16.encode(value, i, bytes, ptr + 2 * i);
            int length = 2 * n;
            if (worstCase > length) {
                ptr = cx.reallocate(ptr, worstCase, 2, length, what);
            }
            return pack(ptr, n | UTF16_TAG);
        }
        if (n < codeUnits) {
            ptr = cx.reallocate(ptr, codeUnits, 2, n, what);
        }
        return pack(ptr, n);
    }

    /**
     * {@code store_probably_utf16_to_latin1_or_utf16}: allocates the UTF-16 exactly and writes it, noting as it goes
     * whether every character was Latin-1; if so, narrows it in place and shrinks (with alignment 1, as the spec
     * does) to one byte per character.
     */
    private static long probablyUtf16ToLatin1OrUtf16(LiftLowerContext cx, String value, int codeUnits) {
        String what = "latin1+utf16 string";
        int byteLength = 2 * codeUnits;
        int ptr = cx.allocate(2, byteLength, what);
        int bits = Utf16.encode(value, 0, cx.memory().array(), ptr);
        if (bits >= 0x100) {
            return pack(ptr, codeUnits | UTF16_TAG);
        }
        Latin1.deflateInPlace(cx.memory().array(), ptr, codeUnits);
        ptr = cx.reallocate(ptr, byteLength, 1, codeUnits, what);
        return pack(ptr, codeUnits);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** A pointer and a length as {@code lowerString} returns them. */
    private static long pack(int ptr, int taggedCodeUnits) {
        return Integer.toUnsignedLong(ptr) | (long) taggedCodeUnits << 32;
    }

    /** A string of {@code encoding} in messages, with the half of {@code latin1+utf16} it is in. */
    private static String describe(StringEncoding encoding, boolean utf16) {
        return encoding == StringEncoding.UTF16 ? "utf16 string"
                : "latin1+utf16 string in " + (utf16 ? "UTF-16" : "Latin-1");
    }

    /** The spec's name of the {@code string-encoding} option. */
    static String name(StringEncoding encoding) {
        return switch (encoding) {
            case UTF8 -> "utf8";
            case UTF16 -> "utf16";
            case LATIN1_UTF16 -> "latin1+utf16";
        };
    }
}
