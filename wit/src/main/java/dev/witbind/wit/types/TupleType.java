package dev.witbind.wit.types;

import java.util.List;
import java.util.stream.Collectors;

/** {@code tuple<A, B, ...>} (WIT allows {@code tuple<>}, as wasm-tools' wit-parser does). */
public record TupleType(List<WitType> elements) implements WitType {
    public TupleType {
        elements = List.copyOf(elements);
    }

    @Override
    public String toString() {
        return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "tuple<", ">"));
    }
}
