package dev.witbind.wit.types;

import java.util.List;
import java.util.Objects;

/** {@code record name { field: type, ... }}: named fields (WIT allows none). */
public record RecordType(String name, List<Field> fields) implements WitType {
    /** One field of a record. */
    public record Field(String name, WitType type) {
        public Field {
            Objects.requireNonNull(type, "type");
        }
    }

    public RecordType {
        fields = List.copyOf(fields);
        NamedTypes.checkLabels("record", name, fields.stream().map(Field::name).toList(), true);
    }

    @Override
    public String toString() {
        return name;
    }
}
