package dev.witbind.wit.types;

import java.util.Objects;

/** {@code own<r>} or {@code borrow<r>}: a handle to a resource. */
public record HandleType(Ownership ownership, ResourceType resource) implements WitType {
    /** Whether the handle moves ownership or lends the resource for the duration of a call. */
    public enum Ownership {
        OWN,
        BORROW
    }

    public HandleType {
        Objects.requireNonNull(ownership, "ownership");
        Objects.requireNonNull(resource, "resource");
    }

    public static HandleType own(ResourceType resource) {
        return new HandleType(Ownership.OWN, resource);
    }

    public static HandleType borrow(ResourceType resource) {
        return new HandleType(Ownership.BORROW, resource);
    }

    /** {@code r} for an owned handle (WIT's shorthand), {@code borrow<r>} for a borrowed one. */
    @Override
    public String toString() {
        return ownership == Ownership.OWN ? resource.name() : "borrow<" + resource.name() + ">";
    }
}
