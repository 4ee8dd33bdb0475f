package dev.witbind.runtime;

import dev.witbind.component.binary.Alias;
import dev.witbind.component.binary.Canon;
import dev.witbind.component.binary.CanonOptions;
import dev.witbind.component.binary.ComponentBinary;
import dev.witbind.component.binary.DefType;
import dev.witbind.component.binary.Definition;
import dev.witbind.component.binary.Sort;
import dev.witbind.component.model.CanonFunction;
import dev.witbind.component.model.ComponentItem;
import dev.witbind.component.model.ItemType;
import dev.witbind.component.model.ResourceIdentity;
import dev.witbind.runtime.ComponentIndexSpaces.Bag;
import dev.witbind.runtime.ComponentIndexSpaces.CoreBag;
import dev.witbind.runtime.ComponentIndexSpaces.CoreInst;
import dev.witbind.runtime.ComponentIndexSpaces.CoreItem;
import dev.witbind.runtime.ComponentIndexSpaces.Exported;
import dev.witbind.runtime.ComponentIndexSpaces.HostCore;
import dev.witbind.runtime.ComponentIndexSpaces.HostFunc;
import dev.witbind.runtime.ComponentIndexSpaces.HostInstance;
import dev.witbind.runtime.ComponentIndexSpaces.Instantiated;
import dev.witbind.runtime.ComponentIndexSpaces.Item;
import dev.witbind.runtime.ComponentIndexSpaces.Lifted;
import dev.witbind.runtime.ComponentIndexSpaces.Nested;
import dev.witbind.runtime.ComponentIndexSpaces.OtherType;
import dev.witbind.runtime.ComponentIndexSpaces.Resource;
import dev.witbind.runtime.ComponentIndexSpaces.Scope;
import dev.witbind.runtime.abi.CanonicalOptions;
import dev.witbind.runtime.abi.GuestMemory;
import dev.witbind.runtime.abi.GuestResource;
import dev.witbind.runtime.abi.InstanceLimits;
import dev.witbind.runtime.abi.InstanceState;
import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.abi.PostReturn;
import dev.witbind.runtime.abi.Realloc;
import dev.witbind.runtime.abi.StringEncoding;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.engine.CoreFunction;
import dev.witbind.runtime.engine.CoreImport;
import dev.witbind.runtime.engine.CoreInstanceBuilder;
import dev.witbind.runtime.engine.CoreModule;
import dev.witbind.runtime.engine.ExecutionMode;
import dev.witbind.runtime.engine.LateBoundImport;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.WitFunctionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instantiates a linked component: its definitions evaluated in binary order (every index refers backwards, so one
 * pass does it), each into the index space it adds to. Core instances are wired through their named instantiate
 * args and inline export bags, memories, tables and globals shared by identity; every {@code canon lower} binds a
 * host function to its own canonical options; every {@code canon lift} becomes an export caller with its own options
 * and post-return; resources the component defines get {@code resource.new}/{@code rep}/{@code drop} over the
 * instance's one handle table. Nested components are evaluated in scopes of their own, their arguments standing for
 * their imports.
 */
final class ComponentInstantiation {
    private final GuestComponent component;
    private final ComponentLinking.Link link;
    private final ExecutionMode mode;
    private final Instantiation instantiation;
    private final InstanceState state;
    private final Map<HostSource<?>, Object> made = new IdentityHashMap<>();
    private final Map<OptionsKey, LiftLowerContext> contexts = new HashMap<>();
    /** Which core imports call a lowered host function directly rather than through wit-component's shim. */
    private final ShimBypass shimBypass;
    /** The host function in each shim slot, once the core instance that fills it is being made. */
    private final Map<ShimBypass.Slot, ImportHandle> filledSlots = new HashMap<>();
    /** The imports bound around the shim whose slot is not filled yet. */
    private final Map<ShimBypass.Slot, List<LateBoundImport>> waitingForSlots = new HashMap<>();
    /** Whether the top-level instance's imports need the may_leave check; nested instances' always do. */
    private final boolean leaveCheckedAtTop;
    private int coreInstanceCount;
    /** How many component instances nested in this one have been made: names their resources apart. */
    private int nestedInstanceCount;

