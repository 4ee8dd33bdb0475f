package dev.witbind.runtime;

import dev.witbind.component.binary.Alias;
import dev.witbind.component.binary.Canon;
import dev.witbind.component.binary.CoreModuleInfo;
import dev.witbind.component.binary.Definition;
import dev.witbind.component.binary.Sort;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each core instance and core function of a component's top-level definitions comes from, worked out from the
 * definitions alone, before anything is instantiated: the static view of the core index spaces that
 * {@link ShimBypass} and {@link LeaveChecks} reason about. Engine-free; one walk, in binary order.
 *
 * <p>Only what the top level makes itself is followed: a core module that is imported or aliased, or an index space
 * that grows in a way the walk does not model, makes {@link #of} give nothing, and whoever asked then assumes
 * nothing.
 */
final class CoreSources {
    /** Where a core item comes from, as far as the analyses need to know. */
    sealed interface Source {}

    /** The export {@code name} of the core instance at {@code instance} in the core instance index space. */
    record FromInstance(int instance, String name) implements Source {}

    /** A core function witbind makes: {@code canon lower} or a resource built-in. */
    record HostMade(Definition.CanonDef canon) implements Source {}

    /** Anything else (a lifted-and-lowered value the walk does not follow, an item of an opaque instance). */
    record Unknown() implements Source {}

    static final Source UNKNOWN = new Unknown();

    /** A core instance of the index space: made by instantiating a module, or a bag of items. */
    sealed interface CoreInst {
        Source source(String name);
    }

    /** One import of an instantiation, with where what it receives comes from. */
    record ResolvedImport(CoreModuleInfo.Import coreImport, Source source) {}

    /** A core instance made by instantiating {@code module}, at {@code index} of the core instance index space. */
    record Made(int index, Definition.CoreInstantiate definition, Definition.CoreModule module,
            List<ResolvedImport> imports) implements CoreInst {
        @Override
        public Source source(String name) {
            return new FromInstance(index, name);
        }
    }

    record Bag(Map<String, Source> items) implements CoreInst {
        @Override
        public Source source(String name) {
            return items.getOrDefault(name, UNKNOWN);
        }
    }

    record Opaque() implements CoreInst {
        @Override
        public Source source(String name) {
            return UNKNOWN;
        }
    }

    private static final List<Sort> CORE_ITEM_SORTS = List.of(Sort.CORE_FUNC, Sort.CORE_TABLE, Sort.CORE_MEMORY,
            Sort.CORE_GLOBAL, Sort.CORE_TAG);

    private final List<CoreInst> instances;
    private final List<Source> functions;

    private CoreSources(List<CoreInst> instances, List<Source> functions) {
        this.instances = instances;
        this.functions = functions;
    }

    /**
     * The core index spaces after {@code definitions} (a component's top level); empty when the definitions use
     * something this walk does not follow.
     */
    static Optional<CoreSources> of(List<Definition> definitions) {
        List<Definition.CoreModule> modules = new ArrayList<>();
        List<CoreInst> instances = new ArrayList<>();
        Map<Sort, List<Source>> items = new EnumMap<>(Sort.class);
        CORE_ITEM_SORTS.forEach(sort -> items.put(sort, new ArrayList<>()));
        for (Definition definition : definitions) {
            Sort sort = definition.defines().sort();
            int expectedSize = definition.defines().index() + 1;
            if (sort == Sort.CORE_MODULE) {
                if (!(definition instanceof Definition.CoreModule module)) {
                    return Optional.empty(); // an imported or aliased module: its imports are not known here
                }
                modules.add(module);
                if (modules.size() != expectedSize) {
                    return Optional.empty();
                }
            } else if (sort == Sort.CORE_INSTANCE) {
                instances.add(coreInstance(definition, modules, instances, items));
                if (instances.size() != expectedSize) {
                    return Optional.empty();
                }
            } else if (items.containsKey(sort)) {
                List<Source> space = items.get(sort);
                space.add(coreItem(definition, instances));
                if (space.size() != expectedSize) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new CoreSources(List.copyOf(instances), List.copyOf(items.get(Sort.CORE_FUNC))));
    }

    /** The core instances, in index order. */
    List<CoreInst> instances() {
        return instances;
    }

    /** The core instances made by instantiating a module, in index order. */
    List<Made> made() {
        List<Made> made = new ArrayList<>();
        instances.forEach(instance -> {
            if (instance instanceof Made m) {
                made.add(m);
            }
        });
        return made;
    }

    /** Where the core function at {@code index} comes from. */
    Source function(int index) {
        return index >= 0 && index < functions.size() ? functions.get(index) : UNKNOWN;
    }

    private static CoreInst coreInstance(Definition definition, List<Definition.CoreModule> modules,
            List<CoreInst> instances, Map<Sort, List<Source>> items) {
        if (definition instanceof Definition.CoreInstantiate instantiate) {
            Definition.CoreModule module = modules.get(instantiate.moduleIndex());
            Map<String, CoreInst> args = new HashMap<>();
            instantiate.args().forEach(arg -> args.put(arg.name(), instances.get(arg.coreInstanceIndex())));
            List<ResolvedImport> imports = new ArrayList<>();
            for (CoreModuleInfo.Import coreImport : module.info().imports()) {
                CoreInst from = args.get(coreImport.module());
                imports.add(new ResolvedImport(coreImport, from == null ? UNKNOWN : from.source(coreImport.name())));
            }
            return new Made(instances.size(), instantiate, module, List.copyOf(imports));
        }
        if (definition instanceof Definition.CoreInlineExports bag) {
            Map<String, Source> sources = new HashMap<>();
            for (Definition.CoreInlineExport export : bag.exports()) {
                List<Source> space = items.get(export.item().sort());
                sources.put(export.name(), space == null ? UNKNOWN : space.get(export.item().index()));
            }
            return new Bag(Map.copyOf(sources));
        }
        return new Opaque();
    }

    private static Source coreItem(Definition definition, List<CoreInst> instances) {
        if (definition instanceof Definition.AliasDef alias
                && alias.alias().target() instanceof Alias.CoreInstanceExport export) {
            return instances.get(export.coreInstanceIndex()).source(export.name());
        }
        if (definition instanceof Definition.CanonDef canon && !(canon.canon() instanceof Canon.Lift)) {
            return new HostMade(canon); // lower, resource.new, .rep, .drop: what ComponentInstantiation makes
        }
        return UNKNOWN;
    }
}
