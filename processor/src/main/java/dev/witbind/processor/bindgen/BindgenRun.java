package dev.witbind.processor.bindgen;

import static dev.witbind.processor.bindgen.BindingsFromWit.*;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitResource;
import dev.witbind.annotations.WitTuple;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.wit.names.PlainName;
import dev.witbind.wit.parser.model.WitFunctionDef;
import dev.witbind.wit.parser.model.WitInterfaceDef;
import dev.witbind.wit.parser.model.WitTypeDef;
import dev.witbind.wit.parser.model.WitWorld;
import dev.witbind.wit.parser.model.WorldItem;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.types.WitTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * One generation of {@link BindingsFromWit}: the units of a world, the named types found, the Java names given,
 * and the problems; then the sources of the named types and the host interfaces, and the proxies through
 * {@link ProxyWriter}.
 */
final class BindgenRun {
    private final String generatorName;
    final WitWorld world;
    final String javaPackage;
    private final List<Element> originatingElements;
    private final Set<String> problems = new LinkedHashSet<>();
    private final List<HostUnit> hosts = new ArrayList<>();
    private final List<ProxyUnit> proxies = new ArrayList<>();
    /** Named WIT types (records, variants, enums, flags, tuples) in first-seen order, and their owners. */
    private final Map<WitType, String> namedTypes = new LinkedHashMap<>();
    /** Where each named type is defined, when a scanned interface defines it. */
    private final Map<WitType, String> definers = new HashMap<>();
    private final Map<WitType, String> javaNames = new HashMap<>();
    /** Every resource a host interface defines, in order, and that host. */
    private final Map<ResourceType, HostUnit> resourceHosts = new LinkedHashMap<>();
    private final Map<ResourceType, String> variableNames = new HashMap<>();
    private final Map<ResourceType, Set<ResourceType>> resourceVariables = new HashMap<>();
    /** What to collect once the resources are known, in the order of the world's items. */
    private final List<Runnable> scans = new ArrayList<>();

    BindgenRun(WitWorld world, String javaPackage, List<Element> originatingElements, String generatorName) {
        this.generatorName = generatorName;
        this.world = world;
        this.javaPackage = javaPackage;
        this.originatingElements = originatingElements;
    }

    Outcome generate() {
        units();
        resources();
        scans.forEach(Runnable::run);
        if (!problems.isEmpty()) {
            // Refused already; the Java types of what is refused (a stream, say) need not be made up.
            return new Outcome.Refused(List.copyOf(problems));
        }
        names();
        List<JavaFile> files = new ArrayList<>();
        namedTypes.keySet().forEach(type -> files.add(file(namedType(javaNames.get(type), type))));
        hosts.forEach(host -> files.add(file(host(host))));
        proxies.forEach(proxy -> files.add(file(new ProxyWriter(this, proxy).build())));
        if (!problems.isEmpty()) {
            return new Outcome.Refused(List.copyOf(problems));
        }
        return new Outcome.Generated(files);
    }

    // ---- what the world has ---------------------------------------------------------------------------------

