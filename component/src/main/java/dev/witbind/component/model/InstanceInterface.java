package dev.witbind.component.model;

import dev.witbind.wit.types.WitFunctionType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The exports of an instance type, in binary order: for an imported interface, what the component needs of it
 * (wit-component lists only the functions the core code imports); for an exported one, what it provides.
 */
public record InstanceInterface(Map<String, ItemType> members) {
    public InstanceInterface {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** The functions, by name ({@code log}, {@code [method]bucket.get}), in binary order. */
    public Map<String, WitFunctionType> functions() {
        Map<String, WitFunctionType> functions = new LinkedHashMap<>();
        members.forEach((name, type) -> {
            if (type instanceof ItemType.Function function) {
                functions.put(name, function.type());
            }
        });
        return Collections.unmodifiableMap(functions);
    }

    /** The resources, by label, in binary order. */
    public Map<String, ResourceIdentity> resources() {
        Map<String, ResourceIdentity> resources = new LinkedHashMap<>();
        members.forEach((name, type) -> {
            if (type instanceof ItemType.Resource resource) {
                resources.put(name, resource.resource());
            }
        });
        return Collections.unmodifiableMap(resources);
    }

    /** The named value types, by name, in binary order. */
    public Map<String, ItemType.ValueType> types() {
        Map<String, ItemType.ValueType> types = new LinkedHashMap<>();
        members.forEach((name, type) -> {
            if (type instanceof ItemType.ValueType value) {
                types.put(name, value);
            }
        });
        return Collections.unmodifiableMap(types);
    }

    /** The function with this name, if the instance has one. */
    public Optional<WitFunctionType> function(String name) {
        return members.get(name) instanceof ItemType.Function function ? Optional.of(function.type()) : Optional.empty();
    }
}
