package dev.witbind.processor.model;

import dev.witbind.wit.names.Label;
import java.util.Objects;

/**
 * One parameter of a WIT function.
 *
 * @param javaName the Java parameter name, used for the local that holds the lifted argument
 * @param witName the WIT parameter name, a kebab-case label
 * @param type the parameter's Java and WIT types
 */
public record ParameterModel(String javaName, String witName, ValueType type) {
    public ParameterModel {
        Objects.requireNonNull(javaName, "javaName");
        Label.checkLabel(witName);
        Objects.requireNonNull(type, "type");
    }
}