    private void units() {
        Set<String> interfaceIds = new HashSet<>();
        List<WitFunctionDef> worldFunctions = new ArrayList<>();
        for (WorldItem item : world.imports().values()) {
            if (item instanceof WorldItem.InterfaceRef ref) {
                // Under a plain name too (import primary: store;), the host implements the named interface.
                if (interfaceIds.add(ref.target().id())) {
                    addHost(ref.target(), ref.target().label(), qualifier(ref.target().id()),
                            Optional.of(ref.target().id()), "the WIT interface {@code " + ref.target().id() + "}");
                }
            } else if (item instanceof WorldItem.InlineInterface inline) {
                addHost(inline.target(), inline.name(), upperCamel(world.name()), Optional.empty(),
                        "The functions of the interface {@code " + inline.name() + "} that world {@code "
                                + world.id() + "} imports (written\ninline in the world), for a host to implement.");
                interfaceIds.add(inline.target().id());
            } else {
                WitFunctionDef function = ((WorldItem.Function) item).function();
                worldFunctions.add(function);
                scans.add(() -> collectFunction(function, world.id(), false));
            }
        }
        // The world's own types: a world-level resource is the world's, unless it is used from an interface.
        List<ResourceType> worldResources = new ArrayList<>();
        for (WitTypeDef def : world.types().values()) {
            if (def.resource().isPresent()) {
                ResourceType resource = def.resource().get();
                if (!interfaceIds.contains(resource.owner()) && !worldResources.contains(resource)) {
                    worldResources.add(resource);
                }
            } else {
                define(def, world.id());
                scans.add(() -> collect(def.type(), world.id(), false));
            }
        }
        if (!worldFunctions.isEmpty() || !worldResources.isEmpty()) {
            hosts.add(new HostUnit(world.id(), world.name(), "World", Optional.empty(),
                    "The functions and resources that world {@code " + world.id() + "} imports itself, for a host"
                            + "\nto implement.", worldFunctions, worldResources));
        }
        List<WitFunctionDef> exported = new ArrayList<>();
        for (WorldItem item : world.exports().values()) {
            if (item instanceof WorldItem.Function function) {
                exported.add(function.function());
                scans.add(() -> collectFunction(function.function(), world.id(), true));
                continue;
            }
            WitInterfaceDef iface = item instanceof WorldItem.InterfaceRef ref ? ref.target()
                    : ((WorldItem.InlineInterface) item).target();
            String label = item instanceof WorldItem.InterfaceRef ref ? ref.label().orElse(iface.label())
                    : item.key();
            String description = iface.isInline() ? "the interface {@code " + label + "} (written inline in the"
                    + " world)" : "the WIT interface {@code " + iface.id() + "}";
            scanTypes(iface);
            iface.freestandingFunctions().forEach(f -> scans.add(() -> collectFunction(f, iface.id(), true)));
            for (ResourceType resource : iface.resources()) {
                problems.add(Messages.bindgenUnsupported(world.id(), "the resource '" + resource.name() + "' of "
                        + "the exported interface " + label + " (the guest defines it, and GuestFunction lifts and "
                        + "lowers only resources the host implements)"));
            }
            proxies.add(new ProxyUnit(label, iface.isInline() ? upperCamel(world.name()) : qualifier(iface.id()),
                    description, iface.freestandingFunctions(), item.key() + "#"));
        }
        if (!exported.isEmpty()) {
            proxies.add(0, new ProxyUnit(world.name(), "World", "world {@code " + world.id() + "}", exported, ""));
        }
    }

    private void addHost(WitInterfaceDef iface, String label, String qualifier, Optional<String> name,
            String description) {
        scanTypes(iface);
        iface.functions().values().forEach(f -> scans.add(() -> collectFunction(f, iface.id(), false)));
        if (!iface.functions().isEmpty() || !iface.resources().isEmpty()) {
            hosts.add(new HostUnit(iface.id(), label, qualifier, name, description,
                    List.copyOf(iface.functions().values()), iface.resources()));
        }
    }

    /** Remembers which named types an interface defines, and collects its types once resources are known. */
    private void scanTypes(WitInterfaceDef iface) {
        for (WitTypeDef def : iface.types().values()) {
            if (def.resource().isEmpty()) {
                define(def, iface.id());
                scans.add(() -> collect(def.type(), iface.id(), false));
            }
        }
    }

    private void define(WitTypeDef def, String owner) {
        if (def.kind() != WitTypeDef.Kind.USE && def.kind() != WitTypeDef.Kind.ALIAS) {
            definers.putIfAbsent(def.type(), owner);
        }
    }

    // ---- resources ------------------------------------------------------------------------------------------

    /**
     * Indexes the resources of the host interfaces, names their type variables (a resource's name, qualified
     * by its interface where two resources share a name), and works out which type variables each resource's
     * nested interface needs: those of the resources its methods name, and those their bounds need in turn.
     */
    private void resources() {
        for (HostUnit host : hosts) {
            host.resources.forEach(resource -> resourceHosts.put(resource, host));
        }
        Map<String, Integer> names = new HashMap<>();
        resourceHosts.keySet().forEach(resource -> names.merge(resource.name(), 1, Integer::sum));
        for (ResourceType resource : resourceHosts.keySet()) {
            String what = "resource '" + resource.name() + "' of " + resource.owner();
            identifier(upperCamel(resource.name()), what);
            String base = names.get(resource.name()) > 1 ? ownerLabel(resource.owner()) + "-" + resource.name()
                    : resource.name();
            String variable = constant(base);
            variableNames.put(resource, variable.equals(upperCamel(base)) ? variable + "_T" : variable);
        }
        Map<ResourceType, Set<ResourceType>> direct = new HashMap<>();
        for (Map.Entry<ResourceType, HostUnit> entry : resourceHosts.entrySet()) {
            Set<ResourceType> named = new LinkedHashSet<>();
            for (WitFunctionDef function : entry.getValue().functionsOf(entry.getKey().name())) {
                if (function.kind() == PlainName.Kind.METHOD) {
                    List<WitParam> params = function.type().params();
                    params.subList(1, params.size()).forEach(p -> handles(p.type(), named));
                    function.type().result().ifPresent(r -> handles(r, named));
                }
            }
            direct.put(entry.getKey(), named);
        }
        for (ResourceType resource : resourceHosts.keySet()) {
            resourceVariables.put(resource, closure(direct.get(resource), direct));
        }
    }

