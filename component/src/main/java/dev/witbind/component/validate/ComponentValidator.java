package dev.witbind.component.validate;

import dev.witbind.component.binary.Alias;
import dev.witbind.component.binary.Canon;
import dev.witbind.component.binary.CanonOptions;
import dev.witbind.component.binary.ComponentBinary;
import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.component.binary.CoreDefType;
import dev.witbind.component.binary.CoreExternDesc;
import dev.witbind.component.binary.CoreExternType;
import dev.witbind.component.binary.CoreFuncType;
import dev.witbind.component.binary.CoreModuleInfo;
import dev.witbind.component.binary.CoreValType;
import dev.witbind.component.binary.Decl;
import dev.witbind.component.binary.DefType;
import dev.witbind.component.binary.Definition;
import dev.witbind.component.binary.ExternDesc;
import dev.witbind.component.binary.Limits;
import dev.witbind.component.binary.Rule;
import dev.witbind.component.binary.Section;
import dev.witbind.component.binary.Sort;
import dev.witbind.component.binary.SortIndex;
import dev.witbind.component.binary.ValType;
import dev.witbind.component.model.CanonFunction;
import dev.witbind.component.model.ItemType;
import dev.witbind.component.model.NestedScope;
import dev.witbind.component.model.ResourceIdentity;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.abi.CoreSignature;
import dev.witbind.wit.abi.CoreType;
import dev.witbind.wit.names.ExternName;
import dev.witbind.wit.names.PlainName;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a decoded component and resolves its types: walks the definitions in binary order, building each
 * scope's index spaces, and checks the rules of the Explainer, Binary.md and CanonicalABI.md that need no core
 * engine (index bounds per sort, alias targets, type kinds, names, canonical options and signatures, resource
 * built-ins, instantiation arguments, export ascriptions). Core modules' code is left to the engine; their imports
 * and exports are checked where the component wires them.
 */
public final class ComponentValidator {
    private final Budget budget = new Budget();
    private final List<CanonFunction> canonFunctions = new ArrayList<>();
    /** What an instantiator needs of each component scope, the top one and every component defined inside. */
    private final Map<ComponentBinary, NestedScope> scopes = new IdentityHashMap<>();
    private final Map<Shapes.Func, WitFunctionType> abiTypes = new IdentityHashMap<>();
    /** Flattening for the ABI checks needs no resource names: every resource is "r". */
    private final Map<Shapes.TypeEntry, Boolean> mentionsResource = new IdentityHashMap<>();
    private final WitConversion abiConversion = new WitConversion(resource -> new ResourceType("", "r"));
    private Scope top;

    private ComponentValidator() {}

    /**
     * Validates a component and resolves its imports and exports to WIT types.
     *
     * @throws ComponentFormatException at the first rule broken
     */
    public static ValidatedComponent validate(ComponentBinary binary) {
        ComponentValidator validator = new ComponentValidator();
        Scope scope = new Scope(null, Scope.Kind.COMPONENT);
        validator.top = scope;
        validator.component(binary, scope, 0);
        return ModelBuilder.build(binary, scope, validator.canonFunctions, validator.scopes);
    }

    // ---- components -----------------------------------------------------------------------------------------

    private Shapes.Component component(ComponentBinary binary, Scope scope, int depth) {
        for (Definition definition : binary.definitions()) {
            definition(definition, scope, depth);
        }
        scopes.put(binary, nestedScope(scope));
        return new Shapes.Component(scope.imports, scope.exports, scope.abstractImports, scope.abstractExports);
    }

    private static Section sectionOf(Definition definition) {
        if (definition instanceof Definition.CoreModule) {
            return Section.CORE_MODULE;
        }
        if (definition instanceof Definition.CoreInstantiate || definition instanceof Definition.CoreInlineExports) {
            return Section.CORE_INSTANCE;
        }
        if (definition instanceof Definition.CoreType) {
            return Section.CORE_TYPE;
        }
        if (definition instanceof Definition.Component) {
            return Section.COMPONENT;
        }
        if (definition instanceof Definition.Instantiate || definition instanceof Definition.InlineExports) {
            return Section.INSTANCE;
        }
        if (definition instanceof Definition.AliasDef) {
            return Section.ALIAS;
        }
        if (definition instanceof Definition.Type) {
            return Section.TYPE;
        }
        if (definition instanceof Definition.CanonDef) {
            return Section.CANON;
        }
        return definition instanceof Definition.Import ? Section.IMPORT : Section.EXPORT;
    }

    private void definition(Definition definition, Scope scope, int depth) {
        Section section = sectionOf(definition);
        int offset = definition.offset();
        if (definition instanceof Definition.CoreModule module) {
            scope.coreModules.add(module.info());
        } else if (definition instanceof Definition.CoreInstantiate instantiate) {
            scope.coreInstances.add(coreInstantiate(instantiate, scope, offset));
        } else if (definition instanceof Definition.CoreInlineExports inline) {
            scope.coreInstances.add(coreInlineExports(inline.exports(), scope, offset));
        } else if (definition instanceof Definition.CoreType coreType) {
            scope.coreTypes.add(coreType(coreType.type(), scope, offset, section));
        } else if (definition instanceof Definition.Component nested) {
            Scope child = new Scope(scope, Scope.Kind.COMPONENT);
            scope.components.add(component(nested.component(), child, depth + 1));
        } else if (definition instanceof Definition.Instantiate instantiate) {
            scope.instances.add(instantiate(instantiate, scope, offset));
            scope.instanceOrigins.add(null);
        } else if (definition instanceof Definition.InlineExports inline) {
            scope.instances.add(inlineExports(inline.exports(), scope, offset));
            scope.instanceOrigins.add(null);
        } else if (definition instanceof Definition.AliasDef alias) {
            alias(alias.alias(), scope, offset, section, false);
        } else if (definition instanceof Definition.Type type) {
            scope.types.add(defType(type.type(), scope, offset, section, depth));
        } else if (definition instanceof Definition.CanonDef canon) {
            canon(canon, scope, offset);
        } else if (definition instanceof Definition.Import imported) {
            importItem(imported.name(), imported.versionSuffix(), imported.type(), scope, offset, section);
        } else if (definition instanceof Definition.Export exported) {
            exportItem(exported, scope, offset);
        }
    }

    // ---- core instances and core types ----------------------------------------------------------------------

    private Map<String, CoreExternType> coreInstantiate(Definition.CoreInstantiate instantiate, Scope scope,
            int offset) {
        Section section = Section.CORE_INSTANCE;
        CoreModuleInfo module = Scope.get(scope.coreModules, instantiate.moduleIndex(), Sort.CORE_MODULE, offset,
                section);
        Map<String, Map<String, CoreExternType>> args = new HashMap<>();
        for (Definition.CoreInstantiateArg arg : instantiate.args()) {
            Map<String, CoreExternType> instance = Scope.get(scope.coreInstances, arg.coreInstanceIndex(),
                    Sort.CORE_INSTANCE, offset, section);
            if (args.put(arg.name(), instance) != null) {
                throw new ComponentFormatException(offset, section, Rule.CORE_INSTANTIATE, "the argument '"
                        + arg.name() + "' is given twice");
            }
        }
        for (CoreModuleInfo.Import imported : module.imports()) {
            Map<String, CoreExternType> instance = args.get(imported.module());
            if (instance == null) {
                throw new ComponentFormatException(offset, section, Rule.CORE_INSTANTIATE, "core module "
                        + instantiate.moduleIndex() + " imports '" + imported.module() + "' '" + imported.name()
                        + "', but no instance argument is named '" + imported.module() + "'");
            }
            CoreExternType provided = instance.get(imported.name());
            if (provided == null) {
                throw new ComponentFormatException(offset, section, Rule.CORE_INSTANTIATE, "the argument '"
                        + imported.module() + "' has no export '" + imported.name() + "' that core module "
                        + instantiate.moduleIndex() + " imports");
            }
            String mismatch = coreMismatch(provided, imported.type());
            if (mismatch != null) {
                throw new ComponentFormatException(offset, section, Rule.CORE_INSTANTIATE, "'" + imported.module()
                        + "' '" + imported.name() + "': " + mismatch);
            }
        }
        Map<String, CoreExternType> exports = new LinkedHashMap<>();
        for (CoreModuleInfo.Export export : module.exports()) {
            exports.put(export.name(), export.type());
        }
        return exports;
    }

