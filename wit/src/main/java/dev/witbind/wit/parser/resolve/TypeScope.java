package dev.witbind.wit.parser.resolve;

import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.PlainName;
import dev.witbind.wit.parser.SourceLocation;
import dev.witbind.wit.parser.model.Gates;
import dev.witbind.wit.parser.model.TypeRef;
import dev.witbind.wit.parser.model.WitFunctionDef;
import dev.witbind.wit.parser.model.WitInterfaceDef;
import dev.witbind.wit.parser.model.WitTypeDef;
import dev.witbind.wit.parser.syntax.Ast;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.ErrorContextType;
import dev.witbind.wit.types.FixedListType;
import dev.witbind.wit.types.FutureType;
import dev.witbind.wit.types.MapType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.StreamType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.types.WitTypes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The type names and functions of one interface (named or inline) or one world: collects the {@code use}s,
 * type definitions and functions, then resolves every name to a {@link WitTypeDef} (aliases resolved away,
 * cycles reported) and desugars resources into {@code [constructor]}, {@code [method]} and {@code [static]}
 * functions.
 */
final class TypeScope {
    /** The key types {@code map<K, V>} takes (WIT.md "Types", {@code kt}). */
    private static final Set<PrimitiveType> MAP_KEYS = EnumSet.complementOf(EnumSet.of(PrimitiveType.F32,
            PrimitiveType.F64));

    /** How a type name entered the scope. */
    private sealed interface Entry permits Local, Used {}

    private record Local(Ast.TypeDecl decl) implements Entry {}

    private record Used(Ast.UseDecl use, Ast.UseName name, WitInterfaceDef from) implements Entry {}

    private final Resolver resolver;
    private final Errors errors;
    private final PackageState pkg;
    private final PackageSource.Part part;
    private final String ownerId;
    private final String description;
    private final NameTable names;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, WitTypeDef> resolved = new HashMap<>();
    private final List<String> resolving = new ArrayList<>();
    /** Where each name on {@link #resolving} was referred to from. */
    private final List<SourceLocation> references = new ArrayList<>();
    /** The name of the field, type or function whose type is being resolved, where its problems are reported. */
    private SourceLocation referrer;
    /** Function declarations and resources, in declaration order, for {@link #functions()}. */
    private final List<Object> functionSources = new ArrayList<>();
    private final Set<InterfaceName> uses = new LinkedHashSet<>();
    /** Names whose definitions were dropped because their {@code @unstable} feature is not enabled. */
    private final Map<String, Gates> excluded = new HashMap<>();

    /**
     * @param ownerId the identity of the interface or world, which owns its resources
     * @param description how messages name the scope, e.g. {@code interface 'streams'}
     */
    TypeScope(Resolver resolver, PackageState pkg, PackageSource.Part part, String ownerId, String description) {
        this.resolver = resolver;
        this.errors = resolver.errors();
        this.pkg = pkg;
        this.part = part;
        this.ownerId = ownerId;
        this.description = description;
        this.names = new NameTable(errors, description);
    }

    /** Adds the members of an interface, resolving the interfaces its {@code use}s name. */
    void addMembers(List<Ast.InterfaceMember> members) {
        for (Ast.InterfaceMember member : members) {
            if (member instanceof Ast.UseDecl use) {
                addUse(use);
            } else if (member instanceof Ast.TypeDecl type) {
                addType(type);
            } else if (member instanceof Ast.FunctionDecl function) {
                if (resolver.enabled(function.meta())) {
                    names.define(function.name().name(), function.name().location());
                    functionSources.add(function);
                }
            }
        }
    }

    void addUse(Ast.UseDecl use) {
        if (!resolver.enabled(use.meta())) {
            resolver.checkDropped(use.path(), pkg, part);
            for (Ast.UseName name : use.names()) {
                excluded.put(name.localName().name(), use.meta().gates());
            }
            return;
        }
        WitInterfaceDef from = resolver.interfaceAt(use.path(), pkg, part);
        uses.add(from.name().orElseThrow());
        for (Ast.UseName name : use.names()) {
            if (from.type(name.name().name()).isEmpty()) {
                throw errors.at(name.name().location(), from + " has no type named '" + name.name().name() + "'"
                        + (from.function(name.name().name()).isPresent() ? " ('use' brings in types; '"
                                + name.name().name() + "' is a function)" : ""));
            }
            names.define(name.localName().name(), name.localName().location());
            entries.put(name.localName().name(), new Used(use, name, from));
        }
    }

