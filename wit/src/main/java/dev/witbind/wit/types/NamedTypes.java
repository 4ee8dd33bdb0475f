package dev.witbind.wit.types;

import dev.witbind.wit.names.Label;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The checks every named type and every labelled member list shares. */
final class NamedTypes {
    private NamedTypes() {}

    /** Checks that {@code labels} is non-empty, each a label, and unique ignoring case (the Component Model's rule). */
    static void checkLabels(String what, String typeName, List<String> labels) {
        checkLabels(what, typeName, labels, false);
    }

    /**
     * As {@link #checkLabels(String, String, List)}, but {@code mayBeEmpty}: WIT accepts {@code record r {}} and
     * {@code flags f {}} (wasm-tools' wit-parser does; the Component Model's validator refuses them in binaries).
     */
    static void checkLabels(String what, String typeName, List<String> labels, boolean mayBeEmpty) {
        Label.checkLabel(typeName);
        if (labels.isEmpty() && !mayBeEmpty) {
            throw new IllegalArgumentException(what + " '" + typeName + "' must have at least one member");
        }
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            Label.checkLabel(label);
            if (!seen.add(label.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(what + " '" + typeName + "' has '" + label
                        + "' twice (member names must differ ignoring case)");
            }
        }
    }
}