    private ComponentInstantiation(GuestComponent component, ComponentLinking.Link link, Engine engine,
            Instantiation instantiation, InstanceLimits limits) {
        this.component = component;
        this.link = link;
        this.mode = engine.mode();
        this.instantiation = instantiation;
        this.state = new InstanceState(component.name(), limits);
        this.shimBypass = component.shimBypass();
        this.leaveCheckedAtTop = component.leaveChecksNeeded();
    }

    static GuestInstance instantiate(GuestComponent component, ComponentLinking.Link link, Engine engine,
            Instantiation instantiation, InstanceLimits limits) {
        ComponentInstantiation run = new ComponentInstantiation(component, link, engine, instantiation, limits);
        ComponentBinary binary = component.model().binary();
        Scope top = new Scope(null, true, component.model().scope(binary), run.state, 0);
        run.evaluate(binary, top, Map.of());
        return GuestInstance.ofComponent(component.name(), link.plan(), run.state, new GuestExports(
                component.name(), "", top.exports));
    }

    // ---- evaluation -------------------------------------------------------------------------------------------

    private void evaluate(ComponentBinary binary, Scope scope, Map<String, Item> args) {
        for (Definition definition : binary.definitions()) {
            if (definition instanceof Definition.CoreModule module) {
                scope.coreModules.add(module);
            } else if (definition instanceof Definition.CoreInstantiate instantiate) {
                scope.coreInstances.add(coreInstantiate(instantiate, scope));
            } else if (definition instanceof Definition.CoreInlineExports bag) {
                Map<String, CoreItem> items = new LinkedHashMap<>();
                bag.exports().forEach(export -> items.put(export.name(),
                        scope.core(export.item().sort()).get(export.item().index())));
                scope.coreInstances.add(new CoreBag(items));
            } else if (definition instanceof Definition.CoreType) {
                continue; // core types matter to validation only
            } else if (definition instanceof Definition.Component nested) {
                scope.components.add(new Nested(nested.component(), scope));
            } else if (definition instanceof Definition.Instantiate instantiate) {
                Nested nested = (Nested) scope.components.get(instantiate.componentIndex());
                Map<String, Item> nestedArgs = new LinkedHashMap<>();
                instantiate.args().forEach(arg -> nestedArgs.put(arg.name(), scope.item(arg.item())));
                Scope inner = new Scope(nested.outer(), false, component.model().scope(nested.binary()),
                        state.nested(), ++nestedInstanceCount);
                evaluate(nested.binary(), inner, nestedArgs);
                scope.instances.add(new Bag(inner.exports));
            } else if (definition instanceof Definition.InlineExports bag) {
                Map<String, Item> items = new LinkedHashMap<>();
                bag.exports().forEach(export -> items.put(export.name(), scope.item(export.item())));
                scope.instances.add(new Bag(items));
            } else if (definition instanceof Definition.AliasDef alias) {
                alias(alias.alias(), scope);
            } else if (definition instanceof Definition.Type type) {
                scope.types.add(type(type, scope));
            } else if (definition instanceof Definition.CanonDef canon) {
                canon(canon, scope);
            } else if (definition instanceof Definition.Import imported) {
                Item item = scope.top ? topImport(imported) : args.get(imported.name());
                scope.items(imported.defines().sort()).add(item);
                recordImportedResources(scope, imported.name(), item);
            } else if (definition instanceof Definition.Export exported) {
                Item item = scope.item(exported.item());
                scope.exports.put(exported.name(), item);
                scope.items(exported.defines().sort()).add(item);
            }
            recordTypes(scope);
        }
    }