    void addType(Ast.TypeDecl type) {
        if (!resolver.enabled(type.meta())) {
            excluded.put(type.name().name(), type.meta().gates());
            if (type instanceof Ast.ResourceDecl resource) {
                resolver.checkContained(resource.functions().stream()
                        .map(f -> Map.entry(f.meta(), f.name().location())).toList(), "resource", type.name(),
                        type.meta());
            }
            return;
        }
        names.define(type.name().name(), type.name().location());
        entries.put(type.name().name(), new Local(type));
        if (type instanceof Ast.ResourceDecl resource) {
            functionSources.add(resource);
        }
    }

    /** The interfaces this scope's {@code use}s name, in first-use order. */
    List<InterfaceName> uses() {
        return List.copyOf(uses);
    }

    /** Every type name, resolved, in declaration order. */
    Map<String, WitTypeDef> types() {
        Map<String, WitTypeDef> types = new LinkedHashMap<>();
        for (String name : entries.keySet()) {
            types.put(name, typeDef(name, null));
        }
        return types;
    }

    /** Every function, resources desugared, in declaration order. */
    Map<String, WitFunctionDef> functions() {
        Map<String, WitFunctionDef> functions = new LinkedHashMap<>();
        for (Object source : functionSources) {
            if (source instanceof Ast.FunctionDecl decl) {
                WitFunctionDef function = function(decl.name(), decl.signature(), decl.meta());
                functions.put(function.externName(), function);
            } else {
                for (WitFunctionDef function : resourceFunctions((Ast.ResourceDecl) source)) {
                    functions.put(function.externName(), function);
                }
            }
        }
        return functions;
    }

    /** A freestanding function {@code name: func(...)} of this scope (also a world's inline import or export). */
    WitFunctionDef function(Ast.Ident name, Ast.Signature signature, Ast.ItemMeta meta) {
        referrer = name.location();
        WitFunctionType type = functionType(signature, List.of(), "function '" + name.name() + "'", name.location());
        return new WitFunctionDef(new PlainName(PlainName.Kind.LABEL, Optional.empty(), name.name()), type,
                resolver.gates(pkg, meta, name.location()), meta.docs(), name.location(), signature.async());
    }

    private List<WitFunctionDef> resourceFunctions(Ast.ResourceDecl decl) {
        String resourceName = decl.name().name();
        ResourceType resource = typeDef(resourceName, null).resource().orElseThrow();
        NameTable functionNames = new NameTable(errors, "resource '" + resourceName + "'");
        boolean hasConstructor = false;
        List<WitFunctionDef> functions = new ArrayList<>();
        for (Ast.ResourceFunction function : decl.functions()) {
            if (!resolver.enabled(function.meta())) {
                continue;
            }
            referrer = function.name().location();
            Ast.Signature signature = function.signature();
            String label = function.name().name();
            if (function.kind() != Ast.ResourceFunction.Kind.CONSTRUCTOR
                    && label.equalsIgnoreCase(resourceName)) {
                // the Explainer's strong uniqueness: [method]r.r and [static]r.r are the name r, the resource's own
                throw errors.at(function.name().location(), "'" + label + "' of resource '" + resourceName
                        + "' is not strongly unique: as a Component Model name it is '" + resourceName
                        + "', the resource's own name; rename the function");
            }
            Gates gates = resolver.gates(pkg, function.meta(), function.name().location());
            PlainName name;
            WitFunctionType type;
            switch (function.kind()) {
                case CONSTRUCTOR -> {
                    if (hasConstructor) {
                        throw errors.at(function.name().location(),
                                "resource '" + resourceName + "' has more than one constructor");
                    }
                    hasConstructor = true;
                    name = new PlainName(PlainName.Kind.CONSTRUCTOR, Optional.of(resourceName), resourceName);
                    type = constructorType(resource, signature);
                }
                case METHOD -> {
                    functionNames.define(label, function.name().location());
                    name = new PlainName(PlainName.Kind.METHOD, Optional.of(resourceName), label);
                    WitParam self = new WitParam("self", HandleType.borrow(resource));
                    type = functionType(signature, List.of(self), "method '" + resourceName + "." + label + "'",
                            function.name().location());
                }
                default -> {
                    functionNames.define(label, function.name().location());
                    name = new PlainName(PlainName.Kind.STATIC, Optional.of(resourceName), label);
                    type = functionType(signature, List.of(), "static function '" + resourceName + "." + label + "'",
                            function.name().location());
                }
            }
            functions.add(new WitFunctionDef(name, type, gates, function.meta().docs(), function.name().location(),
                    signature.async()));
        }
        return functions;
    }

