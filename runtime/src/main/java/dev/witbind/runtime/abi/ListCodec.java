package dev.witbind.runtime.abi;

import dev.witbind.wit.types.ListType;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code list<T>} for every {@code T} but {@code u8}, as a {@code java.util.List}: a pointer and an element count;
 * the elements in memory, {@code elem_size(T)} apart, aligned as {@code T}.
 */
final class ListCodec extends ValueCodec {
    private final ValueCodec element;
    private final String description;

    ListCodec(ListType type, ValueCodec element) {
        super(type);
        this.element = element;
        this.description = type.toString();
    }

    @Override
    void check(Object value, Path path) {
        List<?> list = expect(value, List.class, path);
        long byteLength = (long) list.size() * element.size();
        if (byteLength > MAX_LIST_BYTE_LENGTH) {
            throw invalid(path, "has " + list.size() + " elements of " + element.size() + " bytes, more than the "
                    + "Canonical ABI's limit of " + MAX_LIST_BYTE_LENGTH + " bytes");
        }
        int index = 0;
        for (Object item : list) {
            element.check(item, path.then("element " + index + " of " + description));
            index++;
        }
    }

    @Override
    public Object liftFlat(LiftLowerContext cx, long[] flat, int at) {
        return lift(cx, (int) flat[at], (int) flat[at + 1]);
    }

    @Override
    public void lowerFlat(LiftLowerContext cx, Object value, long[] flat, int at) {
        List<?> list = (List<?>) value;
        flat[at] = i32(lower(cx, list));
        flat[at + 1] = list.size();
    }

    @Override
    Object loadAt(LiftLowerContext cx, int ptr) {
        return lift(cx, cx.loadI32(ptr), cx.loadI32(ptr + 4));
    }

    @Override
    void storeAt(LiftLowerContext cx, Object value, int ptr) {
        List<?> list = (List<?>) value;
        // lower first: cabi_realloc runs guest code, and the pair is written once the elements are in place
        int elements = lower(cx, list);
        cx.storeI32(ptr, elements);
        cx.storeI32(ptr + 4, list.size());
    }

    /** {@code load_list_from_range}. */
    private List<Object> lift(LiftLowerContext cx, int ptr, int length) {
        cx.checkListRange(ptr, length, element.size(), element.alignment(), description);
        Object[] values = new Object[length];
        for (int i = 0; i < length; i++) {
            values[i] = element.loadAt(cx, ptr + i * element.size());
        }
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** {@code store_list_into_range}: the elements in memory from the guest's {@code cabi_realloc}; the pointer. */
    private int lower(LiftLowerContext cx, List<?> list) {
        int size = element.size();
        int ptr = cx.allocate(element.alignment(), list.size() * size, description);
        int address = ptr;
        for (Object item : list) {
            element.storeAt(cx, item, address);
            address += size;
        }
        return ptr;
    }
}