    /** Why a core item cannot satisfy a core import, or {@code null}. */
    private static String coreMismatch(CoreExternType provided, CoreExternType expected) {
        if (provided.sort() != expected.sort()) {
            return "a " + expected.sort() + " is imported, but a " + provided.sort() + " is supplied";
        }
        if (provided instanceof CoreExternType.Func pf && expected instanceof CoreExternType.Func ef
                && !pf.type().equals(ef.type())) {
            return "the module imports a function of type " + ef.type() + ", but one of type " + pf.type()
                    + " is supplied";
        }
        if (provided instanceof CoreExternType.Global pg && expected instanceof CoreExternType.Global eg
                && !pg.type().equals(eg.type())) {
            return "the module imports a global " + eg.type() + ", but " + pg.type() + " is supplied";
        }
        if (provided instanceof CoreExternType.Memory pm && expected instanceof CoreExternType.Memory em
                && (pm.type().shared() != em.type().shared() || pm.type().memory64() != em.type().memory64())) {
            return "the memory supplied differs in sharing or address type";
        }
        return null;
    }

    private static Map<String, CoreExternType> coreInlineExports(List<Definition.CoreInlineExport> exports,
            Scope scope, int offset) {
        Section section = Section.CORE_INSTANCE;
        Map<String, CoreExternType> items = new LinkedHashMap<>();
        for (Definition.CoreInlineExport export : exports) {
            CoreExternType item = coreItem(export.item(), scope, offset, section);
            if (items.put(export.name(), item) != null) {
                throw new ComponentFormatException(offset, section, Rule.NAME_UNIQUE, "the core instance exports '"
                        + export.name() + "' twice");
            }
        }
        return items;
    }

    private static CoreExternType coreItem(SortIndex item, Scope scope, int offset, Section section) {
        int index = item.index();
        return switch (item.sort()) {
            case CORE_FUNC -> new CoreExternType.Func(Scope.get(scope.coreFuncs, index, item.sort(), offset, section));
            case CORE_TABLE -> new CoreExternType.Table(Scope.get(scope.coreTables, index, item.sort(), offset, section));
            case CORE_MEMORY -> new CoreExternType.Memory(
                    Scope.get(scope.coreMemories, index, item.sort(), offset, section));
            case CORE_GLOBAL -> new CoreExternType.Global(
                    Scope.get(scope.coreGlobals, index, item.sort(), offset, section));
            case CORE_TAG -> new CoreExternType.Tag(Scope.get(scope.coreTags, index, item.sort(), offset, section));
            default -> throw new ComponentFormatException(offset, section, Rule.CORE_INSTANTIATE, "a core instance "
                    + "exports a " + item.sort() + "; only functions, tables, memories, globals and tags");
        };
    }

    private Object coreType(CoreDefType type, Scope scope, int offset, Section section) {
        if (type instanceof CoreFuncType func) {
            return func;
        }
        CoreDefType.ModuleType module = (CoreDefType.ModuleType) type;
        List<CoreFuncType> local = new ArrayList<>();
        List<CoreModuleInfo.Import> imports = new ArrayList<>();
        List<CoreModuleInfo.Export> exports = new ArrayList<>();
        Set<String> exportNames = new HashSet<>();
        for (CoreDefType.ModuleDecl decl : module.declarations()) {
            int at = decl.offset();
            if (decl instanceof CoreDefType.TypeDecl typeDecl) {
                if (!(typeDecl.type() instanceof CoreFuncType func)) {
                    throw new ComponentFormatException(at, section, Rule.DECLARATOR, "a module type inside a module type");
                }
                local.add(func);
            } else if (decl instanceof CoreDefType.OuterAliasDecl alias) {
                // Count 0 is the module type itself; 1 the scope that defines it, and so on outwards.
                if (alias.count() == 0) {
                    local.add(Scope.get(local, alias.index(), Sort.CORE_TYPE, at, section));
                } else {
                    Scope target = outer(scope, alias.count() - 1, at, section);
                    Object aliased = Scope.get(target.coreTypes, alias.index(), Sort.CORE_TYPE, at, section);
                    if (!(aliased instanceof CoreFuncType func)) {
                        throw new ComponentFormatException(at, section, Rule.DECLARATOR, "an outer alias of a module "
                                + "type inside a module type");
                    }
                    local.add(func);
                }
            } else if (decl instanceof CoreDefType.ImportDecl importDecl) {
                imports.add(new CoreModuleInfo.Import(importDecl.module(), importDecl.name(),
                        coreExtern(importDecl.desc(), local, at, section)));
            } else {
                CoreDefType.ExportDecl exportDecl = (CoreDefType.ExportDecl) decl;
                if (!exportNames.add(exportDecl.name())) {
                    throw new ComponentFormatException(at, section, Rule.NAME_UNIQUE, "the module type exports '"
                            + exportDecl.name() + "' twice");
                }
                exports.add(new CoreModuleInfo.Export(exportDecl.name(), coreExtern(exportDecl.desc(), local, at, section)));
            }
        }
        return new CoreModuleInfo(imports, exports, false);
    }

    private static CoreExternType coreExtern(CoreExternDesc desc, List<CoreFuncType> types, int offset,
            Section section) {
        if (desc instanceof CoreExternDesc.Func func) {
            return new CoreExternType.Func(Scope.get(types, func.typeIndex(), Sort.CORE_TYPE, offset, section));
        }
        if (desc instanceof CoreExternDesc.Tag tag) {
            return new CoreExternType.Tag(Scope.get(types, tag.typeIndex(), Sort.CORE_TYPE, offset, section));
        }
        if (desc instanceof CoreExternDesc.Table table) {
            return new CoreExternType.Table(table);
        }
        if (desc instanceof CoreExternDesc.Memory memory) {
            return new CoreExternType.Memory(memory);
        }
        return new CoreExternType.Global((CoreExternDesc.Global) desc);
    }

    private static Scope outer(Scope scope, int count, int offset, Section section) {
        Scope target = scope;
        for (int i = 0; i < count; i++) {
            target = target.parent;
            if (target == null) {
                throw new ComponentFormatException(offset, section, Rule.ALIAS_OUTER, "an outer alias " + count
                        + " scopes out, but only " + i + " enclose it");
            }
        }
        return target;
    }

    // ---- component instances -------------------------------------------------------------------------------

