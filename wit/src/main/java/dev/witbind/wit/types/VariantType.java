package dev.witbind.wit.types;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code variant name { case, case(type), ... }}: one of several cases, each with an optional payload. */
public record VariantType(String name, List<Case> cases) implements WitType {
    /** One case of a variant. */
    public record Case(String name, Optional<WitType> payload) {
        public Case {
            Objects.requireNonNull(payload, "payload");
        }

        public static Case of(String name) {
            return new Case(name, Optional.empty());
        }

        public static Case of(String name, WitType payload) {
            return new Case(name, Optional.of(payload));
        }
    }

    public VariantType {
        cases = List.copyOf(cases);
        NamedTypes.checkLabels("variant", name, cases.stream().map(Case::name).toList());
    }

    @Override
    public String toString() {
        return name;
    }
}
