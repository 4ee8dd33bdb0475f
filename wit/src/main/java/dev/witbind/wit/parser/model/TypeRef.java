package dev.witbind.wit.parser.model;

import java.util.Objects;

/**
 * A reference to a named type of another (or the same) interface or world: the owner's id (see
 * {@link WitInterfaceDef#id()}) and the name there. {@code use a.{t}} and {@code type u = t} keep one, so that
 * generators can emit a used type once, where it is defined, and refer to it elsewhere.
 */
public record TypeRef(String owner, String name) {
    public TypeRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return owner + "." + name;
    }
}