    /**
     * Records the run-time type of each resource type the scope has gained (by definition, import, alias or export),
     * under the validator's identity for its type index, so that the function types of the scope's canonical
     * functions can name them.
     */
    private static void recordTypes(Scope scope) {
        for (int index = scope.recordedTypes; index < scope.types.size(); index++) {
            ResourceIdentity identity = scope.model.typeAt(index);
            if (identity != null && scope.types.get(index) instanceof Resource resource && resource.type() != null) {
                scope.resources.put(identity, resource.type());
            }
        }
        scope.recordedTypes = scope.types.size();
    }

    /** Records the resources an imported instance exports, as the validator named them in the import's type. */
    private void recordImportedResources(Scope scope, String importName, Item instance) {
        Map<String, ResourceIdentity> resources = scope.model.importedInstances().get(importName);
        if (resources == null || instance == null) {
            return;
        }
        resources.forEach((name, identity) -> {
            if (member(instance, name) instanceof Resource resource && resource.type() != null) {
                scope.resources.put(identity, resource.type());
            }
        });
    }

    private CoreInst coreInstantiate(Definition.CoreInstantiate instantiate, Scope scope) {
        Definition.CoreModule definition = scope.coreModules.get(instantiate.moduleIndex());
        CoreModule module = component.coreModule(definition);
        // Every module runs on the engine asked for, however small: a C guest's main module can be 1.5 KB, and
        // wit-component's shim and fixup sit on every call of an import that passes memory that ShimBypass cannot
        // bind directly (the shim's call_indirect reaches the lowered function through the fixup's instance, whose
        // machine makes the call: an interpreter allocates a frame for it). Compiling is done once per module, not
        // per instance.
        CoreInstanceBuilder builder = module.newInstance(mode).memoryLimit(state.limits().memoryPages());
        Map<String, CoreInst> args = new HashMap<>();
        instantiate.args().forEach(arg -> args.put(arg.name(), scope.coreInstances.get(arg.coreInstanceIndex())));
        Map<ShimBypass.ImportName, List<ShimBypass.Slot>> fills = scope.top ? shimBypass.fills(instantiate) : Map.of();
        for (CoreImport coreImport : module.imports()) {
            CoreInst from = args.get(coreImport.module());
            CoreItem item = from == null ? null : from.get(coreImport.field());
            if (item == null) { // validation makes this impossible; say so rather than fail obscurely
                throw new WitModuleException(component.name(), "a component whose core module " + instantiate
                        .moduleIndex() + " imports " + coreImport.qualifiedName() + ", which its instantiation does "
                        + "not supply", null);
            }
            ShimBypass.Bypass bypass = scope.top && item instanceof Exported
                    ? shimBypass.bypass(instantiate, coreImport.module(), coreImport.field()) : null;
            if (item instanceof HostCore host) {
                builder.importFunction(coreImport.module(), coreImport.field(), host.handle());
                List<ShimBypass.Slot> slots = fills.get(new ShimBypass.ImportName(coreImport.module(),
                        coreImport.field()));
                if (slots != null) {
                    slots.forEach(slot -> fill(slot, host.handle()));
                }
            } else if (bypass != null) {
                bindAroundShim(builder, coreImport, bypass);
            } else {
                builder.importExtern(coreImport.module(), coreImport.field(), ((Exported) item).extern());
            }
        }
        int index = coreInstanceCount++;
        try {
            return new Instantiated(builder.instantiate());
        } catch (RuntimeException | StackOverflowError e) {
            throw InstanceState.attribute("the start of core instance " + index + " (module " + instantiate
                    .moduleIndex() + ") of guest '" + component.name() + "'", e);
        }
    }

    /**
     * Binds an import of a shim trampoline to the host function its slot will hold: directly when the slot is
     * filled already, else late, bound when the core instance that fills the slot is made.
     */
    private void bindAroundShim(CoreInstanceBuilder builder, CoreImport coreImport, ShimBypass.Bypass bypass) {
        ImportHandle filled = filledSlots.get(bypass.slot());
        if (filled != null) {
            builder.importFunction(coreImport.module(), coreImport.field(), filled);
        } else {
            waitingForSlots.computeIfAbsent(bypass.slot(), slot -> new ArrayList<>()).add(builder.importLateBound(
                    coreImport.module(), coreImport.field(), bypass.unboundReason()));
        }
    }