    private Shapes.Instance instantiate(Definition.Instantiate instantiate, Scope scope, int offset) {
        Section section = Section.INSTANCE;
        Shapes.Component component = Scope.get(scope.components, instantiate.componentIndex(), Sort.COMPONENT,
                offset, section);
        Map<String, Shapes.Extern> args = new HashMap<>();
        for (Definition.InstantiateArg arg : instantiate.args()) {
            if (args.put(arg.name(), item(arg.item(), scope, offset, section)) != null) {
                throw new ComponentFormatException(offset, section, Rule.INSTANTIATE, "the argument '" + arg.name()
                        + "' is given twice");
            }
        }
        Map<ResourceIdentity, ResourceIdentity> bindings = new IdentityHashMap<>();
        Set<ResourceIdentity> placeholders = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        placeholders.addAll(component.abstractImports());
        for (Map.Entry<String, Shapes.Extern> imported : component.imports().entrySet()) {
            Shapes.Extern arg = args.get(imported.getKey());
            if (arg == null) {
                throw new ComponentFormatException(offset, section, Rule.INSTANTIATE, "component "
                        + instantiate.componentIndex() + " imports '" + imported.getKey()
                        + "', which no argument supplies");
            }
            Shapes.Extern expected = imported.getValue();
            if (expected instanceof Shapes.TypeExtern type && type.entry() instanceof Shapes.ResourceEntry resource
                    && placeholders.contains(resource.resource())) {
                if (!(arg instanceof Shapes.TypeExtern given && given.entry() instanceof Shapes.ResourceEntry supplied)) {
                    throw new ComponentFormatException(offset, section, Rule.INSTANTIATE, "the argument '"
                            + imported.getKey() + "' must be a resource type");
                }
                bindings.put(resource.resource(), supplied.resource());
                continue;
            }
            bindResources(expected, arg, placeholders, bindings);
            budgetFor(expected, offset, section);
            Shapes.Extern substituted = new TypeOps.Substitution(bindings, budget, offset, section).apply(expected);
            String mismatch = TypeOps.mismatch(arg, substituted);
            if (mismatch != null) {
                throw new ComponentFormatException(offset, section, Rule.INSTANTIATE, "the argument '"
                        + imported.getKey() + "' does not match the import: " + mismatch);
            }
        }
        // Each instantiation makes the component's abstract exported resources fresh.
        for (ResourceIdentity exported : component.abstractExports()) {
            bindings.put(exported, ResourceIdentity.defined(exported.name(), -1, java.util.OptionalInt.empty()));
        }
        TypeOps.Substitution substitution = new TypeOps.Substitution(bindings, budget, offset, section);
        Map<String, Shapes.Extern> exports = new LinkedHashMap<>();
        component.exports().forEach((name, extern) -> exports.put(name, withOrigins(substitution.apply(extern), args)));
        return new Shapes.Instance(exports);
    }

    /**
     * A type the component exports as one of its {@code (eq ...)} type imports takes the origin of the argument
     * given for that import, so that an exported interface still says which interface its types come from.
     */
    private static Shapes.Extern withOrigins(Shapes.Extern extern, Map<String, Shapes.Extern> args) {
        if (extern instanceof Shapes.TypeExtern type && type.entry() instanceof Shapes.ValueEntry value
                && value.parameter() != null && args.get(value.parameter()) instanceof Shapes.TypeExtern arg
                && arg.entry() instanceof Shapes.ValueEntry given) {
            return new Shapes.TypeExtern(new Shapes.ValueEntry(value.type(), given.origin()));
        }
        if (extern instanceof Shapes.InstanceExtern instance) {
            Map<String, Shapes.Extern> exports = new LinkedHashMap<>();
            instance.type().exports().forEach((name, member) -> exports.put(name, withOrigins(member, args)));
            return new Shapes.InstanceExtern(new Shapes.Instance(exports));
        }
        return extern;
    }

    /** Binds the abstract resources an imported instance type exports to those of the instance supplied. */
    private static void bindResources(Shapes.Extern expected, Shapes.Extern actual, Set<ResourceIdentity> placeholders,
            Map<ResourceIdentity, ResourceIdentity> bindings) {
        if (!(expected instanceof Shapes.InstanceExtern e) || !(actual instanceof Shapes.InstanceExtern a)) {
            return;
        }
        e.type().exports().forEach((name, member) -> {
            Shapes.Extern provided = a.type().exports().get(name);
            if (member instanceof Shapes.TypeExtern t && t.entry() instanceof Shapes.ResourceEntry r
                    && placeholders.contains(r.resource()) && !bindings.containsKey(r.resource())
                    && provided instanceof Shapes.TypeExtern p && p.entry() instanceof Shapes.ResourceEntry supplied) {
                bindings.put(r.resource(), supplied.resource());
            } else if (provided != null) {
                bindResources(member, provided, placeholders, bindings);
            }
        });
    }

    private Shapes.Instance inlineExports(List<Definition.InlineExport> exports, Scope scope, int offset) {
        Section section = Section.INSTANCE;
        NameRules.UniqueNames names = new NameRules.UniqueNames("export");
        Map<String, Shapes.Extern> items = new LinkedHashMap<>();
        for (Definition.InlineExport export : exports) {
            names.add(NameRules.externName(export.name(), export.versionSuffix(), offset, section), offset, section);
            Shapes.Extern item = item(export.item(), scope, offset, section);
            if (item instanceof Shapes.TypeExtern type) {
                item = new Shapes.TypeExtern(named(type.entry(), export.name()));
            }
            items.put(export.name(), item);
        }
        return new Shapes.Instance(items);
    }

    /** The item a component-level {@code sortidx} refers to, as an import or export sees it. */
    private static Shapes.Extern item(SortIndex item, Scope scope, int offset, Section section) {
        int index = item.index();
        return switch (item.sort()) {
            case FUNC -> new Shapes.FuncExtern(Scope.get(scope.funcs, index, Sort.FUNC, offset, section));
            case TYPE -> new Shapes.TypeExtern(Scope.get(scope.types, index, Sort.TYPE, offset, section));
            case INSTANCE -> new Shapes.InstanceExtern(Scope.get(scope.instances, index, Sort.INSTANCE, offset, section));
            case COMPONENT -> new Shapes.ComponentExtern(
                    Scope.get(scope.components, index, Sort.COMPONENT, offset, section));
            case CORE_MODULE -> new Shapes.CoreModuleExtern(
                    Scope.get(scope.coreModules, index, Sort.CORE_MODULE, offset, section));
            default -> throw new ComponentFormatException(offset, section, Rule.EXPORT, "a " + item.sort()
                    + " cannot be passed or exported between components; of the core sorts only modules can");
        };
    }

    // ---- aliases -------------------------------------------------------------------------------------------

