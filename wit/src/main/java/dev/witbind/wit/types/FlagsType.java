package dev.witbind.wit.types;

import java.util.List;

/** {@code flags name { a, b, ... }}: a set of named bits, at most 32 of them (WIT allows none). */
public record FlagsType(String name, List<String> flags) implements WitType {
    /** The Canonical ABI packs flags into one {@code i32} at most. */
    public static final int MAX_FLAGS = 32;

    public FlagsType {
        flags = List.copyOf(flags);
        NamedTypes.checkLabels("flags", name, flags, true);
        if (flags.size() > MAX_FLAGS) {
            throw new IllegalArgumentException("flags '" + name + "' has " + flags.size() + " flags; at most "
                    + MAX_FLAGS + " are allowed");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
