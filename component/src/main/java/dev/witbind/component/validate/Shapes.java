package dev.witbind.component.validate;

import dev.witbind.component.binary.CoreModuleInfo;
import dev.witbind.component.model.ItemType;
import dev.witbind.component.model.ResourceIdentity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resolved types of the component-level index spaces other than values. */
final class Shapes {
    private Shapes() {}

    /** A resolved function type. */
    record Func(List<String> names, List<Vt> params, Optional<Vt> result) {
        Func {
            names = List.copyOf(names);
            params = List.copyOf(params);
        }

        int size() {
            long size = 1;
            for (Vt param : params) {
                size += param.size();
            }
            size += result.map(Vt::size).orElse(0);
            return (int) Math.min(size, Integer.MAX_VALUE);
        }
    }

    /** An entry of the type index space. */
    sealed interface TypeEntry {}

    /**
     * A value type; {@code origin} is set when the type was taken from an instance's export (an interface's type);
     * {@code parameter} names the {@code (eq ...)} type import of a nested component it came from, whose argument
     * then supplies the origin when the component is instantiated ({@code null} otherwise).
     */
    record ValueEntry(Vt type, Optional<ItemType.TypeOrigin> origin, String parameter) implements TypeEntry {
        ValueEntry(Vt type, Optional<ItemType.TypeOrigin> origin) {
            this(type, origin, null);
        }
    }

    record FuncEntry(Func type) implements TypeEntry {}

    /** A resource; {@code name} is the label of the import, export or alias that gave this index, if any. */
    record ResourceEntry(ResourceIdentity resource, String name) implements TypeEntry {}

    record InstanceEntry(Instance type) implements TypeEntry {}

    record ComponentEntry(Component type) implements TypeEntry {}

    record CoreModuleEntry(CoreModuleInfo type) implements TypeEntry {}

    /** What an import or export of a component, or an export of an instance, is. */
    sealed interface Extern {}

    record FuncExtern(Func type) implements Extern {}

    /** A type: a value type or a resource. */
    record TypeExtern(TypeEntry entry) implements Extern {}

    record InstanceExtern(Instance type) implements Extern {}

    record ComponentExtern(Component type) implements Extern {}

    record CoreModuleExtern(CoreModuleInfo type) implements Extern {}

    /** An instance type: named exports in order. */
    record Instance(Map<String, Extern> exports) {
        Instance {
            exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        }
    }

    /**
     * A component type. {@code abstractImports} are the placeholders of its {@code (sub resource)} imports, which
     * instantiation replaces by the resources supplied; {@code abstractExports} those of its exports, which each
     * instantiation makes fresh.
     */
    record Component(Map<String, Extern> imports, Map<String, Extern> exports,
            List<ResourceIdentity> abstractImports, List<ResourceIdentity> abstractExports) {
        Component {
            imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
            exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
            abstractImports = List.copyOf(abstractImports);
            abstractExports = List.copyOf(abstractExports);
        }
    }
}