    private void alias(Alias alias, Scope scope, int offset, Section section, boolean declarator) {
        Sort sort = alias.sort();
        if (alias.target() instanceof Alias.InstanceExport export) {
            if (declarator && sort != Sort.INSTANCE && sort != Sort.TYPE) {
                throw new ComponentFormatException(offset, section, Rule.DECLARATOR, "an export alias of a " + sort
                        + " in a type; only instances and types");
            }
            Shapes.Instance instance = Scope.get(scope.instances, export.instanceIndex(), Sort.INSTANCE, offset,
                    section);
            Shapes.Extern item = instance.exports().get(export.name());
            if (item == null) {
                throw new ComponentFormatException(offset, section, Rule.ALIAS_EXPORT, "instance "
                        + export.instanceIndex() + " has no export named '" + export.name() + "'");
            }
            String origin = scope.instanceOrigins.get(export.instanceIndex());
            addAliased(item, sort, export.name(), origin, scope, offset, section);
        } else if (alias.target() instanceof Alias.CoreInstanceExport export) {
            if (declarator) {
                throw new ComponentFormatException(offset, section, Rule.DECLARATOR, "a core export alias in a type");
            }
            Map<String, CoreExternType> instance = Scope.get(scope.coreInstances, export.coreInstanceIndex(),
                    Sort.CORE_INSTANCE, offset, section);
            CoreExternType item = instance.get(export.name());
            if (item == null || item.sort() != sort) {
                throw new ComponentFormatException(offset, section, Rule.ALIAS_EXPORT, "core instance "
                        + export.coreInstanceIndex() + (item == null ? " has no export named '" + export.name() + "'"
                                : " exports '" + export.name() + "' as a " + item.sort() + ", not a " + sort));
            }
            if (item instanceof CoreExternType.Func func) {
                scope.coreFuncs.add(func.type());
            } else if (item instanceof CoreExternType.Table table) {
                scope.coreTables.add(table.type());
            } else if (item instanceof CoreExternType.Memory memory) {
                scope.coreMemories.add(memory.type());
            } else if (item instanceof CoreExternType.Global global) {
                scope.coreGlobals.add(global.type());
            } else {
                scope.coreTags.add(((CoreExternType.Tag) item).type());
            }
        } else {
            Alias.Outer outer = (Alias.Outer) alias.target();
            boolean allowed = declarator ? sort == Sort.CORE_TYPE || sort == Sort.TYPE
                    : sort == Sort.CORE_MODULE || sort == Sort.CORE_TYPE || sort == Sort.COMPONENT || sort == Sort.TYPE;
            if (!allowed) {
                throw new ComponentFormatException(offset, section, declarator ? Rule.DECLARATOR : Rule.ALIAS_OUTER,
                        "an outer alias of a " + sort);
            }
            Scope target = outer(scope, outer.count(), offset, section);
            boolean crossesComponent = false;
            Scope walk = scope;
            for (int i = 0; i < outer.count(); i++) {
                crossesComponent |= walk.kind == Scope.Kind.COMPONENT;
                walk = walk.parent;
            }
            switch (sort) {
                case CORE_MODULE -> scope.coreModules.add(
                        Scope.get(target.coreModules, outer.index(), sort, offset, section));
                case CORE_TYPE -> scope.coreTypes.add(Scope.get(target.coreTypes, outer.index(), sort, offset, section));
                case COMPONENT -> scope.components.add(
                        Scope.get(target.components, outer.index(), sort, offset, section));
                default -> {
                    Shapes.TypeEntry entry = Scope.get(target.types, outer.index(), sort, offset, section);
                    if (crossesComponent && mentionsResource(entry, offset, section)) {
                        throw new ComponentFormatException(offset, section, Rule.ALIAS_OUTER, "an outer alias of type "
                                + outer.index() + ", which refers to a resource, across a component boundary");
                    }
                    scope.types.add(entry);
                }
            }
        }
    }

    /** {@link TypeOps#mentionsResource}, charged to the budget once per distinct type. */
    private boolean mentionsResource(Shapes.TypeEntry entry, int offset, Section section) {
        Boolean known = mentionsResource.get(entry);
        if (known == null) {
            budget.charge(entrySize(entry), offset, section);
            known = TypeOps.mentionsResource(entry);
            mentionsResource.put(entry, known);
        }
        return known;
    }

    private static long entrySize(Shapes.TypeEntry entry) {
        if (entry instanceof Shapes.ValueEntry value) {
            return value.type().size();
        }
        if (entry instanceof Shapes.FuncEntry func) {
            return func.type().size();
        }
        if (entry instanceof Shapes.InstanceEntry instance) {
            return externsSize(instance.type().exports().values());
        }
        if (entry instanceof Shapes.ComponentEntry component) {
            return externsSize(component.type().imports().values()) + externsSize(component.type().exports().values());
        }
        return 1;
    }

    private static long externsSize(java.util.Collection<Shapes.Extern> externs) {
        long size = 1;
        for (Shapes.Extern extern : externs) {
            if (extern instanceof Shapes.FuncExtern func) {
                size += func.type().size();
            } else if (extern instanceof Shapes.TypeExtern type) {
                size += entrySize(type.entry());
            } else if (extern instanceof Shapes.InstanceExtern instance) {
                size += externsSize(instance.type().exports().values());
            } else {
                size++;
            }
        }
        return size;
    }

    private static void addAliased(Shapes.Extern item, Sort sort, String name, String origin, Scope scope, int offset,
            Section section) {
        String mismatch = null;
        switch (sort) {
            case FUNC -> {
                if (item instanceof Shapes.FuncExtern func) {
                    scope.funcs.add(func.type());
                } else {
                    mismatch = "func";
                }
            }
            case TYPE -> {
                if (item instanceof Shapes.TypeExtern type) {
                    Shapes.TypeEntry entry = type.entry();
                    if (entry instanceof Shapes.ValueEntry value && origin != null) {
                        entry = new Shapes.ValueEntry(value.type(), Optional.of(new ItemType.TypeOrigin(origin, name)));
                    }
                    scope.types.add(entry);
                } else {
                    mismatch = "type";
                }
            }
            case INSTANCE -> {
                if (item instanceof Shapes.InstanceExtern instance) {
                    scope.instances.add(instance.type());
                    scope.instanceOrigins.add(null);
                } else {
                    mismatch = "instance";
                }
            }
            case COMPONENT -> {
                if (item instanceof Shapes.ComponentExtern component) {
                    scope.components.add(component.type());
                } else {
                    mismatch = "component";
                }
            }
            case CORE_MODULE -> {
                if (item instanceof Shapes.CoreModuleExtern module) {
                    scope.coreModules.add(module.type());
                } else {
                    mismatch = "core module";
                }
            }
            default -> mismatch = sort.toString();
        }
        if (mismatch != null) {
            throw new ComponentFormatException(offset, section, Rule.ALIAS_EXPORT, "the export '" + name
                    + "' is not a " + mismatch);
        }
    }

    // ---- types ---------------------------------------------------------------------------------------------

    private Shapes.TypeEntry defType(DefType type, Scope scope, int offset, Section section, int depth) {
        if (type instanceof DefType.ValueType value) {
            return new Shapes.ValueEntry(valueType(value, scope, offset, section), Optional.empty());
        }
        if (type instanceof DefType.Func func) {
            return new Shapes.FuncEntry(funcType(func, scope, offset, section));
        }
        if (type instanceof DefType.Resource resource) {
            if (scope.kind != Scope.Kind.COMPONENT) {
                throw new ComponentFormatException(offset, section, Rule.DECLARATOR, "a resource type defined inside "
                        + scope.kind.text + "; only imports and exports introduce resources there");
            }
            if (resource.destructor().isPresent()) {
                CoreFuncType dtor = Scope.get(scope.coreFuncs, resource.destructor().getAsInt(), Sort.CORE_FUNC,
                        offset, section);
                if (!dtor.equals(new CoreFuncType(List.of(CoreValType.I32), List.of()))) {
                    throw new ComponentFormatException(offset, section, Rule.RESOURCE_TYPE, "the destructor, core func "
                            + resource.destructor().getAsInt() + ", has type " + dtor + "; it must be [i32] -> []");
                }
            }
            int index = scope.types.size();
            ResourceIdentity identity = ResourceIdentity.defined("resource-" + index, index, resource.destructor());
            scope.defined.add(identity);
            return new Shapes.ResourceEntry(identity, null);
        }
        if (type instanceof DefType.InstanceType instance) {
            Scope child = new Scope(scope, Scope.Kind.INSTANCE_TYPE);
            declarations(instance.declarations(), child, section, depth + 1);
            return new Shapes.InstanceEntry(new Shapes.Instance(child.exports));
        }
        DefType.ComponentType component = (DefType.ComponentType) type;
        Scope child = new Scope(scope, Scope.Kind.COMPONENT_TYPE);
        declarations(component.declarations(), child, section, depth + 1);
        return new Shapes.ComponentEntry(new Shapes.Component(child.imports, child.exports, child.abstractImports,
                child.abstractExports));
    }

