package dev.witbind.wit.types;

import java.util.Objects;

/** {@code list<T>}. */
public record ListType(WitType element) implements WitType {
    public ListType {
        Objects.requireNonNull(element, "element");
    }

    @Override
    public String toString() {
        return "list<" + element + ">";
    }
}
