package dev.witbind.component.model;

import dev.witbind.component.binary.Definition;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an instantiator needs to know of one component scope (the top-level component, or a component it defines)
 * to give the resources its canonical functions mention their run-time types: which resource sits at each index of
 * its type index space, and which resource each of its imported instances exports by name. Resource identities are
 * the validator's (see {@link ResourceIdentity}): one object per definition, import or instantiation, so that an
 * instantiator can map each to the run-time type of one instance.
 *
 * @param types the resource at each type index, {@code null} where the type is not a resource
 * @param importedInstances for each instance the scope imports, by import name: its exported resources by name
 * @param canonFunctions the scope's canonical functions with their component and core types, by definition
 *     (looked up by identity: two scopes can hold equal definitions)
 */
public record NestedScope(List<ResourceIdentity> types, Map<String, Map<String, ResourceIdentity>> importedInstances,
        Map<Definition.CanonDef, CanonFunction> canonFunctions) {
    public NestedScope {
        types = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(types)); // holds nulls
        importedInstances = Map.copyOf(importedInstances);
        canonFunctions = java.util.Collections.unmodifiableMap(Objects.requireNonNull(canonFunctions));
    }

    /** The resource at type index {@code index}, or {@code null}. */
    public ResourceIdentity typeAt(int index) {
        return index < types.size() ? types.get(index) : null;
    }
}