    private void declarations(List<Decl> declarations, Scope scope, Section section, int depth) {
        for (Decl decl : declarations) {
            int offset = decl.offset();
            if (decl instanceof Decl.CoreTypeDecl coreType) {
                scope.coreTypes.add(coreType(coreType.type(), scope, offset, section));
            } else if (decl instanceof Decl.TypeDecl typeDecl) {
                scope.types.add(defType(typeDecl.type(), scope, offset, section, depth));
            } else if (decl instanceof Decl.AliasDecl alias) {
                alias(alias.alias(), scope, offset, section, true);
            } else if (decl instanceof Decl.ImportDecl importDecl) {
                importItem(importDecl.name(), importDecl.versionSuffix(), importDecl.type(), scope, offset, section);
            } else {
                Decl.ExportDecl exportDecl = (Decl.ExportDecl) decl;
                exportDecl(exportDecl, scope, offset, section);
            }
        }
    }

    private Vt valueType(DefType.ValueType type, Scope scope, int offset, Section section) {
        Vt result;
        if (type instanceof DefType.PrimitiveDef primitive) {
            result = new Vt.Prim(primitive.type());
        } else if (type instanceof DefType.Record record) {
            List<String> labels = record.fields().stream().map(DefType.Field::label).toList();
            NameRules.labels(labels, "record field", offset, section);
            List<Vt> types = new ArrayList<>(labels.size());
            for (DefType.Field field : record.fields()) {
                types.add(valType(field.type(), scope, offset, section));
            }
            result = new Vt.Rec(null, labels, types);
        } else if (type instanceof DefType.Variant variant) {
            List<String> labels = variant.cases().stream().map(DefType.Case::label).toList();
            NameRules.labels(labels, "variant case", offset, section);
            List<Optional<Vt>> payloads = new ArrayList<>(labels.size());
            for (DefType.Case c : variant.cases()) {
                payloads.add(c.payload().map(payload -> valType(payload, scope, offset, section)));
            }
            result = new Vt.Var(null, labels, payloads);
        } else if (type instanceof DefType.ListOf list) {
            result = new Vt.Lst(valType(list.element(), scope, offset, section));
        } else if (type instanceof DefType.Tuple tuple) {
            result = new Vt.Tup(tuple.elements().stream().map(e -> valType(e, scope, offset, section)).toList());
        } else if (type instanceof DefType.Flags flags) {
            NameRules.labels(flags.labels(), "flag", offset, section);
            result = new Vt.Flg(null, flags.labels());
        } else if (type instanceof DefType.Enum enumType) {
            NameRules.labels(enumType.labels(), "enum case", offset, section);
            result = new Vt.Enm(null, enumType.labels());
        } else if (type instanceof DefType.OptionOf option) {
            result = new Vt.Opt(valType(option.some(), scope, offset, section));
        } else if (type instanceof DefType.ResultOf r) {
            result = new Vt.Res(r.ok().map(t -> valType(t, scope, offset, section)),
                    r.error().map(t -> valType(t, scope, offset, section)));
        } else if (type instanceof DefType.Own own) {
            Shapes.ResourceEntry entry = resourceEntry(own.resourceTypeIndex(), scope, offset, section, "own");
            result = new Vt.Handle(true, entry.resource(), entry.name());
        } else {
            DefType.Borrow borrow = (DefType.Borrow) type;
            Shapes.ResourceEntry entry = resourceEntry(borrow.resourceTypeIndex(), scope, offset, section, "borrow");
            result = new Vt.Handle(false, entry.resource(), entry.name());
        }
        checkSize(result, offset, section);
        return result;
    }

    private static void checkSize(Vt type, int offset, Section section) {
        if (type.depth() > Limits.MAX_TYPE_DEPTH || type.size() > Limits.MAX_TYPE_SIZE) {
            throw new ComponentFormatException(offset, section, Rule.TYPE_SIZE, "a value type "
                    + (type.depth() > Limits.MAX_TYPE_DEPTH ? "nested " + type.depth() + " deep"
                            : "of more than " + Limits.MAX_TYPE_SIZE + " type constructors"));
        }
    }

    private static Shapes.ResourceEntry resourceEntry(int index, Scope scope, int offset, Section section,
            String what) {
        Shapes.TypeEntry entry = Scope.get(scope.types, index, Sort.TYPE, offset, section);
        if (!(entry instanceof Shapes.ResourceEntry resource)) {
            throw new ComponentFormatException(offset, section, Rule.RESOURCE_TYPE, what + " of type " + index
                    + ", which is a " + kindOf(entry) + ", not a resource type");
        }
        return resource;
    }

    private static Vt valType(ValType type, Scope scope, int offset, Section section) {
        if (type instanceof ValType.Primitive primitive) {
            return new Vt.Prim(primitive.type());
        }
        int index = ((ValType.Indexed) type).typeIndex();
        Shapes.TypeEntry entry = Scope.get(scope.types, index, Sort.TYPE, offset, section);
        if (!(entry instanceof Shapes.ValueEntry value)) {
            throw new ComponentFormatException(offset, section, Rule.TYPE_KIND, "type " + index + " is used as a value "
                    + "type, but it is a " + kindOf(entry));
        }
        return value.type();
    }

    static String kindOf(Shapes.TypeEntry entry) {
        if (entry instanceof Shapes.ValueEntry) {
            return "value type";
        }
        if (entry instanceof Shapes.FuncEntry) {
            return "function type";
        }
        if (entry instanceof Shapes.ResourceEntry) {
            return "resource type";
        }
        if (entry instanceof Shapes.InstanceEntry) {
            return "instance type";
        }
        if (entry instanceof Shapes.ComponentEntry) {
            return "component type";
        }
        return "core module type";
    }

    private Shapes.Func funcType(DefType.Func func, Scope scope, int offset, Section section) {
        List<String> names = func.params().stream().map(DefType.Field::label).toList();
        NameRules.labels(names, "parameter", offset, section);
        List<Vt> params = new ArrayList<>(names.size());
        for (DefType.Field param : func.params()) {
            params.add(valType(param.type(), scope, offset, section));
        }
        Optional<Vt> result = func.result().map(r -> valType(r, scope, offset, section));
        Shapes.Func shape = new Shapes.Func(names, params, result);
        if (shape.size() > Limits.MAX_TYPE_SIZE) {
            throw new ComponentFormatException(offset, section, Rule.TYPE_SIZE, "a function type of more than "
                    + Limits.MAX_TYPE_SIZE + " type constructors");
        }
        if (result.isPresent()) {
            budget.charge(result.get().size(), offset, section);
            if (TypeOps.containsBorrow(result.get())) {
                throw new ComponentFormatException(offset, section, Rule.BORROW_IN_RESULT, "a function type whose "
                        + "result contains a borrow handle");
            }
        }
        return shape;
    }

    private static Shapes.Func funcEntry(int index, Scope scope, int offset, Section section) {
        Shapes.TypeEntry entry = Scope.get(scope.types, index, Sort.TYPE, offset, section);
        if (!(entry instanceof Shapes.FuncEntry func)) {
            throw new ComponentFormatException(offset, section, Rule.TYPE_KIND, "type " + index + " is used as a "
                    + "function type, but it is a " + kindOf(entry));
        }
        return func.type();
    }

    private void budgetFor(Shapes.Extern extern, int offset, Section section) {
        if (extern instanceof Shapes.FuncExtern func) {
            budget.charge(func.type().size(), offset, section);
        } else if (extern instanceof Shapes.InstanceExtern instance) {
            for (Shapes.Extern export : instance.type().exports().values()) {
                budgetFor(export, offset, section);
            }
        } else if (extern instanceof Shapes.TypeExtern type && type.entry() instanceof Shapes.ValueEntry value) {
            budget.charge(value.type().size(), offset, section);
        } else {
            budget.charge(1, offset, section);
        }
    }

