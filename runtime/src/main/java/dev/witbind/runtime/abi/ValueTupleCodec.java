package dev.witbind.runtime.abi;

import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.types.WitType;
import java.util.List;

/**
 * The values a function passes at once, its parameters or its results, as the Canonical ABI moves them
 * ({@code lift_flat_values}, {@code lower_flat_values}): as flat core values when they flatten to at most
 * {@code maxFlat}, otherwise as one pointer to a tuple of them in memory.
 */
public final class ValueTupleCodec {
    private final List<ValueCodec> codecs;
    private final String what;
    private final int[] offsets;
    private final int[] flatOffsets;
    private final int flatCount;
    private final int alignment;
    private final int size;

    /**
     * @param types the types of the values, in order
     * @param what the tuple in messages, e.g. {@code "the result"}
     */
    public ValueTupleCodec(List<WitType> types, String what) {
        this.codecs = types.stream().map(ValueCodec::of).toList();
        this.what = what;
        this.offsets = CanonicalAbi.fieldOffsets(types);
        this.flatOffsets = new int[types.size()];
        int flat = 0;
        int align = 1;
        for (int i = 0; i < codecs.size(); i++) {
            flatOffsets[i] = flat;
            flat += codecs.get(i).flatCount();
            align = Math.max(align, codecs.get(i).alignment());
        }
        this.flatCount = flat;
        this.alignment = align;
        int last = codecs.size() - 1;
        this.size = last < 0 ? 0 : CanonicalAbi.alignTo(offsets[last] + codecs.get(last).size(), align);
    }

    /** The codec of each value. */
    public List<ValueCodec> codecs() {
        return codecs;
    }

    /** The number of core values the tuple flattens to, before the {@code maxFlat} rule. */
    public int flatCount() {
        return flatCount;
    }

    /** Whether the values travel through memory: they flatten to more than {@code maxFlat} core values. */
    public boolean byPointer(int maxFlat) {
        return flatCount > maxFlat;
    }

    /**
     * {@code lower_flat_values}: the core values for {@linkplain ValueCodec#validate validated} values; through
     * memory ({@code cabi_realloc}'d, as one pointer) when they flatten to more than {@code maxFlat}.
     */
    public long[] lower(LiftLowerContext cx, Object[] values, int maxFlat) {
        if (byPointer(maxFlat)) {
            int ptr = cx.allocate(alignment, size, what);
            for (int i = 0; i < codecs.size(); i++) {
                codecs.get(i).storeAt(cx, values[i], ptr + offsets[i]);
            }
            return new long[] {Integer.toUnsignedLong(ptr)};
        }
        long[] flat = new long[flatCount];
        for (int i = 0; i < codecs.size(); i++) {
            codecs.get(i).lowerFlat(cx, values[i], flat, flatOffsets[i]);
        }
        return flat;
    }

    /**
     * Stores the values as a tuple at {@code ptr}: how a function lowered into a guest returns results that flatten
     * to more than one core value, at the return pointer the guest passed.
     *
     * @throws dev.witbind.runtime.errors.WitTrapException when the pointer is misaligned or the tuple leaves memory
     */
    public void storeAt(LiftLowerContext cx, Object[] values, int ptr) {
        int at = cx.checkRange(ptr, size, alignment, what);
        for (int i = 0; i < codecs.size(); i++) {
            codecs.get(i).storeAt(cx, values[i], at + offsets[i]);
        }
    }

    /**
     * {@code lift_flat_values}: the values from core values; from the tuple {@code flat[0]} points to when they
     * flatten to more than {@code maxFlat}.
     *
     * @throws dev.witbind.runtime.errors.WitTrapException when the pointer or a value breaks a Canonical ABI rule
     */
    public Object[] lift(LiftLowerContext cx, long[] flat, int maxFlat) {
        Object[] values = new Object[codecs.size()];
        if (byPointer(maxFlat)) {
            int ptr = cx.checkRange((int) flat[0], size, alignment, what);
            for (int i = 0; i < values.length; i++) {
                values[i] = codecs.get(i).loadAt(cx, ptr + offsets[i]);
            }
            return values;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = codecs.get(i).liftFlat(cx, flat, flatOffsets[i]);
        }
        return values;
    }
}