    /**
     * Records what a shim slot will hold, before the instance that writes it there is made (its start function may
     * call through the slot; its element segments, which the plan checked fit the table, are written before it).
     */
    private void fill(ShimBypass.Slot slot, ImportHandle handle) {
        filledSlots.put(slot, handle);
        List<LateBoundImport> waiting = waitingForSlots.remove(slot);
        if (waiting != null) {
            waiting.forEach(late -> late.bind(handle));
        }
    }

    private void alias(Alias alias, Scope scope) {
        Sort sort = alias.sort();
        if (alias.target() instanceof Alias.CoreInstanceExport export) {
            scope.core(sort).add(scope.coreInstances.get(export.coreInstanceIndex()).get(export.name()));
        } else if (alias.target() instanceof Alias.InstanceExport export) {
            scope.items(sort).add(member(scope.instances.get(export.instanceIndex()), export.name()));
        } else {
            Alias.Outer outer = (Alias.Outer) alias.target();
            Scope target = scope;
            for (int i = 0; i < outer.count(); i++) {
                target = target.parent;
            }
            if (sort == Sort.CORE_MODULE) {
                scope.coreModules.add(target.coreModules.get(outer.index()));
            } else if (sort == Sort.CORE_TYPE) {
                return; // core types matter to validation only
            } else if (sort.isCore()) {
                throw unsupported("an outer alias of a " + sort);
            } else {
                scope.items(sort).add(target.items(sort).get(outer.index()));
            }
        }
    }

    /** The item an instance exports as {@code name}. */
    private Item member(Item instance, String name) {
        if (instance instanceof Bag bag) {
            return bag.items().get(name);
        }
        HostInstance host = (HostInstance) instance;
        ItemType memberType = host.type().members().members().get(name);
        if (memberType instanceof ItemType.Function) {
            return new HostFunc(link.instanceFunction(host.name(), name), host.name() + "#" + name);
        }
        if (memberType instanceof ItemType.Resource resource) {
            return new Resource(host.resources().get(resource.resource()), null);
        }
        return new OtherType();
    }

    private Item topImport(Definition.Import imported) {
        ComponentItem item = component.model().importNamed(imported.name()).orElseThrow();
        if (item.type() instanceof ItemType.Instance instance) {
            return new HostInstance(link.instances().get(imported.name()), imported.name(), instance,
                    link.hostResources());
        }
        if (item.type() instanceof ItemType.Function) {
            return new HostFunc(link.functions().get(imported.name()), imported.name());
        }
        if (item.type() instanceof ItemType.Resource resource) {
            // a world-level resource from the root, or another import's resource under a second name (use ... as)
            ResourceType host = link.hostResources().get(resource.resource());
            if (host == null) { // linking makes this impossible; say so rather than fail obscurely
                throw unsupported("the resource import '" + imported.name() + "', which no import provides");
            }
            return new Resource(host, null);
        }
        return new OtherType(); // a value type: the linker checked that nothing needs providing
    }

    private Item type(Definition.Type type, Scope scope) {
        if (!(type.type() instanceof DefType.Resource resource)) {
            return new OtherType();
        }
        int typeIndex = type.defines().index();
        // recordTypes files it under the validator's identity, where resourceIn finds it
        ResourceType runtime = scope.top ? resourceName(typeIndex) : nestedResourceName(scope, typeIndex);
        GuestResource.Destructor destructor = null;
        if (resource.destructor().isPresent()) {
            CoreFunction function = callable(scope.coreFuncs.get(resource.destructor().getAsInt()), "destructor");
            destructor = rep -> function.apply(Integer.toUnsignedLong(rep));
        }
        return new Resource(runtime, destructor);
    }