    // ---- imports and exports -------------------------------------------------------------------------------

    /** Resolves an {@code externtype} to what it describes; {@code name} labels new resources. */
    private Shapes.Extern externType(ExternDesc desc, String name, boolean imported, Scope scope, int offset,
            Section section) {
        if (desc instanceof ExternDesc.Func func) {
            return new Shapes.FuncExtern(funcEntry(func.typeIndex(), scope, offset, section));
        }
        if (desc instanceof ExternDesc.TypeEq eq) {
            Shapes.TypeEntry entry = Scope.get(scope.types, eq.typeIndex(), Sort.TYPE, offset, section);
            return new Shapes.TypeExtern(named(entry, name));
        }
        if (desc instanceof ExternDesc.SubResource) {
            ResourceIdentity resource = scope.kind == Scope.Kind.COMPONENT && imported
                    ? ResourceIdentity.imported(name, name)
                    : ResourceIdentity.placeholder(name);
            // Below the top level, an imported resource is a parameter that instantiation supplies.
            if (!imported) {
                scope.abstractExports.add(resource);
            } else if (scope.parent != null) {
                scope.abstractImports.add(resource);
            }
            return new Shapes.TypeExtern(new Shapes.ResourceEntry(resource, name));
        }
        if (desc instanceof ExternDesc.Instance instance) {
            Shapes.TypeEntry entry = Scope.get(scope.types, instance.typeIndex(), Sort.TYPE, offset, section);
            if (!(entry instanceof Shapes.InstanceEntry type)) {
                throw new ComponentFormatException(offset, section, Rule.TYPE_KIND, "type " + instance.typeIndex()
                        + " is used as an instance type, but it is a " + kindOf(entry));
            }
            return new Shapes.InstanceExtern(type.type());
        }
        if (desc instanceof ExternDesc.Component component) {
            Shapes.TypeEntry entry = Scope.get(scope.types, component.typeIndex(), Sort.TYPE, offset, section);
            if (!(entry instanceof Shapes.ComponentEntry type)) {
                throw new ComponentFormatException(offset, section, Rule.TYPE_KIND, "type " + component.typeIndex()
                        + " is used as a component type, but it is a " + kindOf(entry));
            }
            return new Shapes.ComponentExtern(type.type());
        }
        int coreIndex = ((ExternDesc.CoreModule) desc).coreTypeIndex();
        Object coreType = Scope.get(scope.coreTypes, coreIndex, Sort.CORE_TYPE, offset, section);
        if (!(coreType instanceof CoreModuleInfo module)) {
            throw new ComponentFormatException(offset, section, Rule.TYPE_KIND, "core type " + coreIndex
                    + " is used as a module type, but it is a function type");
        }
        return new Shapes.CoreModuleExtern(module);
    }

    private void importItem(String name, Optional<String> versionSuffix, ExternDesc desc, Scope scope, int offset,
            Section section) {
        ExternName parsed = NameRules.externName(name, versionSuffix, offset, section);
        scope.importNames.add(parsed, offset, section);
        Shapes.Extern extern = externType(desc, name, true, scope, offset, section);
        if (scope.parent != null && extern instanceof Shapes.TypeExtern type
                && type.entry() instanceof Shapes.ValueEntry value) {
            extern = new Shapes.TypeExtern(new Shapes.ValueEntry(value.type(), value.origin(), name));
        }
        if (extern instanceof Shapes.InstanceExtern instance) {
            extern = new Shapes.InstanceExtern(instantiateImport(instance.type(), name, scope, offset, section));
        }
        annotated(parsed, extern, scope.importedResources, offset, section);
        makeVisible(extern, scope);
        scope.imports.put(name, extern);
        add(extern, scope, name);
    }

    /**
     * An imported instance gets its own resources: each abstract resource its type exports becomes a resource of
     * this import (in a component) or a fresh placeholder (in a component type).
     */
    private Shapes.Instance instantiateImport(Shapes.Instance type, String importName, Scope scope, int offset,
            Section section) {
        Map<ResourceIdentity, ResourceIdentity> bindings = new IdentityHashMap<>();
        collectAbstract(type, importName, "", scope, bindings);
        return new TypeOps.Substitution(bindings, budget, offset, section).apply(type);
    }

    private static void collectAbstract(Shapes.Instance type, String importName, String prefix, Scope scope,
            Map<ResourceIdentity, ResourceIdentity> bindings) {
        type.exports().forEach((name, extern) -> {
            if (extern instanceof Shapes.TypeExtern t && t.entry() instanceof Shapes.ResourceEntry r
                    && r.resource().origin() == ResourceIdentity.Origin.ABSTRACT
                    && !bindings.containsKey(r.resource())) {
                ResourceIdentity fresh = scope.kind == Scope.Kind.COMPONENT
                        ? ResourceIdentity.imported(importName, prefix + name)
                        : ResourceIdentity.placeholder(prefix + name);
                if (scope.parent != null) {
                    scope.abstractImports.add(fresh);
                }
                bindings.put(r.resource(), fresh);
            } else if (extern instanceof Shapes.InstanceExtern nested) {
                collectAbstract(nested.type(), importName, prefix + name + "/", scope, bindings);
            }
        });
    }

    private void exportDecl(Decl.ExportDecl decl, Scope scope, int offset, Section section) {
        ExternName parsed = NameRules.externName(decl.name(), decl.versionSuffix(), offset, section);
        scope.exportNames.add(parsed, offset, section);
        Shapes.Extern extern = externType(decl.type(), decl.name(), false, scope, offset, section);
        annotated(parsed, extern, scope.exportedResources, offset, section);
        scope.exports.put(decl.name(), extern);
        add(extern, scope, decl.name());
    }

    private void exportItem(Definition.Export export, Scope scope, int offset) {
        Section section = Section.EXPORT;
        ExternName parsed = NameRules.externName(export.name(), export.versionSuffix(), offset, section);
        scope.exportNames.add(parsed, offset, section);
        Shapes.Extern actual = item(export.item(), scope, offset, section);
        Shapes.Extern exported = actual;
        if (export.ascribed().isPresent()) {
            Shapes.Extern ascribed = externType(export.ascribed().get(), export.name(), false, scope, offset, section);
            if (ascribed instanceof Shapes.TypeExtern t && t.entry() instanceof Shapes.ResourceEntry r
                    && r.resource().origin() == ResourceIdentity.Origin.ABSTRACT) {
                // (sub resource) ascribed: the export hides which resource it is.
                if (!(actual instanceof Shapes.TypeExtern a && a.entry() instanceof Shapes.ResourceEntry)) {
                    throw new ComponentFormatException(offset, section, Rule.EXPORT, "the export '" + export.name()
                            + "' ascribes a resource type to a " + sortText(export.item().sort()));
                }
                scope.abstractExports.remove(r.resource());
            } else {
                budgetFor(ascribed, offset, section);
                String mismatch = TypeOps.mismatch(actual, ascribed);
                if (mismatch != null) {
                    throw new ComponentFormatException(offset, section, Rule.EXPORT, "the export '" + export.name()
                            + "' ascribes a type its definition does not have: " + mismatch);
                }
            }
            exported = ascribed;
        } else if (actual instanceof Shapes.TypeExtern type) {
            exported = new Shapes.TypeExtern(named(type.entry(), export.name()));
        }
        annotated(parsed, exported, scope.exportedResources, offset, section);
        makeVisible(exported, scope);
        checkVisible(exported, export.name(), scope, offset, section);
        scope.exports.put(export.name(), exported);
        add(exported, scope, export.name());
    }