    /** {@code start} and what their bounds need, in the order of {@link #resourceHosts}. */
    private Set<ResourceType> closure(Set<ResourceType> start, Map<ResourceType, Set<ResourceType>> direct) {
        Set<ResourceType> reached = new HashSet<>();
        List<ResourceType> pending = new ArrayList<>(start);
        while (!pending.isEmpty()) {
            ResourceType next = pending.remove(0);
            if (resourceHosts.containsKey(next) && reached.add(next)) {
                pending.addAll(direct.get(next));
            }
        }
        Set<ResourceType> ordered = new LinkedHashSet<>();
        resourceHosts.keySet().stream().filter(reached::contains).forEach(ordered::add);
        return ordered;
    }

    /** The type variables of a host interface: its own resources first, then the others it needs. */
    private Set<ResourceType> hostVariables(HostUnit host) {
        Set<ResourceType> named = new LinkedHashSet<>(host.resources);
        for (WitFunctionDef function : host.functions) {
            if (function.kind() == PlainName.Kind.LABEL || function.kind() == PlainName.Kind.STATIC) {
                function.type().params().forEach(p -> handles(p.type(), named));
                function.type().result().ifPresent(r -> handles(r, named));
            }
        }
        Map<ResourceType, Set<ResourceType>> direct = new HashMap<>();
        resourceVariables.forEach(direct::put);
        Set<ResourceType> all = closure(named, direct);
        Set<ResourceType> ordered = new LinkedHashSet<>(host.resources);
        ordered.addAll(all);
        return ordered;
    }

    /** The resources whose handles a signature's type names, through lists, options and results. */
    private void handles(WitType type, Set<ResourceType> found) {
        if (type instanceof HandleType handle) {
            found.add(handle.resource());
        } else if (type instanceof ListType list) {
            handles(list.element(), found);
        } else if (type instanceof OptionType option) {
            handles(option.some(), found);
        } else if (type instanceof ResultType result) {
            result.ok().ifPresent(t -> handles(t, found));
            result.err().ifPresent(t -> handles(t, found));
        }
    }

    // ---- what the functions use -----------------------------------------------------------------------------

    private void collectFunction(WitFunctionDef function, String owner, boolean proxy) {
        Optional<String> unsupported = Messages.unsupportedPart(function);
        if (unsupported.isPresent()) {
            problems.add(Messages.bindgenUnsupported(world.id(), "the function '" + function.externName() + "' of "
                    + owner + " (" + unsupported.get() + ": witbind implements the synchronous subset that WASI 0.2 "
                    + "uses)"));
            return;
        }
        for (WitParam param : function.type().params()) {
            collect(param.type(), owner, proxy);
        }
        function.type().result().ifPresent(result -> collect(result, owner, proxy));
    }

    /** Registers the named types in {@code type}, and reports the handles that cannot be generated. */
    private void collect(WitType type, String owner, boolean proxy) {
        if (type instanceof PrimitiveType) {
            return;
        }
        if (type instanceof ListType list) {
            collect(list.element(), owner, proxy);
        } else if (type instanceof OptionType option) {
            collect(option.some(), owner, proxy);
        } else if (type instanceof ResultType result) {
            result.ok().ifPresent(ok -> collect(ok, owner, proxy));
            result.err().ifPresent(err -> collect(err, owner, proxy));
        } else if (type instanceof HandleType handle) {
            if (!resourceHosts.containsKey(handle.resource())) {
                problems.add(Messages.bindgenUnsupported(world.id(), "the handle '" + handle + "' in " + owner
                        + " of the resource '" + handle.resource().name() + "' of " + handle.resource().owner()
                        + ", which no interface the world imports defines (" + (proxy
                                ? "the guest defines it, and GuestFunction lifts and lowers only resources the "
                                        + "host implements)"
                                : "a host interface's type parameters stand for resources of imported "
                                        + "interfaces)")));
            }
        } else if (WitTypes.unsupportedPart(type).isPresent()) {
            problems.add(Messages.bindgenUnsupported(world.id(), "the type '" + type + "' in " + owner + " ("
                    + "it uses '" + WitTypes.unsupportedPart(type).get() + "': witbind implements the synchronous "
                    + "subset that WASI 0.2 uses)"));
        } else if (namedTypes.putIfAbsent(type, owner) == null) {
            collectParts(type, owner, proxy);
        }
    }