    /**
     * The runtime type of the resource the component defines at {@code typeIndex}: named after the interface that
     * exports it (as the component's world names it, and as a host asks for it), else after the component.
     */
    private ResourceType resourceName(int typeIndex) {
        for (ComponentItem export : component.exports()) {
            if (export.type() instanceof ItemType.Instance instance) {
                for (Map.Entry<String, ResourceIdentity> resource : instance.members().resources().entrySet()) {
                    if (resource.getValue().typeIndex().equals(java.util.OptionalInt.of(typeIndex))) {
                        return new ResourceType(export.name(), resource.getKey());
                    }
                }
            } else if (export.type() instanceof ItemType.Resource resource
                    && resource.resource().typeIndex().equals(java.util.OptionalInt.of(typeIndex))) {
                return new ResourceType(component.name(), export.name());
            }
        }
        return new ResourceType(component.name(), "resource-" + typeIndex);
    }

    /**
     * The run-time type of a resource that a nested component instance defines: its own for each instance (resource
     * types are generative), named by the label the validator knows it by.
     */
    private ResourceType nestedResourceName(Scope scope, int typeIndex) {
        ResourceIdentity identity = scope.model.typeAt(typeIndex);
        String label = identity != null && dev.witbind.wit.names.Label.isLabel(identity.name()) ? identity.name()
                : "resource-" + typeIndex;
        return new ResourceType(component.name() + "/component-instance-" + scope.number, label);
    }

    // ---- canonical functions ----------------------------------------------------------------------------------

    private void canon(Definition.CanonDef definition, Scope scope) {
        Canon canon = definition.canon();
        if (canon instanceof Canon.Lower lower) {
            Item func = scope.funcs.get(lower.funcIndex());
            if (func instanceof Lifted lifted) {
                // a composition: another component instance of this component lifts it
                WitFunctionType type = scope.model.canonFunctions().get(definition)
                        .functionType(identity -> resourceIn(scope, identity)).orElseThrow();
                LiftLowerContext caller = LiftLowerContext.betweenComponents(options(lower.options(), scope),
                        scope.state);
                String instance = scope.top ? "the component" : "nested component instance " + scope.number;
                scope.coreFuncs.add(hostCore(scope, new ComponentCall(caller, "core func " + scope.coreFuncs.size()
                        + " (lowered in " + instance + ")", instance, type, lifted)));
                return;
            }
            if (!(func instanceof HostFunc host)) {
                throw unsupported("lowering a function that is neither the host's nor lifted");
            }
            LiftLowerContext cx = context(lower.options(), scope);
            scope.coreFuncs.add(hostCore(scope, host.definition().bind(cx, host.qualifiedName(), made,
                    instantiation)));
            return;
        }
        if (canon instanceof Canon.Lift lift) {
            CanonFunction function = scope.model.canonFunctions().get(definition);
            WitFunctionType type = function.functionType(identity -> resourceIn(scope, identity)).orElseThrow();
            CoreFunction core = callable(scope.coreFuncs.get(lift.coreFuncIndex()), "lifted function");
            Optional<PostReturn> postReturn = lift.options().postReturn().isPresent()
                    ? Optional.of(callable(scope.coreFuncs.get(lift.options().postReturn().getAsInt()),
                            "post-return")::apply)
                    : Optional.empty();
            LiftLowerContext cx = context(lift.options(), scope);
            CanonicalOptions options = options(lift.options(), scope).withPostReturn(postReturn);
            scope.funcs.add(new Lifted(core, options, cx, type));
            return;
        }
        int typeIndex = canon instanceof Canon.ResourceNew n ? n.typeIndex()
                : canon instanceof Canon.ResourceRep r ? r.typeIndex() : ((Canon.ResourceDrop) canon).typeIndex();
        Resource resource = (Resource) scope.types.get(typeIndex);
        LiftLowerContext cx = context(null, scope);
        scope.coreFuncs.add(hostCore(scope, canon instanceof Canon.ResourceNew
                ? ResourceIntrinsics.resourceNew(cx, resource.type(), resource.destructor())
                : canon instanceof Canon.ResourceRep
                        ? ResourceIntrinsics.resourceRep(cx, resource.type())
                        : ResourceIntrinsics.resourceDrop(cx, resource.type())));
    }