    /** The entry a named import, export or type bound adds: the same type, under that name. */
    private static Shapes.TypeEntry named(Shapes.TypeEntry entry, String name) {
        if (entry instanceof Shapes.ValueEntry value) {
            return new Shapes.ValueEntry(Vt.named(value.type(), name), value.origin(), value.parameter());
        }
        if (entry instanceof Shapes.ResourceEntry resource) {
            return new Shapes.ResourceEntry(resource.resource(), name);
        }
        return entry;
    }

    private static String sortText(Sort sort) {
        return sort.toString();
    }

    /** The resources an import or export names: a resource type itself, or the resource members of an instance. */
    private static void makeVisible(Shapes.Extern extern, Scope scope) {
        if (extern instanceof Shapes.TypeExtern type && type.entry() instanceof Shapes.ResourceEntry resource) {
            scope.visible.add(resource.resource());
        } else if (extern instanceof Shapes.InstanceExtern instance) {
            instance.type().exports().values().forEach(member -> makeVisible(member, scope));
        }
    }

    /**
     * The Explainer's external visibility rule for resources ("External Visibility of Types"): an exported
     * function, or a function of an exported instance, may use only resources that an import or export names.
     */
    private void checkVisible(Shapes.Extern extern, String name, Scope scope, int offset, Section section) {
        if (extern instanceof Shapes.FuncExtern func) {
            budget.charge(func.type().size(), offset, section);
            for (Vt param : func.type().params()) {
                checkVisible(param, name, scope, offset, section);
            }
            if (func.type().result().isPresent()) {
                checkVisible(func.type().result().get(), name, scope, offset, section);
            }
        } else if (extern instanceof Shapes.InstanceExtern instance) {
            instance.type().exports().forEach((member, type) -> checkVisible(type, name + "/" + member, scope, offset,
                    section));
        }
    }

    private static void checkVisible(Vt type, String name, Scope scope, int offset, Section section) {
        if (type instanceof Vt.Handle handle) {
            if (!scope.visible.contains(handle.resource())) {
                throw new ComponentFormatException(offset, section, Rule.EXTERNAL_VISIBILITY, "the export '" + name
                        + "' uses " + handle.resource() + ", which no import or export names");
            }
        } else if (type instanceof Vt.Rec r) {
            r.types().forEach(t -> checkVisible(t, name, scope, offset, section));
        } else if (type instanceof Vt.Var v) {
            v.payloads().forEach(p -> p.ifPresent(t -> checkVisible(t, name, scope, offset, section)));
        } else if (type instanceof Vt.Lst l) {
            checkVisible(l.element(), name, scope, offset, section);
        } else if (type instanceof Vt.Tup t) {
            t.elements().forEach(e -> checkVisible(e, name, scope, offset, section));
        } else if (type instanceof Vt.Opt o) {
            checkVisible(o.some(), name, scope, offset, section);
        } else if (type instanceof Vt.Res r) {
            r.ok().ifPresent(t -> checkVisible(t, name, scope, offset, section));
            r.err().ifPresent(t -> checkVisible(t, name, scope, offset, section));
        }
    }

    /** Appends the index an import or export adds. */
    private static void add(Shapes.Extern extern, Scope scope, String name) {
        if (extern instanceof Shapes.FuncExtern func) {
            scope.funcs.add(func.type());
        } else if (extern instanceof Shapes.TypeExtern type) {
            scope.types.add(type.entry());
        } else if (extern instanceof Shapes.InstanceExtern instance) {
            scope.instances.add(instance.type());
            scope.instanceOrigins.add(name);
        } else if (extern instanceof Shapes.ComponentExtern component) {
            scope.components.add(component.type());
        } else {
            scope.coreModules.add(((Shapes.CoreModuleExtern) extern).type());
        }
    }

    /**
     * The rules of annotated names: {@code [constructor]r}, {@code [method]r.m} and {@code [static]r.m} are
     * functions of a resource {@code r} introduced earlier in the same scope and direction, and resources are
     * recorded by label for later names.
     */
    private static void annotated(ExternName name, Shapes.Extern extern, Map<String, ResourceIdentity> resources,
            int offset, Section section) {
        if (extern instanceof Shapes.TypeExtern type && type.entry() instanceof Shapes.ResourceEntry resource
                && name instanceof PlainName plain && plain.kind() == PlainName.Kind.LABEL) {
            resources.put(plain.label(), resource.resource());
            return;
        }
        if (!(name instanceof PlainName plain) || plain.kind() == PlainName.Kind.LABEL) {
            return;
        }
        if (!(extern instanceof Shapes.FuncExtern func)) {
            throw new ComponentFormatException(offset, section, Rule.ANNOTATED_NAME, "'" + name + "' names something "
                    + "that is not a function");
        }
        String label = plain.resource().orElseThrow();
        ResourceIdentity resource = resources.get(label);
        if (resource == null) {
            throw new ComponentFormatException(offset, section, Rule.ANNOTATED_NAME, "'" + name + "' names the "
                    + "resource '" + label + "', but no resource of that name comes before it in this scope");
        }
        Shapes.Func type = func.type();
        if (plain.kind() == PlainName.Kind.CONSTRUCTOR) {
            Optional<Vt> result = type.result();
            boolean ok = result.isPresent() && (isOwn(result.get(), resource)
                    || result.get() instanceof Vt.Res r && r.ok().isPresent() && isOwn(r.ok().get(), resource));
            if (!ok) {
                throw new ComponentFormatException(offset, section, Rule.ANNOTATED_NAME, "the constructor '" + name
                        + "' must return own<" + label + "> or result<own<" + label + ">, e>");
            }
        } else if (plain.kind() == PlainName.Kind.METHOD) {
            boolean ok = !type.params().isEmpty() && type.names().get(0).equals("self")
                    && type.params().get(0) instanceof Vt.Handle h && !h.own() && h.resource() == resource;
            if (!ok) {
                throw new ComponentFormatException(offset, section, Rule.ANNOTATED_NAME, "the method '" + name
                        + "' must take self: borrow<" + label + "> as its first parameter");
            }
        }
    }

    private static boolean isOwn(Vt type, ResourceIdentity resource) {
        return type instanceof Vt.Handle h && h.own() && h.resource() == resource;
    }

    // ---- canonical definitions -----------------------------------------------------------------------------

