package dev.witbind.runtime.abi;

import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.WitType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code record} (a {@code Map} keyed by field name) and {@code tuple} (a {@code List}), which the Canonical ABI
 * lays out alike: each field at the next multiple of its alignment, flattened one after the other.
 */
final class RecordCodec extends ValueCodec {
    private final List<ValueCodec> fields;
    /** The field names of a record; {@code null} for a tuple. */
    private final List<String> names;
    private final int[] offsets;
    private final int[] flatOffsets;
    private final String description;

    RecordCodec(WitType type, List<ValueCodec> fields) {
        super(type);
        this.fields = fields;
        this.names = type instanceof RecordType record
                ? record.fields().stream().map(RecordType.Field::name).toList()
                : null;
        this.offsets = CanonicalAbi.fieldOffsets(fields.stream().map(ValueCodec::type).toList());
        this.flatOffsets = new int[fields.size()];
        int flat = 0;
        for (int i = 0; i < flatOffsets.length; i++) {
            flatOffsets[i] = flat;
            flat += fields.get(i).flatCount();
        }
        this.description = describe(type);
    }

    @Override
    void check(Object value, Path path) {
        if (names == null) {
            List<?> tuple = expect(value, List.class, path);
            if (tuple.size() != fields.size()) {
                throw invalid(path, "has " + tuple.size() + " elements, not " + fields.size());
            }
            for (int i = 0; i < fields.size(); i++) {
                fields.get(i).check(tuple.get(i), path.then("element " + i + " of " + description));
            }
            return;
        }
        Map<?, ?> record = expect(value, Map.class, path);
        for (Object key : record.keySet()) {
            if (!names.contains(key)) {
                throw invalid(path, "has " + (key instanceof String ? "'" + key + "'" : String.valueOf(key))
                        + ", which is not a field of " + description + " (fields: " + String.join(", ", names) + ")");
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            String name = names.get(i);
            if (!record.containsKey(name)) {
                throw invalid(path, "has no field '" + name + "'");
            }
            fields.get(i).check(record.get(name), path.then("field '" + name + "' of " + description));
        }
    }

    @Override
    public Object liftFlat(LiftLowerContext cx, long[] flat, int at) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fields.get(i).liftFlat(cx, flat, at + flatOffsets[i]);
        }
        return make(values);
    }

    @Override
    public void lowerFlat(LiftLowerContext cx, Object value, long[] flat, int at) {
        for (int i = 0; i < fields.size(); i++) {
            fields.get(i).lowerFlat(cx, field(value, i), flat, at + flatOffsets[i]);
        }
    }

    @Override
    Object loadAt(LiftLowerContext cx, int ptr) {
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = fields.get(i).loadAt(cx, ptr + offsets[i]);
        }
        return make(values);
    }

    @Override
    void storeAt(LiftLowerContext cx, Object value, int ptr) {
        for (int i = 0; i < fields.size(); i++) {
            fields.get(i).storeAt(cx, field(value, i), ptr + offsets[i]);
        }
    }

    private Object field(Object value, int index) {
        return names == null ? ((List<?>) value).get(index) : ((Map<?, ?>) value).get(names.get(index));
    }

    private Object make(Object[] values) {
        if (names == null) {
            return List.of(values);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            record.put(names.get(i), values[i]);
        }
        return Collections.unmodifiableMap(record);
    }
}