    /**
     * The run-time type of a resource a canonical function of {@code scope} mentions: as the scope (or one it is
     * nested in) recorded it (its own definitions, imports and aliases), else the host's for a top-level import.
     */
    private ResourceType resourceIn(Scope scope, ResourceIdentity identity) {
        for (Scope at = scope; at != null; at = at.parent) {
            ResourceType recorded = at.resources.get(identity);
            if (recorded != null) {
                return recorded;
            }
        }
        ResourceType type = identity.origin() == ResourceIdentity.Origin.IMPORTED
                ? link.hostResources().get(identity) : null;
        if (type == null) {
            throw unsupported("an export whose type mentions " + identity + ", which has no type at run time");
        }
        return type;
    }

    /**
     * A host function, intrinsic or call into another component instance, as a core function of {@code scope}: with
     * the may_leave check in front unless {@link LeaveChecks} proved that it cannot fail.
     */
    private HostCore hostCore(Scope scope, ImportHandle handle) {
        return new HostCore(LeaveChecks.applied(!scope.top || leaveCheckedAtTop, handle));
    }

    private CoreFunction callable(CoreItem item, String what) {
        if (!(item instanceof Exported exported)) {
            throw unsupported("a " + what + " that is not a core instance's export");
        }
        return exported.instance().function(exported.name());
    }

    /** The options of a canon definition as the runtime holds them; {@code null} means none. */
    private CanonicalOptions options(CanonOptions options, Scope scope) {
        if (options == null) {
            return CanonicalOptions.NONE;
        }
        Optional<GuestMemory> memory = Optional.empty();
        if (options.memory().isPresent()) {
            Exported exported = (Exported) scope.coreMemories.get(options.memory().getAsInt());
            memory = Optional.of(exported.instance().memory(exported.name()));
        }
        Optional<Realloc> realloc = Optional.empty();
        if (options.realloc().isPresent()) {
            CoreFunction function = callable(scope.coreFuncs.get(options.realloc().getAsInt()), "realloc");
            realloc = Optional.of((oldPointer, oldSize, alignment, newSize) ->
                    (int) function.apply(oldPointer, oldSize, alignment, newSize)[0]);
        }
        StringEncoding encoding = switch (options.encoding()) {
            case UTF8 -> StringEncoding.UTF8;
            case UTF16 -> StringEncoding.UTF16;
            case LATIN1_UTF16 -> StringEncoding.LATIN1_UTF16;
        };
        return new CanonicalOptions(memory, realloc, Optional.empty(), encoding);
    }

    /** One context per distinct memory, realloc and encoding: functions that share options share it. */
    private LiftLowerContext context(CanonOptions options, Scope scope) {
        OptionsKey key = options == null ? new OptionsKey(scope.state, null, null, CanonOptions.StringEncoding.UTF8)
                : new OptionsKey(scope.state,
                        options.memory().isPresent() ? scope.coreMemories.get(options.memory().getAsInt()) : null,
                        options.realloc().isPresent() ? scope.coreFuncs.get(options.realloc().getAsInt()) : null,
                        options.encoding());
        return contexts.computeIfAbsent(key, k -> new LiftLowerContext(options(options, scope), scope.state));
    }

    /** What makes two canon definitions' contexts the same: the same component instance and options. */
    private record OptionsKey(InstanceState state, CoreItem memory, CoreItem realloc,
            CanonOptions.StringEncoding encoding) {}

    private WitModuleException unsupported(String what) {
        return new WitModuleException(component.name(), "a component with " + what + ", which witbind does not "
                + "instantiate yet", null);
    }
}