    private void canon(Definition.CanonDef definition, Scope scope, int offset) {
        Section section = Section.CANON;
        Canon canon = definition.canon();
        if (canon instanceof Canon.Lift lift) {
            Shapes.Func func = funcEntry(lift.typeIndex(), scope, offset, section);
            CoreFuncType core = Scope.get(scope.coreFuncs, lift.coreFuncIndex(), Sort.CORE_FUNC, offset, section);
            WitFunctionType witType = abiType(func, offset, section);
            CoreSignature signature = CanonicalAbi.signature(witType, CanonicalAbi.Direction.LIFT);
            CoreFuncType expected = coreFuncType(signature);
            if (!core.equals(expected)) {
                throw new ComponentFormatException(offset, section, Rule.CANON_LIFT_TYPE, "canon lift of core func "
                        + lift.coreFuncIndex() + ", of type " + core + ", as " + witType + ", which flattens to "
                        + expected);
            }
            boolean paramsAllocate = signature.paramsByPointer() || anyNeedsMemory(witType.params());
            boolean resultInMemory = signature.resultsByPointer()
                    || witType.result().map(CanonicalAbi::needsRealloc).orElse(false);
            options(lift.options(), scope, offset, paramsAllocate || resultInMemory, paramsAllocate, witType, "lift");
            if (lift.options().postReturn().isPresent()) {
                int index = lift.options().postReturn().getAsInt();
                CoreFuncType postReturn = Scope.get(scope.coreFuncs, index, Sort.CORE_FUNC, offset, section);
                CoreFuncType wanted = new CoreFuncType(expected.results(), List.of());
                if (!postReturn.equals(wanted)) {
                    throw new ComponentFormatException(offset, section, Rule.CANON_POST_RETURN, "the post-return "
                            + "function, core func " + index + ", has type " + postReturn + "; lifting " + witType
                            + " needs " + wanted);
                }
            }
            scope.funcs.add(func);
            record(scope, definition, Optional.of(witType), core, Optional.empty(), func);
        } else if (canon instanceof Canon.Lower lower) {
            Shapes.Func func = Scope.get(scope.funcs, lower.funcIndex(), Sort.FUNC, offset, section);
            WitFunctionType witType = abiType(func, offset, section);
            CoreSignature signature = CanonicalAbi.signature(witType, CanonicalAbi.Direction.LOWER);
            if (lower.options().postReturn().isPresent()) {
                throw new ComponentFormatException(offset, section, Rule.CANON_POST_RETURN, "canon lower of func "
                        + lower.funcIndex() + " has a post-return option, which only canon lift may have");
            }
            boolean paramsInMemory = signature.paramsByPointer() || anyNeedsMemory(witType.params());
            boolean resultAllocates = witType.result().map(CanonicalAbi::needsRealloc).orElse(false);
            options(lower.options(), scope, offset, paramsInMemory || resultAllocates || signature.resultsByPointer(),
                    resultAllocates, witType, "lower");
            CoreFuncType core = coreFuncType(signature);
            scope.coreFuncs.add(core);
            record(scope, definition, Optional.of(witType), core, Optional.empty(), func);
        } else {
            int typeIndex = canon instanceof Canon.ResourceNew n ? n.typeIndex()
                    : canon instanceof Canon.ResourceDrop d ? d.typeIndex() : ((Canon.ResourceRep) canon).typeIndex();
            String name = canon instanceof Canon.ResourceNew ? "resource.new"
                    : canon instanceof Canon.ResourceDrop ? "resource.drop" : "resource.rep";
            ResourceIdentity resource = resourceEntry(typeIndex, scope, offset, section, name).resource();
            if (!(canon instanceof Canon.ResourceDrop) && !scope.defined.contains(resource)) {
                throw new ComponentFormatException(offset, section, Rule.RESOURCE_TYPE, name + " of type " + typeIndex
                        + ", " + resource + ", which this component does not define");
            }
            List<CoreValType> i32 = List.of(CoreValType.I32);
            CoreFuncType core = canon instanceof Canon.ResourceDrop ? new CoreFuncType(i32, List.of())
                    : new CoreFuncType(i32, i32);
            scope.coreFuncs.add(core);
            record(scope, definition, Optional.empty(), core, Optional.of(resource), null);
        }
    }

    private void record(Scope scope, Definition.CanonDef definition, Optional<WitFunctionType> type,
            CoreFuncType core, Optional<ResourceIdentity> resource, Shapes.Func func) {
        CanonFunction canon = new CanonFunction(definition, type, core, resource,
                func == null ? null : naming -> new WitConversion(naming, false).function(func));
        scope.canonFunctions.put(definition, canon);
        if (scope == top) {
            canonFunctions.add(canon);
        }
    }

    /** The resources of a component scope by type index and by imported instance, and its canon functions. */
    private static NestedScope nestedScope(Scope scope) {
        List<ResourceIdentity> types = new ArrayList<>(scope.types.size());
        for (Shapes.TypeEntry entry : scope.types) {
            types.add(entry instanceof Shapes.ResourceEntry resource ? resource.resource() : null);
        }
        Map<String, Map<String, ResourceIdentity>> instances = new LinkedHashMap<>();
        scope.imports.forEach((name, extern) -> {
            if (extern instanceof Shapes.InstanceExtern instance) {
                Map<String, ResourceIdentity> resources = new LinkedHashMap<>();
                instance.type().exports().forEach((member, type) -> {
                    if (type instanceof Shapes.TypeExtern t && t.entry() instanceof Shapes.ResourceEntry resource) {
                        resources.put(member, resource.resource());
                    }
                });
                instances.put(name, resources);
            }
        });
        return new NestedScope(types, instances, scope.canonFunctions);
    }

    private static boolean anyNeedsMemory(List<WitParam> params) {
        return params.stream().anyMatch(param -> CanonicalAbi.needsRealloc(param.type()));
    }

    /** The options rules: memory and realloc when needed, of the right types; realloc only with memory. */
    private static void options(CanonOptions options, Scope scope, int offset, boolean needsMemory,
            boolean needsRealloc, WitFunctionType type, String direction) {
        Section section = Section.CANON;
        if (options.memory().isPresent()) {
            CoreExternDesc.Memory memory = Scope.get(scope.coreMemories, options.memory().getAsInt(),
                    Sort.CORE_MEMORY, offset, section);
            if (memory.memory64()) {
                throw new ComponentFormatException(offset, section, Rule.GATED, "canon " + direction + " with a 64-bit "
                        + "memory (behind the 🐘 gate)");
            }
            if (memory.shared()) {
                throw new ComponentFormatException(offset, section, Rule.CANON_MEMORY, "canon " + direction
                        + " with a shared memory");
            }
        } else if (needsMemory || options.realloc().isPresent()) {
            throw new ComponentFormatException(offset, section, Rule.CANON_MEMORY, "canon " + direction + " of "
                    + type + " passes values through memory"
                    + (options.realloc().isPresent() ? " (it has a realloc)" : "") + ", but has no memory option");
        }
        if (options.realloc().isPresent()) {
            int index = options.realloc().getAsInt();
            CoreFuncType realloc = Scope.get(scope.coreFuncs, index, Sort.CORE_FUNC, offset, section);
            List<CoreValType> i32 = List.of(CoreValType.I32);
            CoreFuncType wanted = new CoreFuncType(List.of(CoreValType.I32, CoreValType.I32, CoreValType.I32,
                    CoreValType.I32), i32);
            if (!realloc.equals(wanted)) {
                throw new ComponentFormatException(offset, section, Rule.CANON_REALLOC, "the realloc function, core func "
                        + index + ", has type " + realloc);
            }
        } else if (needsRealloc) {
            throw new ComponentFormatException(offset, section, Rule.CANON_REALLOC, "canon " + direction + " of " + type
                    + " allocates in the core instance (strings, lists or more than "
                    + CanonicalAbi.MAX_FLAT_PARAMS + " flat parameters), but has no realloc option");
        }
    }

    /** The function type in the wit model, for the canonical ABI's rules; names of resources do not matter there. */
    private WitFunctionType abiType(Shapes.Func func, int offset, Section section) {
        WitFunctionType cached = abiTypes.get(func);
        if (cached != null) {
            return cached;
        }
        // CanonicalAbi walks the whole tree of each parameter; charge it once per distinct function type.
        budget.charge(func.size() * 3L, offset, section);
        WitFunctionType type = abiConversion.function(func);
        abiTypes.put(func, type);
        return type;
    }

    private static CoreFuncType coreFuncType(CoreSignature signature) {
        return new CoreFuncType(signature.params().stream().map(ComponentValidator::core).toList(),
                signature.results().stream().map(ComponentValidator::core).toList());
    }

    private static CoreValType core(CoreType type) {
        return switch (type) {
            case I32 -> CoreValType.I32;
            case I64 -> CoreValType.I64;
            case F32 -> CoreValType.F32;
            case F64 -> CoreValType.F64;
        };
    }
}