    private void collectParts(WitType type, String owner, boolean proxy) {
        if (type instanceof RecordType record) {
            record.fields().forEach(field -> collect(field.type(), owner, proxy));
        } else if (type instanceof VariantType variant) {
            variant.cases().forEach(c -> c.payload().ifPresent(payload -> collect(payload, owner, proxy)));
        } else if (type instanceof TupleType tuple) {
            tuple.elements().forEach(element -> collect(element, owner, proxy));
        }
    }

    // ---- Java names -----------------------------------------------------------------------------------------

    /**
     * Gives every generated class its simple name: the WIT name in UpperCamelCase, or where two classes would
     * share one (two interfaces' {@code error-code}, the {@code types} interfaces of two packages), each of them
     * prefixed with its package and interface ({@code FilesystemTypesErrorCode}). Tuples are named after their
     * elements, so they are named last.
     */
    private void names() {
        Map<Object, String> preferred = new LinkedHashMap<>();
        Map<Object, String> qualifiers = new HashMap<>();
        for (WitType type : namedTypes.keySet()) {
            if (!(type instanceof TupleType)) {
                preferred.put(type, upperCamel(witLabel(type)));
                qualifiers.put(type, qualifier(definers.getOrDefault(type, namedTypes.get(type))));
            }
        }
        for (HostUnit host : hosts) {
            String label = upperCamel(host.label);
            preferred.put(host, label.endsWith("Host") ? label : label + "Host");
            qualifiers.put(host, host.qualifier);
        }
        for (ProxyUnit proxy : proxies) {
            preferred.put(proxy, upperCamel(proxy.label) + "Guest");
            qualifiers.put(proxy, proxy.qualifier);
        }
        Map<String, Integer> counts = new HashMap<>();
        preferred.values().forEach(name -> counts.merge(name, 1, Integer::sum));
        Map<String, Object> taken = new HashMap<>();
        for (Map.Entry<Object, String> entry : preferred.entrySet()) {
            String name = entry.getValue();
            if (counts.get(name) > 1 || RESERVED_TYPE_NAMES.contains(name)) {
                name = qualifiers.get(entry.getKey()) + name;
            }
            Object previous = taken.putIfAbsent(name, entry.getKey());
            if (previous != null) {
                problems.add(Messages.bindgenUnsupported(world.id(), "two classes named '" + name + "' ("
                        + describe(previous) + " and " + describe(entry.getKey()) + "), even with their "
                        + "interfaces' names in front"));
            }
            identifier(name, describe(entry.getKey()));
            if (entry.getKey() instanceof WitType type) {
                javaNames.put(type, name);
            } else if (entry.getKey() instanceof HostUnit host) {
                host.self = ClassName.get(javaPackage, name);
            } else {
                ((ProxyUnit) entry.getKey()).self = ClassName.get(javaPackage, name);
            }
        }
        for (WitType type : namedTypes.keySet()) {
            if (type instanceof TupleType) {
                String name = typeName(type);
                if (taken.putIfAbsent(name, type) != null || RESERVED_TYPE_NAMES.contains(name)) {
                    problems.add(Messages.bindgenUnsupported(world.id(), "the " + type + " of "
                            + namedTypes.get(type) + ", whose Java name '" + name + "' another class has"));
                }
                javaNames.put(type, name);
            }
        }
        // What the generated classes declare inside must be Java names too.
        for (WitType type : namedTypes.keySet()) {
            checkMembers(type);
        }
    }

    private String describe(Object unit) {
        if (unit instanceof WitType type) {
            return "the type '" + type + "' of " + definers.getOrDefault(type, namedTypes.get(type));
        }
        if (unit instanceof HostUnit host) {
            return "the host interface of " + host.id;
        }
        return "the proxy of " + ((ProxyUnit) unit).label;
    }

