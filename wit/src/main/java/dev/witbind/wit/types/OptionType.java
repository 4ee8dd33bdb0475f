package dev.witbind.wit.types;

import java.util.Objects;

/** {@code option<T>}. */
public record OptionType(WitType some) implements WitType {
    public OptionType {
        Objects.requireNonNull(some, "some");
    }

    @Override
    public String toString() {
        return "option<" + some + ">";
    }
}