    /** {@code constructor(...)} returns {@code own<r>}; a fallible one writes {@code result<r>} or {@code result<r, e>}. */
    private WitFunctionType constructorType(ResourceType resource, Ast.Signature signature) {
        HandleType own = HandleType.own(resource);
        List<WitParam> params = params(signature, List.of(), "the constructor of '" + resource.name() + "'");
        if (signature.result().isEmpty()) {
            return WitFunctionType.of(params, own);
        }
        Ast.TypeExpr written = signature.result().get();
        WitType result = typeOf(written);
        if (!(result instanceof ResultType fallible && fallible.ok().equals(Optional.of(own)))) {
            // At the ok type when there is one: that is what must be the resource.
            SourceLocation at = written instanceof Ast.ResultOf written2 && written2.ok().isPresent()
                    ? written2.ok().get().location() : written.location();
            throw errors.at(at, "a constructor of '" + resource.name() + "' returns '"
                    + resource.name() + "' implicitly, or 'result<" + resource.name() + ">' or 'result<"
                    + resource.name() + ", error-type>' when it can fail; found '" + result + "'");
        }
        checkNoBorrow(result, written.location());
        return WitFunctionType.of(params, result);
    }

    /** {@code name} is where the function is named: a result with a borrow is reported there, as wasm-tools does. */
    private WitFunctionType functionType(Ast.Signature signature, List<WitParam> implicit, String what,
            SourceLocation name) {
        List<WitParam> params = params(signature, implicit, what);
        if (signature.result().isEmpty()) {
            return WitFunctionType.of(params);
        }
        WitType result = typeOf(signature.result().get());
        checkNoBorrow(result, name);
        return WitFunctionType.of(params, result);
    }

    private List<WitParam> params(Ast.Signature signature, List<WitParam> implicit, String what) {
        NameTable paramNames = new NameTable(errors, "the parameters of " + what);
        List<WitParam> params = new ArrayList<>(implicit);
        for (WitParam param : implicit) {
            paramNames.define(param.name(), signature.location());
        }
        for (Ast.Param param : signature.params()) {
            if (!implicit.isEmpty() && param.name().name().equalsIgnoreCase("self")) {
                throw errors.at(param.name().location(), "a method has an implicit first parameter 'self: borrow<"
                        + ((HandleType) implicit.get(0).type()).resource().name() + ">'; rename this parameter");
            }
            paramNames.define(param.name().name(), param.name().location());
            params.add(new WitParam(param.name().name(), typeOf(param.type())));
        }
        return params;
    }

    /** A borrowed handle lives only for the duration of a call, so results cannot carry one. */
    private void checkNoBorrow(WitType type, SourceLocation location) {
        if (WitTypes.containsBorrow(type)) {
            throw errors.at(location, "a function result cannot contain a borrowed handle ('" + type + "'): a "
                    + "borrow lasts only for the call; return an owned handle instead");
        }
    }

    // ---- type names ----

