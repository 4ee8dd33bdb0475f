package dev.witbind.wit.types;

import java.util.Objects;

/**
 * {@code list<T, N>} (a gated Component Model feature, 🔧): exactly {@code length} values, laid out like a tuple of
 * them. witbind reads and resolves it; the runtime and the processor refuse it by name.
 *
 * @param length the number of elements, an unsigned 32-bit number as wasm-tools reads it
 */
public record FixedListType(WitType element, long length) implements WitType {
    public FixedListType {
        Objects.requireNonNull(element, "element");
        if (length < 0 || length > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a fixed-length list has 0 to 2^32-1 elements, not " + length);
        }
    }

    @Override
    public String toString() {
        return "list<" + element + ", " + length + ">";
    }
}