    private void checkMembers(WitType type) {
        String name = javaNames.get(type);
        if (type instanceof VariantType variant) {
            for (VariantType.Case c : variant.cases()) {
                identifier(upperCamel(c.name()), "case '" + c.name() + "' of variant '" + variant.name() + "'");
                if (upperCamel(c.name()).equals(name)) {
                    problems.add(Messages.bindgenUnsupported(world.id(), "the case '" + c.name()
                            + "' of variant '" + variant.name() + "', whose Java record would have "
                            + "the name of the variant's interface"));
                }
            }
        } else if (type instanceof EnumType e) {
            e.cases().forEach(label -> identifier(constant(label), "case '" + label + "' of enum '" + e.name()
                    + "'"));
        } else if (type instanceof FlagsType f) {
            f.flags().forEach(label -> identifier(constant(label), "flag '" + label + "' of flags '" + f.name()
                    + "'"));
        }
    }

    private void identifier(String name, String what) {
        if (!SourceVersion.isName(name)) {
            problems.add(Messages.bindgenUnsupported(world.id(), "the " + what + ", whose Java name '" + name
                    + "' is a keyword or no identifier"));
        }
    }

    /**
     * The Java name of a named type; for a tuple, which has no WIT name, its arity and structure:
     * {@code tuple<string, u32>} is {@code Tuple2OfStringAndU32}, {@code tuple<list<entry>, option<u8>>} is
     * {@code Tuple2OfListOfEntryAndOptionOfU8}, {@code tuple<descriptor, string>} is
     * {@code Tuple2OfOwnDescriptorAndString}. The arity keeps nested tuples apart ({@code tuple<tuple<a, b>, c>}
     * is {@code Tuple2OfTuple2OfAAndBAndC}).
     */
    String typeName(WitType type) {
        String assigned = javaNames.get(type);
        if (assigned != null) {
            return assigned;
        }
        if (type instanceof TupleType tuple) {
            return "Tuple" + tuple.elements().size() + "Of" + tuple.elements().stream()
                    .map(this::structureName).collect(Collectors.joining("And"));
        }
        return upperCamel(witLabel(type));
    }

    /** A type's part of a tuple's name: primitives and named types by name, lists and the like by structure. */
    private String structureName(WitType type) {
        if (type instanceof PrimitiveType primitive) {
            return upperCamel(primitive.toString());
        }
        if (type instanceof ListType list) {
            return "ListOf" + structureName(list.element());
        }
        if (type instanceof OptionType option) {
            return "OptionOf" + structureName(option.some());
        }
        if (type instanceof ResultType result) {
            return "ResultOf" + result.ok().map(this::structureName).orElse("Nothing") + "Or"
                    + result.err().map(this::structureName).orElse("Nothing");
        }
        if (type instanceof HandleType handle) {
            return (handle.ownership() == HandleType.Ownership.OWN ? "Own" : "Borrow")
                    + upperCamel(handle.resource().name());
        }
        return typeName(type);
    }

    // ---- Java types -----------------------------------------------------------------------------------------

    /**
     * The Java type of a WIT type, with {@code @Unsigned}/{@code @WitChar}/{@code @Borrow} where
     * {@code annotate}. A handle is its resource's type variable in a host interface's signatures, and the
     * resource's nested interface (with wildcards) inside generated records and variants and in proxies, which
     * have no type variables.
     */
    TypeName javaType(WitType type, boolean boxed, boolean annotate, boolean wildcards) {
        if (type instanceof PrimitiveType primitive) {
            TypeName plain = switch (primitive) {
                case BOOL -> TypeName.BOOLEAN;
                case S8, U8 -> TypeName.BYTE;
                case S16, U16 -> TypeName.SHORT;
                case S32, U32, CHAR -> TypeName.INT;
                case S64, U64 -> TypeName.LONG;
                case F32 -> TypeName.FLOAT;
                case F64 -> TypeName.DOUBLE;
                case STRING -> ClassName.get(String.class);
            };
            TypeName java = boxed ? plain.box() : plain;
            if (!annotate) {
                return java;
            }
            return switch (primitive) {
                case U8, U16, U32, U64 -> java.annotated(UNSIGNED);
                case CHAR -> java.annotated(WIT_CHAR);
                default -> java;
            };
        }
        if (type instanceof ListType list) {
            if (isBytes(list)) {
                return ArrayTypeName.of(TypeName.BYTE);
            }
            return ParameterizedTypeName.get(LIST, javaType(list.element(), true, annotate, wildcards));
        }
        if (type instanceof OptionType option) {
            return ParameterizedTypeName.get(OPTIONAL, javaType(option.some(), true, annotate, wildcards));
        }
        if (type instanceof ResultType result) {
            return ParameterizedTypeName.get(RESULT, side(result.ok(), annotate, wildcards),
                    side(result.err(), annotate, wildcards));
        }
        if (type instanceof FlagsType) {
            return ParameterizedTypeName.get(ENUM_SET, ClassName.get(javaPackage, typeName(type)));
        }
        if (type instanceof RecordType || type instanceof VariantType || type instanceof EnumType
                || type instanceof TupleType) {
            return ClassName.get(javaPackage, typeName(type));
        }
        if (type instanceof HandleType handle) {
            TypeName java = wildcards ? wildcardResource(handle.resource())
                    : TypeVariableName.get(variableName(handle.resource()));
            return annotate && handle.ownership() == HandleType.Ownership.BORROW ? java.annotated(BORROW) : java;
        }
        throw new IllegalArgumentException("no Java type for " + type);
    }