    /** The definition of a type name; {@code reference} is where it is mentioned, or null when listing. */
    private WitTypeDef typeDef(String name, SourceLocation reference) {
        WitTypeDef done = resolved.get(name);
        if (done != null) {
            return done;
        }
        Entry entry = entries.get(name);
        if (entry == null && excluded.containsKey(name)) {
            // At the item that refers to it (a field, a type, a function), as wasm-tools reports it.
            throw resolver.excluded(referrer != null ? referrer : reference, "a type", name, excluded.get(name));
        }
        if (entry == null) {
            String hint = names.contains(name) ? " ('" + name + "' is a function, not a type)"
                    : "; define it in this " + (description.startsWith("world") ? "world" : "interface")
                            + " or bring it in with 'use other-interface.{" + name + "}'";
            throw errors.at(reference, "unknown type '" + name + "' in " + description + hint);
        }
        int cycleStart = resolving.indexOf(name);
        if (cycleStart >= 0) {
            List<String> cycle = new ArrayList<>(resolving.subList(cycleStart, resolving.size()));
            cycle.add(name);
            // At the first reference of the cycle, as wasm-tools reports it.
            SourceLocation first = cycleStart + 1 < references.size() ? references.get(cycleStart + 1) : reference;
            throw errors.at(first, cycle.size() == 2
                    ? "type '" + name + "' refers to itself; WIT types cannot be recursive"
                    : "types " + String.join(" -> ", cycle) + " refer to each other in a cycle; WIT types cannot "
                            + "be recursive");
        }
        resolving.add(name);
        references.add(reference);
        WitTypeDef def = entry instanceof Local local ? define(local.decl()) : use((Used) entry);
        resolving.remove(resolving.size() - 1);
        references.remove(references.size() - 1);
        resolved.put(name, def);
        return def;
    }

    private WitTypeDef use(Used used) {
        WitTypeDef original = used.from().type(used.name().name().name()).orElseThrow();
        Ast.Ident local = used.name().localName();
        return new WitTypeDef(local.name(), WitTypeDef.Kind.USE, original.type(), original.resource(),
                Optional.of(new TypeRef(used.from().id(), original.name())), resolver.gates(pkg, used.use().meta(), local.location()),
                used.use().meta().docs(), local.location());
    }

    private WitTypeDef define(Ast.TypeDecl decl) {
        SourceLocation saved = referrer;
        referrer = decl.name().location();
        try {
            return defineAt(decl);
        } finally {
            referrer = saved;
        }
    }

    private WitTypeDef defineAt(Ast.TypeDecl decl) {
        String name = decl.name().name();
        Gates gates = resolver.gates(pkg, decl.meta(), decl.name().location());
        String docs = decl.meta().docs();
        SourceLocation location = decl.name().location();
        if (decl instanceof Ast.AliasDecl alias) {
            WitType type = typeOf(alias.type());
            Optional<ResourceType> resource = Optional.empty();
            Optional<TypeRef> refersTo = Optional.empty();
            if (alias.type() instanceof Ast.Named named) {
                resource = typeDef(named.name().name(), named.location()).resource();
                refersTo = Optional.of(new TypeRef(ownerId, named.name().name()));
            }
            return new WitTypeDef(name, WitTypeDef.Kind.ALIAS, type, resource, refersTo, gates, docs, location);
        }
        if (decl instanceof Ast.RecordDecl record) {
            NameTable fieldNames = new NameTable(errors, "record '" + name + "'");
            List<RecordType.Field> fields = new ArrayList<>();
            for (Ast.Field field : record.fields()) {
                fieldNames.define(field.name().name(), field.name().location());
                referrer = field.name().location();
                fields.add(new RecordType.Field(field.name().name(), typeOf(field.type())));
            }
            return named(name, WitTypeDef.Kind.RECORD, new RecordType(name, fields), gates, docs, location);
        }
        if (decl instanceof Ast.VariantDecl variant) {
            NameTable caseNames = new NameTable(errors, "variant '" + name + "'");
            List<VariantType.Case> cases = new ArrayList<>();
            for (Ast.Case variantCase : variant.cases()) {
                caseNames.define(variantCase.name().name(), variantCase.name().location());
                cases.add(new VariantType.Case(variantCase.name().name(), variantCase.payload().map(this::typeOf)));
            }
            return named(name, WitTypeDef.Kind.VARIANT, new VariantType(name, cases), gates, docs, location);
        }
        if (decl instanceof Ast.EnumDecl enumDecl) {
            return named(name, WitTypeDef.Kind.ENUM, new EnumType(name, labels(enumDecl.cases(), "enum", name)),
                    gates, docs, location);
        }
        if (decl instanceof Ast.FlagsDecl flags) {
            if (flags.flags().size() > FlagsType.MAX_FLAGS) {
                throw errors.at(flags.flags().get(FlagsType.MAX_FLAGS).location(), "flags '" + name + "' has "
                        + flags.flags().size() + " flags; the Component Model allows at most " + FlagsType.MAX_FLAGS);
            }
            return named(name, WitTypeDef.Kind.FLAGS, new FlagsType(name, labels(flags.flags(), "flags", name)),
                    gates, docs, location);
        }
        ResourceType resource = new ResourceType(ownerId, name);
        return new WitTypeDef(name, WitTypeDef.Kind.RESOURCE, HandleType.own(resource), Optional.of(resource),
                Optional.empty(), gates, docs, location);
    }

