package dev.witbind.runtime.abi;

import dev.witbind.wit.types.FlagsType;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code flags} as a {@code Set<String>} of the flags that are set: a bit vector of 1, 2 or 4 bytes, the first flag
 * in bit 0. Lifting ignores the bits beyond the declared flags ({@code unpack_flags_from_int}).
 */
final class FlagsCodec extends ValueCodec {
    private final List<String> flags;
    private final String description;

    FlagsCodec(FlagsType type) {
        super(type);
        this.flags = type.flags();
        this.description = describe(type);
    }

    @Override
    void check(Object value, Path path) {
        Set<?> set = expect(value, Set.class, path);
        for (Object flag : set) {
            if (!(flag instanceof String name) || !flags.contains(name)) {
                throw invalid(path, "has " + (flag instanceof String ? "'" + flag + "'" : String.valueOf(flag))
                        + ", which is not a flag of " + description + " (flags: " + String.join(", ", flags) + ")");
            }
        }
    }

    @Override
    public Object liftFlat(LiftLowerContext cx, long[] flat, int at) {
        return unpack((int) flat[at]);
    }

    @Override
    public void lowerFlat(LiftLowerContext cx, Object value, long[] flat, int at) {
        flat[at] = i32(pack((Set<?>) value));
    }

    @Override
    Object loadAt(LiftLowerContext cx, int ptr) {
        return unpack(switch (size()) {
            case 1 -> cx.loadI8(ptr) & 0xFF;
            case 2 -> cx.loadI16(ptr) & 0xFFFF;
            default -> cx.loadI32(ptr);
        });
    }

    @Override
    void storeAt(LiftLowerContext cx, Object value, int ptr) {
        int bits = pack((Set<?>) value);
        switch (size()) {
            case 1 -> cx.storeI8(ptr, (byte) bits);
            case 2 -> cx.storeI16(ptr, (short) bits);
            default -> cx.storeI32(ptr, bits);
        }
    }

    private int pack(Set<?> set) {
        int bits = 0;
        for (int i = 0; i < flags.size(); i++) {
            if (set.contains(flags.get(i))) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    private Set<String> unpack(int bits) {
        Set<String> set = new LinkedHashSet<>();
        for (int i = 0; i < flags.size(); i++) {
            if ((bits & (1 << i)) != 0) {
                set.add(flags.get(i));
            }
        }
        return Collections.unmodifiableSet(set);
    }
}
