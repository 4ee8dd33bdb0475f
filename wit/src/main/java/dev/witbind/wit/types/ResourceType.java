package dev.witbind.wit.types;

import dev.witbind.wit.names.Label;
import java.util.Objects;

/**
 * A resource type: identified by the interface that defines it and its name. Values of it travel only as handles
 * ({@link HandleType}).
 *
 * @param owner the defining interface's name, e.g. {@code wasi:io/streams@0.2.1}
 * @param name the resource's label, e.g. {@code output-stream}
 */
public record ResourceType(String owner, String name) {
    public ResourceType {
        Objects.requireNonNull(owner, "owner");
        Label.checkLabel(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
