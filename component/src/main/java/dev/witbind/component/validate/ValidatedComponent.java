package dev.witbind.component.validate;

import dev.witbind.component.binary.ComponentBinary;
import dev.witbind.component.model.CanonFunction;
import dev.witbind.component.model.ComponentItem;
import dev.witbind.component.model.NestedScope;
import java.util.List;
import java.util.Map;

/**
 * A component that passed validation, with its type-level model: its imports and exports in binary order with
 * their WIT types, and its canonical functions with their component and core types.
 */
public record ValidatedComponent(ComponentBinary binary, List<ComponentItem> imports, List<ComponentItem> exports,
        List<CanonFunction> canonFunctions, Map<ComponentBinary, NestedScope> scopes) {
    public ValidatedComponent {
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
        canonFunctions = List.copyOf(canonFunctions);
        scopes = java.util.Collections.unmodifiableMap(new java.util.IdentityHashMap<>(scopes));
    }
}
