package dev.witbind.wit.types;

import dev.witbind.wit.names.Label;
import java.util.Objects;

/** A named function parameter; the name is a kebab-case label. */
public record WitParam(String name, WitType type) {
    public WitParam {
        Label.checkLabel(name);
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return name + ": " + type;
    }
}