    private TypeName side(Optional<WitType> type, boolean annotate, boolean wildcards) {
        return type.map(t -> javaType(t, true, annotate, wildcards)).orElse(ClassName.get(Void.class));
    }

    private String variableName(ResourceType resource) {
        return variableNames.getOrDefault(resource, constant(resource.name()));
    }

    /** {@code Host.Bucket}, or {@code Host.Bucket<BUCKET>} when its methods name resources. */
    private TypeName resourceInterface(ResourceType resource) {
        HostUnit host = resourceHosts.get(resource);
        ClassName nested = host.self.nestedClass(upperCamel(resource.name()));
        Set<ResourceType> variables = resourceVariables.get(resource);
        if (variables.isEmpty()) {
            return nested;
        }
        return ParameterizedTypeName.get(nested, variables.stream()
                .map(v -> TypeVariableName.get(variableName(v))).toArray(TypeName[]::new));
    }

    /** {@code Host.Bucket}, or {@code Host.Bucket<?>}: a resource where no type variable is in scope. */
    private TypeName wildcardResource(ResourceType resource) {
        HostUnit host = resourceHosts.get(resource);
        if (host == null) {   // refused while collecting
            return ClassName.OBJECT;
        }
        ClassName nested = host.self.nestedClass(upperCamel(resource.name()));
        int variables = resourceVariables.get(resource).size();
        if (variables == 0) {
            return nested;
        }
        TypeName[] wildcards = new TypeName[variables];
        Arrays.fill(wildcards, WildcardTypeName.subtypeOf(Object.class));
        return ParameterizedTypeName.get(nested, wildcards);
    }

    private TypeVariableName variable(ResourceType resource) {
        return TypeVariableName.get(variableName(resource), resourceInterface(resource));
    }

    // ---- the named types ------------------------------------------------------------------------------------

