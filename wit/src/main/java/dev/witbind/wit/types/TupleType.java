package dev.witbind.wit.types;

import java.util.List;
import java.util.stream.Collectors;

/** {@code tuple<A, B, ...>}: at least one element. */
public record TupleType(List<WitType> elements) implements WitType {
    public TupleType {
        elements = List.copyOf(elements);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("a tuple has at least one element");
        }
    }

    @Override
    public String toString() {
        return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "tuple<", ">"));
    }
}
