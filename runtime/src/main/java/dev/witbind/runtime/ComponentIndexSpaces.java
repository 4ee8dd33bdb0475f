package dev.witbind.runtime;

import dev.witbind.component.binary.ComponentBinary;
import dev.witbind.component.binary.Definition;
import dev.witbind.component.binary.Sort;
import dev.witbind.component.binary.SortIndex;
import dev.witbind.component.model.ItemType;
import dev.witbind.component.model.NestedScope;
import dev.witbind.component.model.ResourceIdentity;
import dev.witbind.runtime.LinkerInstance.FunctionDefinition;
import dev.witbind.runtime.abi.CanonicalOptions;
import dev.witbind.runtime.abi.GuestResource;
import dev.witbind.runtime.abi.InstanceState;
import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.engine.CoreExtern;
import dev.witbind.runtime.engine.CoreFunction;
import dev.witbind.runtime.engine.CoreInstance;
import dev.witbind.runtime.engine.CoreModule;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.WitFunctionType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a component's index spaces hold while {@link ComponentInstantiation} evaluates its definitions, and the
 * index spaces of one component instance ({@link Scope}): core functions, tables, memories and globals (an instance's
 * export or a function witbind makes), core instances, and component-level functions, instances, types and
 * components.
 */
final class ComponentIndexSpaces {
    private ComponentIndexSpaces() {}

    /** A core function, table, memory or global. */
    sealed interface CoreItem {}

    /** What a core instance exports, by name. */
    record Exported(CoreInstance instance, String name) implements CoreItem {
        CoreExtern extern() {
            return instance.export(name);
        }
    }

    /** A core function witbind makes: a lowered host function, or a resource built-in. */
    record HostCore(ImportHandle handle) implements CoreItem {}

    /** A core instance: instantiated, or a bag of items with names. */
    sealed interface CoreInst {
        CoreItem get(String name);
    }

    record Instantiated(CoreInstance instance) implements CoreInst {
        @Override
        public CoreItem get(String name) {
            return new Exported(instance, name);
        }
    }

    record CoreBag(Map<String, CoreItem> items) implements CoreInst {
        @Override
        public CoreItem get(String name) {
            return items.get(name);
        }
    }

    /** A component-level item: a function, an instance, a type, a component. */
    sealed interface Item permits HostFunc, Lifted, HostInstance, Bag, Resource, OtherType, Nested {}

    /** A function the host defines; {@code qualifiedName} is how errors name the import. */
    record HostFunc(FunctionDefinition<?> definition, String qualifiedName) implements Item {}

    /** A function the component lifts: what export callers call. */
    record Lifted(CoreFunction core, CanonicalOptions options, LiftLowerContext cx, WitFunctionType type)
            implements Item {}

    /** An instance the host provides (a top-level import). */
    record HostInstance(LinkerInstance instance, String name, ItemType.Instance type,
            Map<ResourceIdentity, ResourceType> resources) implements Item {}

    /** An instance made of items: an inline one, or what a nested component exports. */
    record Bag(Map<String, Item> items) implements Item {}

    /** A resource type, with its runtime identity. */
    record Resource(ResourceType type, GuestResource.Destructor destructor) implements Item {}

    /** Any other type: nothing at run time depends on it. */
    record OtherType() implements Item {}

    /** A nested component, with the scope it was defined in (for its outer aliases). */
    record Nested(ComponentBinary binary, Scope outer) implements Item {}

    /** The index spaces of one component being instantiated. */
    static final class Scope {
        final Scope parent;
        final boolean top;
        /** What the validator knows of this component's resources and canonical functions. */
        final NestedScope model;
        /** This component instance's handle table and may_leave (the top one's, or one of its own when nested). */
        final InstanceState state;
        /** Which component instance this is: 0 for the top one, then in the order they are made. */
        final int number;
        /** The run-time type of each resource the validator's identities stand for, in this instance. */
        final Map<ResourceIdentity, ResourceType> resources = new IdentityHashMap<>();
        /** How many of {@link #types} have had their resources recorded in {@link #resources}. */
        int recordedTypes;
        final List<CoreItem> coreFuncs = new ArrayList<>();
        final List<CoreItem> coreTables = new ArrayList<>();
        final List<CoreItem> coreMemories = new ArrayList<>();
        final List<CoreItem> coreGlobals = new ArrayList<>();
        final List<Definition.CoreModule> coreModules = new ArrayList<>();
        final List<CoreInst> coreInstances = new ArrayList<>();
        final List<Item> funcs = new ArrayList<>();
        final List<Item> types = new ArrayList<>();
        final List<Item> components = new ArrayList<>();
        final List<Item> instances = new ArrayList<>();
        final Map<String, Item> exports = new LinkedHashMap<>();

        Scope(Scope parent, boolean top, NestedScope model, InstanceState state, int number) {
            this.parent = parent;
            this.top = top;
            this.model = model;
            this.state = state;
            this.number = number;
        }

        List<CoreItem> core(Sort sort) {
            return switch (sort) {
                case CORE_FUNC -> coreFuncs;
                case CORE_TABLE -> coreTables;
                case CORE_MEMORY -> coreMemories;
                case CORE_GLOBAL -> coreGlobals;
                default -> throw new IllegalArgumentException("not a core item sort: " + sort);
            };
        }

        List<Item> items(Sort sort) {
            return switch (sort) {
                case FUNC -> funcs;
                case TYPE -> types;
                case COMPONENT -> components;
                case INSTANCE -> instances;
                default -> throw new IllegalArgumentException("not a component item sort: " + sort);
            };
        }

        Item item(SortIndex index) {
            return items(index.sort()).get(index.index());
        }
    }
}
