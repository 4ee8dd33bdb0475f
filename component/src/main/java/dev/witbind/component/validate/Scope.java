package dev.witbind.component.validate;

import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.component.binary.CoreExternDesc;
import dev.witbind.component.binary.CoreExternType;
import dev.witbind.component.binary.CoreFuncType;
import dev.witbind.component.binary.CoreModuleInfo;
import dev.witbind.component.binary.Rule;
import dev.witbind.component.binary.Section;
import dev.witbind.component.binary.Sort;
import dev.witbind.component.model.ResourceIdentity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The index spaces of one scope (a component, a component type or an instance type), built as its definitions are
 * validated, in order: every index refers backwards.
 */
final class Scope {
    enum Kind {
        COMPONENT("a component"),
        COMPONENT_TYPE("a component type"),
        INSTANCE_TYPE("an instance type");

        final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    final Scope parent;
    final Kind kind;

    final List<CoreFuncType> coreFuncs = new ArrayList<>();
    final List<CoreExternDesc.Table> coreTables = new ArrayList<>();
    final List<CoreExternDesc.Memory> coreMemories = new ArrayList<>();
    final List<CoreExternDesc.Global> coreGlobals = new ArrayList<>();
    final List<CoreFuncType> coreTags = new ArrayList<>();
    /** Each a {@link CoreFuncType} or, for a module type, a {@link CoreModuleInfo}. */
    final List<Object> coreTypes = new ArrayList<>();
    final List<CoreModuleInfo> coreModules = new ArrayList<>();
    final List<Map<String, CoreExternType>> coreInstances = new ArrayList<>();
    final List<Shapes.Func> funcs = new ArrayList<>();
    final List<Shapes.TypeEntry> types = new ArrayList<>();
    final List<Shapes.Instance> instances = new ArrayList<>();
    /** For each instance, the import name it came from, or {@code null}. */
    final List<String> instanceOrigins = new ArrayList<>();
    final List<Shapes.Component> components = new ArrayList<>();

    /** The resources this scope defines, which alone may use resource.new and resource.rep. */
    final Set<ResourceIdentity> defined = Collections.newSetFromMap(new IdentityHashMap<>());

    final NameRules.UniqueNames importNames = new NameRules.UniqueNames("import");
    final NameRules.UniqueNames exportNames = new NameRules.UniqueNames("export");
    /** Resources introduced by imports, and by exports, by label: what [method]r.m and the others refer to. */
    final Map<String, ResourceIdentity> importedResources = new java.util.HashMap<>();
    final Map<String, ResourceIdentity> exportedResources = new java.util.HashMap<>();
    /** Resources with an externally visible name: imported or exported as types, or by an instance. */
    final Set<ResourceIdentity> visible = Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<String, Shapes.Extern> imports = new LinkedHashMap<>();
    final Map<String, Shapes.Extern> exports = new LinkedHashMap<>();
    final List<ResourceIdentity> abstractImports = new ArrayList<>();
    final List<ResourceIdentity> abstractExports = new ArrayList<>();
    /** The canonical functions defined here, by definition (identity: another scope may hold an equal one). */
    final Map<dev.witbind.component.binary.Definition.CanonDef, dev.witbind.component.model.CanonFunction>
            canonFunctions = new IdentityHashMap<>();

    Scope(Scope parent, Kind kind) {
        this.parent = parent;
        this.kind = kind;
    }

    /** The entry at {@code index} of a space, or the INDEX rule's exception. */
    static <T> T get(List<T> space, int index, Sort sort, int offset, Section section) {
        if (index < 0 || index >= space.size()) {
            throw new ComponentFormatException(offset, section, Rule.INDEX, sort + " index " + index
                    + " is out of bounds (" + space.size() + " defined so far)");
        }
        return space.get(index);
    }

    /** How many items of {@code sort} the scope has so far. */
    int count(Sort sort) {
        return switch (sort) {
            case CORE_FUNC -> coreFuncs.size();
            case CORE_TABLE -> coreTables.size();
            case CORE_MEMORY -> coreMemories.size();
            case CORE_GLOBAL -> coreGlobals.size();
            case CORE_TAG -> coreTags.size();
            case CORE_TYPE -> coreTypes.size();
            case CORE_MODULE -> coreModules.size();
            case CORE_INSTANCE -> coreInstances.size();
            case FUNC -> funcs.size();
            case TYPE -> types.size();
            case INSTANCE -> instances.size();
            case COMPONENT -> components.size();
            case VALUE -> 0;
        };
    }
}
