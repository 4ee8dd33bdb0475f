package dev.witbind.wit.types;

import java.util.List;

/** {@code enum name { a, b, ... }}: a variant whose cases carry no payload. */
public record EnumType(String name, List<String> cases) implements WitType {
    public EnumType {
        cases = List.copyOf(cases);
        NamedTypes.checkLabels("enum", name, cases);
    }

    @Override
    public String toString() {
        return name;
    }
}