    private TypeSpec.Builder namedType(String name, WitType type) {
        String owner = definers.getOrDefault(type, namedTypes.get(type));
        if (type instanceof TupleType tuple) {
            List<ParameterSpec> components = new ArrayList<>();
            for (int i = 0; i < tuple.elements().size(); i++) {
                components.add(ParameterSpec.builder(javaType(tuple.elements().get(i), false, true, true),
                        "e" + i).build());
            }
            return record(ClassName.get(javaPackage, name), components)
                    .addModifiers(Modifier.PUBLIC)
                    .addAnnotation(generated())
                    .addAnnotation(WitTuple.class)
                    .addJavadoc("WIT {@code $L} of {@code $L}. Generated by witbind from {@code @WitBindgen} and the"
                            + " WIT.\n\n<p>Component {@code e}<i>i</i> is element <i>i</i> of the tuple.\n", tuple,
                            owner);
        }
        CodeBlock doc = CodeBlock.of("WIT {@code $L $L} of {@code $L}. Generated by witbind from {@code @WitBindgen}"
                + " and the WIT.\n", kindOf(type), witName(type), owner);
        if (type instanceof RecordType record) {
            return record(ClassName.get(javaPackage, name), record.fields().stream()
                    .map(f -> ParameterSpec.builder(javaType(f.type(), false, true, true), javaName(f.name()))
                            .build())
                    .toList())
                    .addModifiers(Modifier.PUBLIC)
                    .addAnnotation(generated())
                    .addJavadoc(doc);
        }
        if (type instanceof VariantType variant) {
            ClassName self = ClassName.get(javaPackage, name);
            TypeSpec.Builder sealed = TypeSpec.interfaceBuilder(self)
                    .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
                    .addAnnotation(generated())
                    .addJavadoc(doc);
            for (VariantType.Case c : variant.cases()) {
                List<ParameterSpec> components = c.payload()
                        .map(p -> List.of(ParameterSpec.builder(javaType(p, false, true, true), "value").build()))
                        .orElse(List.of());
                sealed.addType(record(self.nestedClass(upperCamel(c.name())), components)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)   // implicit in an interface
                        .addSuperinterface(self)
                        .addJavadoc("Case {@code $L}.\n", c.name())
                        .build());
            }
            return sealed;
        }
        List<String> constants = type instanceof EnumType e ? e.cases() : ((FlagsType) type).flags();
        TypeSpec.Builder java = TypeSpec.enumBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(generated())
                .addJavadoc(doc);
        if (type instanceof FlagsType) {
            java.addJavadoc("\n<p>A value of the flags is an {@code EnumSet<$L>}; constant i is bit i.\n", name);
        }
        constants.forEach(label -> java.addEnumConstant(constant(label)));
        return java;
    }

    private TypeSpec.Builder record(ClassName name, List<ParameterSpec> components) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        components.forEach(constructor::addParameter);
        return TypeSpec.recordBuilder(name).recordConstructor(constructor.build());
    }

    // ---- the host interfaces --------------------------------------------------------------------------------

    private TypeSpec.Builder host(HostUnit unit) {
        ClassName self = unit.self;
        TypeSpec.Builder java = TypeSpec.interfaceBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(generated());
        if (unit.interfaceName.isPresent()) {
            java.addJavadoc("The functions of the WIT interface {@code $L}, for a host to implement.\n", unit.id)
                    .addJavadoc("\n<p>Implement it in a class annotated {@code @WitInterface(\"$L\")}; the processor"
                            + " binds that class as\nfor any host. Generated by witbind from {@code @WitBindgen} and"
                            + " the WIT of world {@code $L}.\n", unit.id, world.id());
        } else {
            java.addJavadoc("$L\n", unit.description)
                    .addJavadoc("\n<p>{@code @WitInterface} binds named interfaces only, so a class implementing"
                            + " this is registered\nwith the {@code Linker} by hand. Generated by witbind from"
                            + " {@code @WitBindgen} and the WIT of world {@code $L}.\n", world.id());
        }
        Set<ResourceType> variables = hostVariables(unit);
        for (ResourceType resource : variables) {
            java.addTypeVariable(variable(resource));
        }
        if (!variables.isEmpty()) {
            java.addJavadoc("\n<p>Each resource is a type parameter: pass the {@code @WitResource} class nested in"
                    + " your class,\nwhich implements the resource's nested interface here and has the public"
                    + " constructor its\ndocumentation names.");
            if (variables.size() > unit.resources.size()) {
                java.addJavadoc(" A resource of another interface is the class that implements that\n"
                        + "interface's nested interface.");
            }
            java.addJavadoc("\n");
            for (ResourceType resource : variables) {
                java.addJavadoc("\n@param <$L> the class of {@code resource $L}$L", variableName(resource),
                        resource.name(), resourceHosts.get(resource) == unit ? ""
                                : " of {@code " + resource.owner() + "}");
            }
            java.addJavadoc("\n");
        }
        Set<String> methodNames = new LinkedHashSet<>();
        for (WitFunctionDef function : unit.freestanding()) {
            String method = methodName(function.name().label());
            methodNames.add(method);
            MethodSpec.Builder spec = abstractMethod(method, function, false)
                    .addJavadoc("WIT {@code $L}.\n", function);
            upperCaseNote(spec, function, function.name().label());
            java.addMethod(spec.build());
        }
        for (WitFunctionDef function : unit.functions) {
            if (function.kind() != PlainName.Kind.STATIC) {
                continue;
            }
            String resource = function.resource().orElseThrow();
            String method = methodName(function.name().label());
            if (!methodNames.add(method)) {
                method = camel(resource) + upperCamel(function.name().label());
                if (!methodNames.add(method)) {
                    problems.add(Messages.bindgenUnsupported(world.id(), "the function '" + function.externName()
                            + "' of " + unit.id + ", whose Java names '" + methodName(function.name().label())
                            + "' and '" + method + "' other functions have"));
                }
            }
            java.addMethod(abstractMethod(method, function, false)
                    .addJavadoc("WIT {@code $L}.\n", function)
                    .addJavadoc("\n<p>A resource's static function. Annotations are not inherited, so the"
                            + " implementing method must carry\n{@code @WitFunction(\"$L\")};\nwithout it, it is"
                            + " the function {@code $L}, which the interface lacks.\n", function.externName(),
                            function.name().label())
                    .build());
        }
        for (ResourceType resource : unit.resources) {
            java.addType(resourceType(unit, resource));
        }
        return java;
    }

    /**
     * A label with upper-case fragments ({@code get-HTTP-header}) does not come back from its Java name
     * ({@code getHttpHeader} is {@code get-http-header}): the implementing method must name it.
     */
    private void upperCaseNote(MethodSpec.Builder method, WitFunctionDef function, String label) {
        if (!label.equals(label.toLowerCase(Locale.ROOT))) {
            method.addJavadoc("\n<p>Its name has upper-case fragments, which the Java name does not keep:"
                    + " annotations are not inherited,\nso the implementing method must carry"
                    + " {@code @WitFunction(\"$L\")}.\n", label);
        }
    }

    /** A method of a host or resource interface; a method's {@code self} parameter is left out. */
    private MethodSpec.Builder abstractMethod(String name, WitFunctionDef function, boolean method) {
        MethodSpec.Builder java = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT);
        List<WitParam> params = function.type().params();
        for (WitParam param : method ? params.subList(1, params.size()) : params) {
            java.addParameter(javaType(param.type(), false, true, false), javaName(param.name()));
        }
        function.type().result().ifPresent(result -> java.returns(javaType(result, false, true, false)));
        return java;
    }

    /** The nested interface of a resource's methods; generic in the resources its methods name. */
    private TypeSpec resourceType(HostUnit unit, ResourceType resource) {
        String name = upperCamel(resource.name());
        if (name.equals(unit.self.simpleName())) {
            problems.add(Messages.bindgenUnsupported(world.id(), "the resource '" + resource.name() + "' of "
                    + unit.id + ", whose Java name is the name of its host interface"));
        }
        TypeSpec.Builder java = TypeSpec.interfaceBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)   // implicit in an interface
                // so that a generated record or variant holding this interface maps it to the resource
                .addAnnotation(AnnotationSpec.builder(WitResource.class)
                        .addMember("value", "$S", resource.name())
                        .addMember("interfaceName", "$S", resource.owner()).build())
                .addJavadoc("The methods of WIT {@code resource $L}.\n", resource.name());
        for (ResourceType variable : resourceVariables.get(resource)) {
            java.addTypeVariable(variable(variable));
        }
        List<WitFunctionDef> functions = unit.functionsOf(resource.name());
        Optional<WitFunctionDef> constructor = functions.stream()
                .filter(f -> f.kind() == PlainName.Kind.CONSTRUCTOR).findFirst();
        if (constructor.isPresent()) {
            List<CodeBlock> params = constructor.get().type().params().stream()
                    .map(p -> CodeBlock.of("$T $L", javaType(p.type(), false, true, false), javaName(p.name())))
                    .toList();
            java.addJavadoc("\n<p>An interface cannot require a constructor: give the {@code @WitResource} class"
                    + " the public constructor\n{@code $L($L)},\nwhich is WIT {@code $L};\nverification against the"
                    + " WIT reports a missing or different one.\n", name, CodeBlock.join(params, ", "),
                    constructor.get());
        } else {
            java.addJavadoc("\n<p>The WIT gives it no constructor: give the {@code @WitResource} class no public"
                    + " one.\n");
        }
        java.addJavadoc("\n<p>Closing: implement {@code AutoCloseable} as well to be closed when the guest drops"
                + " its owning handle.\n");
        for (WitFunctionDef function : functions) {
            if (function.kind() == PlainName.Kind.METHOD) {
                MethodSpec.Builder spec = abstractMethod(methodName(function.name().label()), function, true)
                        .addJavadoc("WIT {@code $L}.\n", function);
                upperCaseNote(spec, function, function.name().label());
                java.addMethod(spec.build());
            }
        }
        return java.build();
    }

    // ---- the proxy ------------------------------------------------------------------------------------------

    private JavaFile file(TypeSpec.Builder type) {
        originatingElements.forEach(type::addOriginatingElement);
        return JavaFile.builder(javaPackage, type.build()).skipJavaLangImports(true).indent("    ").build();
    }

    AnnotationSpec generated() {
        return AnnotationSpec.builder(GENERATED).addMember("value", "$S", generatorName).build();
    }
}
