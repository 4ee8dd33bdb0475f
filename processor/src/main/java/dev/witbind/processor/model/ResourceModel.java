package dev.witbind.processor.model;

import com.palantir.javapoet.ClassName;
import dev.witbind.wit.names.Label;
import dev.witbind.wit.types.ResourceType;
import java.util.Objects;

/**
 * A {@code @WitResource} class nested in the {@code @WitInterface} class: the bindings define its
 * {@code [resource-drop]} function and a {@link ResourceType} constant for its handles.
 *
 * @param javaClass the resource class
 * @param type the WIT resource, owned by the interface
 */
public record ResourceModel(ClassName javaClass, ResourceType type) {
    public ResourceModel {
        Objects.requireNonNull(javaClass, "javaClass");
        Objects.requireNonNull(type, "type");
        Label.checkLabel(type.name());
    }

    /** {@code [resource-drop]r}: the function a guest imports to drop a handle. */
    public String dropFunctionName() {
        return "[resource-drop]" + type.name();
    }
}