    private static WitTypeDef named(String name, WitTypeDef.Kind kind, WitType type, Gates gates, String docs,
            SourceLocation location) {
        return new WitTypeDef(name, kind, type, Optional.empty(), Optional.empty(), gates, docs, location);
    }

    private List<String> labels(List<Ast.Ident> idents, String what, String name) {
        NameTable table = new NameTable(errors, what + " '" + name + "'");
        List<String> labels = new ArrayList<>();
        for (Ast.Ident ident : idents) {
            table.define(ident.name(), ident.location());
            labels.add(ident.name());
        }
        return labels;
    }

    WitType typeOf(Ast.TypeExpr expr) {
        if (expr instanceof Ast.Primitive primitive) {
            return primitive.type();
        }
        if (expr instanceof Ast.Named named) {
            return typeDef(named.name().name(), named.location()).type();
        }
        if (expr instanceof Ast.ListOf list) {
            return new ListType(typeOf(list.element()));
        }
        if (expr instanceof Ast.OptionOf option) {
            return new OptionType(typeOf(option.some()));
        }
        if (expr instanceof Ast.ResultOf result) {
            return new ResultType(result.ok().map(this::typeOf), result.err().map(this::typeOf));
        }
        if (expr instanceof Ast.TupleOf tuple) {
            return new TupleType(tuple.elements().stream().map(this::typeOf).toList());
        }
        if (expr instanceof Ast.FixedListOf list) {
            return new FixedListType(typeOf(list.element()), list.length());
        }
        if (expr instanceof Ast.MapOf map) {
            // wasm-tools takes the key as written: a primitive of these, not a name (even of an alias to one).
            if (!(map.key() instanceof Ast.Primitive key && MAP_KEYS.contains(key.type()))) {
                String written = map.key() instanceof Ast.Named named ? named.name().name() : typeOf(map.key()).toString();
                throw errors.at(map.location(), "invalid map key type '" + written + "': map keys are bool, "
                        + "u8, u16, u32, u64, s8, s16, s32, s64, char or string, written as such");
            }
            return new MapType(typeOf(map.key()), typeOf(map.value()));
        }
        if (expr instanceof Ast.StreamOf stream) {
            return new StreamType(stream.element().map(this::typeOf));
        }
        if (expr instanceof Ast.FutureOf future) {
            return new FutureType(future.value().map(this::typeOf));
        }
        if (expr instanceof Ast.ErrorContext) {
            return ErrorContextType.ERROR_CONTEXT;
        }
        Ast.Handle handle = (Ast.Handle) expr;
        String resourceName = handle.resource().name();
        WitTypeDef def = typeDef(resourceName, handle.resource().location());
        if (def.resource().isEmpty()) {
            String keyword = handle.ownership() == HandleType.Ownership.OWN ? "own" : "borrow";
            throw errors.at(handle.resource().location(), "'" + keyword + "<" + resourceName + ">' needs a resource, "
                    + "but '" + resourceName + "' is " + describe(def));
        }
        return new HandleType(handle.ownership(), def.resource().get());
    }

    private static String describe(WitTypeDef def) {
        return switch (def.kind()) {
            case RECORD -> "a record";
            case VARIANT -> "a variant";
            case ENUM -> "an enum";
            case FLAGS -> "flags";
            case RESOURCE -> "a resource";
            case ALIAS, USE -> "the type '" + def.type() + "'";
        };
    }
}
