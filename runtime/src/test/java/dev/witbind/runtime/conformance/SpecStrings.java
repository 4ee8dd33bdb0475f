package dev.witbind.runtime.conformance;

import dev.witbind.runtime.abi.StringEncoding;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The spec's {@code store_string_into_range} ({@code spec/CanonicalABI.md}) with sizes only, line by line: which
 * {@code realloc} calls it makes over the reference suite's heap, and the tagged code units it returns. Tests hold
 * witbind's lowering to it; the encoded lengths come from the JDK's charsets, not from witbind.
 */
public final class SpecStrings {
    /** {@code UTF16_TAG} of a 32-bit memory. */
    public static final int UTF16_TAG = 1 << 31;

    /** What storing a string does: the heap's log of {@code realloc} calls, and the tagged code units returned. */
    public record Stored(List<String> reallocs, int taggedCodeUnits) {}

    private final Heap heap;
    private final String src;

    private SpecStrings(Heap heap, String src) {
        this.heap = heap;
        this.src = src;
    }

    /**
     * {@code store_string_into_range(cx, (s, src_encoding, src_tagged_code_units))} with {@code cx}'s encoding
     * {@code dst} over a fresh suite heap of {@code capacity} bytes.
     */
    public static Stored store(StringEncoding srcEncoding, int srcTaggedCodeUnits, StringEncoding dst, String s,
            int capacity) {
        Heap heap = Heap.ofCapacity(capacity);
        SpecStrings spec = new SpecStrings(heap, s);
        String srcSimpleEncoding;
        int srcCodeUnits;
        if (srcEncoding == StringEncoding.LATIN1_UTF16) {
            if ((srcTaggedCodeUnits & UTF16_TAG) != 0) {
                srcSimpleEncoding = "utf16";
                srcCodeUnits = srcTaggedCodeUnits ^ UTF16_TAG;
            } else {
                srcSimpleEncoding = "latin1";
                srcCodeUnits = srcTaggedCodeUnits;
            }
        } else {
            srcSimpleEncoding = srcEncoding == StringEncoding.UTF8 ? "utf8" : "utf16";
            srcCodeUnits = srcTaggedCodeUnits;
        }
        int tagged = switch (dst) {
            case UTF8 -> switch (srcSimpleEncoding) {
                case "utf8" -> spec.storeStringCopy(srcCodeUnits, 1, 1);
                case "utf16" -> spec.storeStringToUtf8(srcCodeUnits, srcCodeUnits * 3);
                default -> spec.storeStringToUtf8(srcCodeUnits, srcCodeUnits * 2);
            };
            case UTF16 -> srcSimpleEncoding.equals("utf8")
                    ? spec.storeUtf8ToUtf16(srcCodeUnits)
                    : spec.storeStringCopy(srcCodeUnits, 2, 2);
            case LATIN1_UTF16 -> {
                if (srcEncoding != StringEncoding.LATIN1_UTF16) {
                    yield spec.storeStringToLatin1OrUtf16(srcCodeUnits);
                }
                yield srcSimpleEncoding.equals("latin1")
                        ? spec.storeStringCopy(srcCodeUnits, 1, 2)
                        : spec.storeProbablyUtf16ToLatin1OrUtf16(srcCodeUnits);
            }
        };
        return new Stored(heap.reallocs(), tagged);
    }

    private int storeStringCopy(int srcCodeUnits, int dstCodeUnitSize, int dstAlignment) {
        heap.realloc(0, 0, dstAlignment, dstCodeUnitSize * srcCodeUnits);
        return srcCodeUnits;
    }

    private int storeStringToUtf8(int srcCodeUnits, int worstCaseSize) {
        int ptr = heap.realloc(0, 0, 1, srcCodeUnits);
        if (src.codePoints().allMatch(c -> c < 0x80)) {
            return srcCodeUnits;
        }
        ptr = heap.realloc(ptr, srcCodeUnits, 1, worstCaseSize);
        int encoded = src.getBytes(StandardCharsets.UTF_8).length;
        if (worstCaseSize > encoded) {
            heap.realloc(ptr, worstCaseSize, 1, encoded);
        }
        return encoded;
    }

    private int storeUtf8ToUtf16(int srcCodeUnits) {
        int worstCaseSize = 2 * srcCodeUnits;
        int ptr = heap.realloc(0, 0, 2, worstCaseSize);
        int encoded = src.getBytes(StandardCharsets.UTF_16LE).length;
        if (encoded < worstCaseSize) {
            heap.realloc(ptr, worstCaseSize, 2, encoded);
        }
        return encoded / 2;
    }

    private int storeStringToLatin1OrUtf16(int srcCodeUnits) {
        int ptr = heap.realloc(0, 0, 2, srcCodeUnits);
        int dstByteLength = 0;
        for (int usv : src.codePoints().toArray()) {
            if (usv < (1 << 8)) {
                dstByteLength++;
                continue;
            }
            int worstCaseSize = 2 * srcCodeUnits;
            ptr = heap.realloc(ptr, srcCodeUnits, 2, worstCaseSize);
            int encoded = src.getBytes(StandardCharsets.UTF_16LE).length;
            if (worstCaseSize > encoded) {
                heap.realloc(ptr, worstCaseSize, 2, encoded);
            }
            return encoded / 2 | UTF16_TAG;
        }
        if (dstByteLength < srcCodeUnits) {
            heap.realloc(ptr, srcCodeUnits, 2, dstByteLength);
        }
        return dstByteLength;
    }

    private int storeProbablyUtf16ToLatin1OrUtf16(int srcCodeUnits) {
        int srcByteLength = 2 * srcCodeUnits;
        int ptr = heap.realloc(0, 0, 2, srcByteLength);
        int encoded = src.getBytes(StandardCharsets.UTF_16LE).length;
        if (src.codePoints().anyMatch(c -> c >= (1 << 8))) {
            return encoded / 2 | UTF16_TAG;
        }
        int latin1Size = encoded / 2;
        heap.realloc(ptr, srcByteLength, 1, latin1Size);
        return latin1Size;
    }
}
