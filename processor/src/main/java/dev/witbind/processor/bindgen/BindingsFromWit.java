package dev.witbind.processor.bindgen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
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
import dev.witbind.wit.values.Result;
import dev.witbind.wit.values.VariantValue;
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
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Generates Java sources from a resolved WIT world, never from {@code Element}s: the named types the world uses (the
 * README's type table read backwards), one {@code <Interface>Host} Java interface per imported interface with
 * functions or resources (named, or written inline in the world) and one {@code <World>Host} for the world's own
 * imported functions and resources, and a typed {@code <World>Guest} proxy for the world's exported functions and one
 * {@code <Interface>Guest} per exported interface, which convert between the generated types and the dynamic values
 * of {@code GuestFunction.call} with generated code.
 *
 * <p>Resources are type variables of the host interfaces whose functions name them, bounded by the nested interface
 * of the resource's methods in the host interface of the interface that defines it, whichever that is; inside
 * generated records, variants and tuples, and in proxies, which have no type variables, a handle is that nested
 * interface itself. Two classes with one Java name are both prefixed with their package and interface.
 *
 * <p>What cannot be generated is refused as a whole, with every reason: resources that the guest defines, and names
 * that give no Java class even qualified.
 */
public final class BindingsFromWit {
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final AnnotationSpec UNSIGNED = AnnotationSpec.builder(Unsigned.class).build();
    private static final AnnotationSpec WIT_CHAR = AnnotationSpec.builder(WitChar.class).build();
    private static final AnnotationSpec BORROW = AnnotationSpec.builder(Borrow.class).build();
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName OPTIONAL = ClassName.get(Optional.class);
    private static final ClassName MAP = ClassName.get(Map.class);
    private static final ClassName SET = ClassName.get(Set.class);
    private static final ClassName LINKED_HASH_MAP = ClassName.get(LinkedHashMap.class);
    private static final ClassName LINKED_HASH_SET = ClassName.get(LinkedHashSet.class);
    private static final ClassName ARRAY_LIST = ClassName.get(ArrayList.class);
    private static final ClassName ENUM_SET = ClassName.get("java.util", "EnumSet");
    private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    private static final ClassName RESULT = ClassName.get(Result.class);
    private static final ClassName VARIANT_VALUE = ClassName.get(VariantValue.class);
    private static final ClassName GUEST_INSTANCE = ClassName.get("dev.witbind.runtime", "GuestInstance");
    private static final ClassName GUEST_FUNCTION = ClassName.get("dev.witbind.runtime", "GuestFunction");
    private static final String TYPES = "dev.witbind.wit.types";
    private static final ClassName WIT_FUNCTION_TYPE = ClassName.get(TYPES, "WitFunctionType");
    private static final ClassName WIT_PARAM = ClassName.get(TYPES, "WitParam");
    private static final ClassName PRIMITIVE_TYPE = ClassName.get(TYPES, "PrimitiveType");
    /** Simple names a generated type must not take: the generated code uses these classes unqualified. */
    private static final Set<String> RESERVED_TYPE_NAMES = Set.of("Object", "String", "Boolean", "Byte", "Short",
            "Integer", "Long", "Float", "Double", "Void", "Optional", "List", "Map", "Set", "EnumSet", "Result",
            "VariantValue", "GuestInstance", "GuestFunction", "Generated", "Objects", "LinkedHashMap",
            "LinkedHashSet", "ArrayList", "Unsigned", "WitChar", "Borrow", "WitTuple", "Record", "Enum");
    /** Method names of the proxy that exports must not take. */
    private static final Set<String> RESERVED_METHODS = Set.of("guestInstance", "getClass", "hashCode", "equals",
            "toString", "notify", "notifyAll", "wait", "clone", "finalize");

    private final String generatorName;

    /** @param generatorName what {@code @Generated} names as the generator: the processor's class name */
    public BindingsFromWit(String generatorName) {
        this.generatorName = generatorName;
    }

    /** The sources for a world, or why it is refused. */
    public sealed interface Outcome {
        /** @param files the generated sources, in a deterministic order */
        record Generated(List<JavaFile> files) implements Outcome {}

        /** @param problems every reason, each once, in the order found */
        record Refused(List<String> problems) implements Outcome {}
    }

    /**
     * Generates the bindings of {@code world} into {@code javaPackage}.
     *
     * @param originatingElements the {@code @WitBindgen} element, for incremental builds (only passed through)
     */
    public Outcome generate(WitWorld world, String javaPackage, List<Element> originatingElements) {
        return new Run(world, javaPackage, originatingElements).generate();
    }

    /**
     * One generated host interface: an imported interface (named, or written inline in the world), or the world's
     * own imports (its imported functions and the resources it defines itself).
     */
    private static final class HostUnit {
        /** The owner of its resources: the interface's id, or the world's. */
        final String id;
        /** The label its Java name comes from. */
        final String label;
        /** What a clashing Java name is prefixed with. */
        final String qualifier;
        /** The interface name {@code @WitInterface} binds it under; empty for inline interfaces and the world. */
        final Optional<String> interfaceName;
        /** How its documentation names it, e.g. {@code the WIT interface {@code wasi:io/streams@0.2.12}}. */
        final String description;
        final List<WitFunctionDef> functions;
        final List<ResourceType> resources;
        ClassName self;

        HostUnit(String id, String label, String qualifier, Optional<String> interfaceName, String description,
                List<WitFunctionDef> functions, List<ResourceType> resources) {
            this.id = id;
            this.label = label;
            this.qualifier = qualifier;
            this.interfaceName = interfaceName;
            this.description = description;
            this.functions = List.copyOf(functions);
            this.resources = List.copyOf(resources);
        }

        List<WitFunctionDef> freestanding() {
            return functions.stream().filter(f -> f.resource().isEmpty()).toList();
        }

        List<WitFunctionDef> functionsOf(String resource) {
            return functions.stream().filter(f -> f.resource().equals(Optional.of(resource))).toList();
        }
    }

    /** One typed proxy: the world's exported functions, or the functions of one exported interface. */
    private static final class ProxyUnit {
        final String label;
        final String qualifier;
        /** How its documentation names what it calls. */
        final String description;
        final List<WitFunctionDef> functions;
        /** What the guest's export names start with: empty for the world's functions, {@code iface#} otherwise. */
        final String exportPrefix;
        ClassName self;

        ProxyUnit(String label, String qualifier, String description, List<WitFunctionDef> functions,
                String exportPrefix) {
            this.label = label;
            this.qualifier = qualifier;
            this.description = description;
            this.functions = List.copyOf(functions);
            this.exportPrefix = exportPrefix;
        }
    }

    /** One generation: the units, the named types found, the names given, and the problems. */
    private final class Run {
        private final WitWorld world;
        private final String javaPackage;
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

        Run(WitWorld world, String javaPackage, List<Element> originatingElements) {
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
            proxies.forEach(proxy -> files.add(file(new Proxy(proxy).build())));
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
        private String typeName(WitType type) {
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
        private TypeName javaType(WitType type, boolean boxed, boolean annotate, boolean wildcards) {
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

        /**
         * The typed proxy of the world's exported functions or of one exported interface, with one lower/lift method
         * pair per converted type. A handle travels as the host resource's Java object, typed as its resource's
         * nested interface.
         */
        private final class Proxy {
            private final ProxyUnit unit;
            private final List<WitFunctionDef> exports;
            private final ClassName self;
            private final Map<String, MethodSpec> converters = new LinkedHashMap<>();
            private final Map<String, FieldSpec> typeConstants = new LinkedHashMap<>();

            Proxy(ProxyUnit unit) {
                this.unit = unit;
                this.exports = unit.functions;
                this.self = unit.self;
            }

            TypeSpec.Builder build() {
                TypeSpec.Builder java = TypeSpec.classBuilder(self)
                        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                        .addAnnotation(generated())
                        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                                .addMember("value", "$S", "unchecked").build())
                        .addJavadoc(unit.exportPrefix.isEmpty()
                                ? CodeBlock.of("Calls the functions that a guest of the WIT world {@code $L} exports, with"
                                        + " the Java types\ngenerated from its WIT. Generated by witbind from"
                                        + " {@code @WitBindgen}.\n", world.id())
                                : CodeBlock.of("Calls the functions of $L, which a guest of the WIT world {@code $L}"
                                        + " exports,\nwith the Java types generated from its WIT. Generated by witbind"
                                        + " from {@code @WitBindgen}.\n", unit.description, world.id()));
                List<FieldSpec> functionTypes = new ArrayList<>();
                List<FieldSpec> functions = new ArrayList<>();
                MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Looks up and type-checks every export once; throws when the guest lacks one or"
                                + " has\nanother type.\n")
                        .addParameter(GUEST_INSTANCE, "instance")
                        .addStatement("this.instance = $T.requireNonNull(instance, $S)", OBJECTS, "instance");
                List<MethodSpec> methods = new ArrayList<>();
                for (WitFunctionDef function : exports) {
                    String method = methodName(function.name().label());
                    String constant = function.name().label().toUpperCase(Locale.ROOT).replace('-', '_');
                    functionTypes.add(FieldSpec.builder(WIT_FUNCTION_TYPE, constant, Modifier.STATIC, Modifier.FINAL)
                            .addJavadoc("{@code $L}.\n", function)
                            .initializer(functionType(function))
                            .build());
                    functions.add(FieldSpec.builder(GUEST_FUNCTION, method, Modifier.PRIVATE, Modifier.FINAL).build());
                    constructor.addStatement("this.$N = instance.function($S, $N)", method,
                            unit.exportPrefix + function.externName(), constant);
                    methods.add(call(function, method));
                }
                typeConstants.values().forEach(java::addField);
                functionTypes.forEach(java::addField);
                java.addField(GUEST_INSTANCE, "instance", Modifier.PRIVATE, Modifier.FINAL);
                functions.forEach(java::addField);
                java.addMethod(constructor.build());
                java.addMethod(MethodSpec.methodBuilder("guestInstance")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(GUEST_INSTANCE)
                        .addJavadoc("The instance this proxy calls.\n")
                        .addStatement("return instance")
                        .build());
                methods.forEach(java::addMethod);
                converters.values().forEach(java::addMethod);
                return java;
            }

            private MethodSpec call(WitFunctionDef function, String name) {
                MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Calls the export {@code $L}.\n", function);
                List<CodeBlock> arguments = new ArrayList<>();
                for (WitParam param : function.type().params()) {
                    String java = javaName(param.name());
                    method.addParameter(javaType(param.type(), false, true, true), java);
                    arguments.add(lower(param.type(), CodeBlock.of("$N", java)));
                }
                CodeBlock invocation = CodeBlock.of("this.$N.call($L)", name, CodeBlock.join(arguments, ", "));
                if (function.type().result().isEmpty()) {
                    method.addStatement(invocation);
                } else {
                    WitType result = function.type().result().get();
                    method.returns(javaType(result, false, true, true));
                    method.addStatement("return $L", lift(result, invocation, false));
                }
                return method.build();
            }

            // ---- WitFunctionType constants ----

            private CodeBlock functionType(WitFunctionDef function) {
                List<CodeBlock> params = function.type().params().stream()
                        .map(p -> CodeBlock.of("new $T($S, $L)", WIT_PARAM, p.name(), witType(p.type())))
                        .toList();
                CodeBlock list = CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(params, ",$W"));
                return function.type().result()
                        .map(r -> CodeBlock.of("$T.of($L,$W$L)", WIT_FUNCTION_TYPE, list, witType(r)))
                        .orElse(CodeBlock.of("$T.of($L)", WIT_FUNCTION_TYPE, list));
            }

            /** A WIT type as an expression; named types by a constant each, defined before the constants using it. */
            private CodeBlock witType(WitType type) {
                if (type instanceof PrimitiveType primitive) {
                    return CodeBlock.of("$T.$L", PRIMITIVE_TYPE, primitive.name());
                }
                if (type instanceof ListType list) {
                    return CodeBlock.of("new $T($L)", ClassName.get(TYPES, "ListType"), witType(list.element()));
                }
                if (type instanceof OptionType option) {
                    return CodeBlock.of("new $T($L)", ClassName.get(TYPES, "OptionType"), witType(option.some()));
                }
                if (type instanceof ResultType result) {
                    return CodeBlock.of("new $T($L,$W$L)", ClassName.get(TYPES, "ResultType"),
                            optionalType(result.ok()), optionalType(result.err()));
                }
                if (type instanceof HandleType handle) {   // refused while collecting; kept correct all the same
                    return CodeBlock.of("$T.$L(new $T($S, $S))", ClassName.get(TYPES, "HandleType"),
                            handle.ownership() == HandleType.Ownership.OWN ? "own" : "borrow",
                            ClassName.get(TYPES, "ResourceType"), handle.resource().owner(), handle.resource().name());
                }
                String constant = typeName(type).replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_").toUpperCase(Locale.ROOT)
                        + "_TYPE";
                if (!typeConstants.containsKey(constant)) {
                    CodeBlock value;
                    if (type instanceof RecordType record) {
                        List<CodeBlock> fields = record.fields().stream()
                                .map(f -> CodeBlock.of("new $T($S, $L)", ClassName.get(TYPES, "RecordType", "Field"),
                                        f.name(), witType(f.type())))
                                .toList();
                        value = CodeBlock.of("new $T($S, $T.of($L))", ClassName.get(TYPES, "RecordType"),
                                record.name(), LIST, CodeBlock.join(fields, ",$W"));
                    } else if (type instanceof VariantType variant) {
                        ClassName caseType = ClassName.get(TYPES, "VariantType", "Case");
                        List<CodeBlock> cases = variant.cases().stream()
                                .map(c -> c.payload()
                                        .map(p -> CodeBlock.of("$T.of($S, $L)", caseType, c.name(), witType(p)))
                                        .orElse(CodeBlock.of("$T.of($S)", caseType, c.name())))
                                .toList();
                        value = CodeBlock.of("new $T($S, $T.of($L))", ClassName.get(TYPES, "VariantType"),
                                variant.name(), LIST, CodeBlock.join(cases, ",$W"));
                    } else if (type instanceof TupleType tuple) {
                        value = CodeBlock.of("new $T($T.of($L))", ClassName.get(TYPES, "TupleType"), LIST,
                                CodeBlock.join(tuple.elements().stream().map(this::witType).toList(), ",$W"));
                    } else if (type instanceof EnumType e) {
                        value = CodeBlock.of("new $T($S, $T.of($L))", ClassName.get(TYPES, "EnumType"), e.name(),
                                LIST, strings(e.cases()));
                    } else {
                        FlagsType f = (FlagsType) type;
                        value = CodeBlock.of("new $T($S, $T.of($L))", ClassName.get(TYPES, "FlagsType"), f.name(),
                                LIST, strings(f.flags()));
                    }
                    typeConstants.put(constant, FieldSpec.builder(ClassName.get(TYPES, typeKindClass(type)),
                            constant, Modifier.STATIC, Modifier.FINAL).initializer(value).build());
                }
                return CodeBlock.of("$N", constant);
            }

            private CodeBlock optionalType(Optional<WitType> type) {
                return type.map(t -> CodeBlock.of("$T.of($L)", OPTIONAL, witType(t)))
                        .orElse(CodeBlock.of("$T.empty()", OPTIONAL));
            }

            private CodeBlock strings(List<String> values) {
                return CodeBlock.join(values.stream().map(v -> CodeBlock.of("$S", v)).toList(), ",$W");
            }

            // ---- conversions ----

            /** A Java value as the dynamic value {@code GuestFunction.call} takes. */
            private CodeBlock lower(WitType type, CodeBlock java) {
                return converts(type) ? CodeBlock.of("$N($L)", lowerMethod(type), java) : java;
            }

            /** A dynamic value as the Java value of the type; {@code boxed} in a type argument's position. */
            private CodeBlock lift(WitType type, CodeBlock dynamic, boolean boxed) {
                return converts(type) ? CodeBlock.of("$N($L)", liftMethod(type), dynamic)
                        : CodeBlock.of("($T) $L", javaType(type, boxed, false, true), dynamic);
            }

            private String lowerMethod(WitType type) {
                String name = "lower" + shapeName(type);
                if (!converters.containsKey(name)) {
                    converters.put(name, null);   // reserves the position: a type's converters precede its parts'
                    converters.put(name, lowerBody(type, MethodSpec.methodBuilder(name)
                            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                            .addParameter(javaType(type, false, false, true), "value")).build());
                }
                return name;
            }

            private String liftMethod(WitType type) {
                String name = "lift" + shapeName(type);
                if (!converters.containsKey(name)) {
                    converters.put(name, null);
                    converters.put(name, liftBody(type, MethodSpec.methodBuilder(name)
                            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                            .returns(javaType(type, false, false, true))
                            .addParameter(Object.class, "value")).build());
                }
                return name;
            }

            private MethodSpec.Builder lowerBody(WitType type, MethodSpec.Builder method) {
                TypeName wildcard = WildcardTypeName.subtypeOf(Object.class);
                if (type instanceof RecordType record) {
                    TypeName map = ParameterizedTypeName.get(MAP, ClassName.get(String.class), ClassName.OBJECT);
                    method.returns(map).addStatement("$T fields = new $T<>()", map, LINKED_HASH_MAP);
                    for (RecordType.Field field : record.fields()) {
                        method.addStatement("fields.put($S, $L)", field.name(),
                                lower(field.type(), CodeBlock.of("value.$N()", javaName(field.name()))));
                    }
                    return method.addStatement("return fields");
                }
                if (type instanceof TupleType tuple) {
                    List<CodeBlock> elements = new ArrayList<>();
                    for (int i = 0; i < tuple.elements().size(); i++) {
                        elements.add(lower(tuple.elements().get(i), CodeBlock.of("value.$N()", "e" + i)));
                    }
                    return method.returns(ParameterizedTypeName.get(LIST, wildcard))
                            .addStatement("return $T.of($L)", LIST, CodeBlock.join(elements, ",$W"));
                }
                if (type instanceof VariantType variant) {
                    method.returns(VARIANT_VALUE);
                    ClassName self = ClassName.get(javaPackage, typeName(type));
                    for (VariantType.Case c : variant.cases()) {
                        ClassName caseClass = self.nestedClass(upperCamel(c.name()));
                        if (c.payload().isPresent()) {
                            method.beginControlFlow("if (value instanceof $T c)", caseClass)
                                    .addStatement("return $T.of($S, $L)", VARIANT_VALUE, c.name(),
                                            lower(c.payload().get(), CodeBlock.of("c.value()")))
                                    .endControlFlow();
                        } else {
                            method.beginControlFlow("if (value instanceof $T)", caseClass)
                                    .addStatement("return $T.of($S)", VARIANT_VALUE, c.name())
                                    .endControlFlow();
                        }
                    }
                    return method.addStatement("throw new $T($S)", NullPointerException.class, "value");
                }
                if (type instanceof EnumType e) {
                    return method.returns(String.class).addCode("return $L;\n", caseNames(e.cases(), "value"));
                }
                if (type instanceof FlagsType f) {
                    TypeName set = ParameterizedTypeName.get(SET, ClassName.get(String.class));
                    return method.returns(set)
                            .addStatement("$T names = new $T<>()", set, LINKED_HASH_SET)
                            .beginControlFlow("for ($T flag : value)", ClassName.get(javaPackage, typeName(type)))
                            .addCode("names.add($L);\n", caseNames(f.flags(), "flag"))
                            .endControlFlow()
                            .addStatement("return names");
                }
                if (type instanceof ListType list && isBytes(list)) {   // list<s8>: a List<Byte> when dynamic
                    TypeName bytes = ParameterizedTypeName.get(LIST, ClassName.get(Byte.class));
                    return method.returns(bytes)
                            .addStatement("$T list = new $T<>(value.length)", bytes, ARRAY_LIST)
                            .beginControlFlow("for (byte b : value)")
                            .addStatement("list.add(b)")
                            .endControlFlow()
                            .addStatement("return list");
                }
                if (type instanceof ListType list) {
                    return method.returns(ParameterizedTypeName.get(LIST, wildcard))
                            .addStatement("return value.stream().map($T::$N).toList()", self,
                                    lowerMethod(list.element()));
                }
                if (type instanceof OptionType option) {
                    return method.returns(ParameterizedTypeName.get(OPTIONAL, wildcard))
                            .addStatement("return value.map($T::$N)", self, lowerMethod(option.some()));
                }
                ResultType result = (ResultType) type;
                TypeName java = javaType(type, false, false, true);
                List<TypeName> arguments = ((ParameterizedTypeName) java).typeArguments();
                return method.returns(ParameterizedTypeName.get(RESULT, wildcard, wildcard))
                        .beginControlFlow("if (value instanceof $T ok)",
                                ParameterizedTypeName.get(RESULT.nestedClass("Ok"), arguments.toArray(TypeName[]::new)))
                        .addStatement("return $T.ok($L)", RESULT, result.ok()
                                .map(t -> lower(t, CodeBlock.of("ok.value()"))).orElse(CodeBlock.of("null")))
                        .endControlFlow()
                        .addStatement("return $T.err($L)", RESULT, result.err()
                                .map(t -> lower(t, CodeBlock.of("(($T) value).error()",
                                        ParameterizedTypeName.get(RESULT.nestedClass("Err"),
                                                arguments.toArray(TypeName[]::new)))))
                                .orElse(CodeBlock.of("null")));
            }

            private MethodSpec.Builder liftBody(WitType type, MethodSpec.Builder method) {
                TypeName wildcard = WildcardTypeName.subtypeOf(Object.class);
                if (type instanceof RecordType record) {
                    TypeName map = ParameterizedTypeName.get(MAP, wildcard, wildcard);
                    method.addStatement("$T fields = ($T) value", map, map);
                    List<CodeBlock> components = record.fields().stream()
                            .map(f -> lift(f.type(), CodeBlock.of("fields.get($S)", f.name()), false))
                            .toList();
                    return method.addStatement("return new $T($L)", ClassName.get(javaPackage, typeName(type)),
                            CodeBlock.join(components, ",$W"));
                }
                if (type instanceof TupleType tuple) {
                    TypeName list = ParameterizedTypeName.get(LIST, wildcard);
                    method.addStatement("$T elements = ($T) value", list, list);
                    List<CodeBlock> components = new ArrayList<>();
                    for (int i = 0; i < tuple.elements().size(); i++) {
                        components.add(lift(tuple.elements().get(i), CodeBlock.of("elements.get($L)", i), false));
                    }
                    return method.addStatement("return new $T($L)", ClassName.get(javaPackage, typeName(type)),
                            CodeBlock.join(components, ",$W"));
                }
                if (type instanceof VariantType variant) {
                    ClassName self = ClassName.get(javaPackage, typeName(type));
                    method.addStatement("$T variant = ($T) value", VARIANT_VALUE, VARIANT_VALUE);
                    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (variant.caseName()) {\n")
                            .indent();
                    for (VariantType.Case c : variant.cases()) {
                        cases.add("case $S -> new $T($L);\n", c.name(), self.nestedClass(upperCamel(c.name())),
                                c.payload().map(p -> lift(p, CodeBlock.of("variant.payload()"), false))
                                        .orElse(CodeBlock.of("")));
                    }
                    cases.add("default -> throw new $T($S + variant.caseName());\n", IllegalArgumentException.class,
                            "not a case of variant " + variant.name() + ": ");
                    return method.addCode(cases.unindent().add("};\n").build());
                }
                if (type instanceof EnumType e) {
                    return method.addCode("return $L;\n", constants(e.cases(), typeName(type), "value"));
                }
                if (type instanceof FlagsType f) {
                    ClassName java = ClassName.get(javaPackage, typeName(type));
                    TypeName set = ParameterizedTypeName.get(ENUM_SET, java);
                    return method.addStatement("$T flags = $T.noneOf($T.class)", set, ENUM_SET, java)
                            .beginControlFlow("for (Object name : ($T) value)",
                                    ParameterizedTypeName.get(SET, wildcard))
                            .addCode("flags.add($L);\n", constants(f.flags(), typeName(type), "name"))
                            .endControlFlow()
                            .addStatement("return flags");
                }
                if (type instanceof ListType list && isBytes(list)) {
                    TypeName any = ParameterizedTypeName.get(LIST, wildcard);
                    return method.addStatement("$T list = ($T) value", any, any)
                            .addStatement("byte[] bytes = new byte[list.size()]")
                            .beginControlFlow("for (int i = 0; i < bytes.length; i++)")
                            .addStatement("bytes[i] = (Byte) list.get(i)")
                            .endControlFlow()
                            .addStatement("return bytes");
                }
                if (type instanceof ListType list) {
                    return method.addStatement("return (($T) value).stream().map($T::$N).toList()",
                            ParameterizedTypeName.get(LIST, wildcard), self, liftMethod(list.element()));
                }
                if (type instanceof OptionType option) {
                    return method.addStatement("return (($T) value).map($T::$N)",
                            ParameterizedTypeName.get(OPTIONAL, wildcard), self, liftMethod(option.some()));
                }
                ResultType result = (ResultType) type;
                TypeName any = ParameterizedTypeName.get(RESULT, wildcard, wildcard);
                return method.addStatement("$T result = ($T) value", any, any)
                        .beginControlFlow("if (result instanceof $T ok)",
                                ParameterizedTypeName.get(RESULT.nestedClass("Ok"), wildcard, wildcard))
                        .addStatement("return $T.ok($L)", RESULT, result.ok()
                                .map(t -> lift(t, CodeBlock.of("ok.value()"), true)).orElse(CodeBlock.of("null")))
                        .endControlFlow()
                        .addStatement("return $T.err($L)", RESULT, result.err()
                                .map(t -> lift(t, CodeBlock.of("(($T) result).error()",
                                        ParameterizedTypeName.get(RESULT.nestedClass("Err"), wildcard, wildcard)),
                                        true))
                                .orElse(CodeBlock.of("null")));
            }

            /** {@code switch (java) { case RED -> "red"; ... }}: exhaustive over the enum. */
            private CodeBlock caseNames(List<String> labels, String java) {
                CodeBlock.Builder code = CodeBlock.builder().add("switch ($N) {\n", java).indent();
                labels.forEach(label -> code.add("case $N -> $S;\n", constant(label), label));
                return code.unindent().add("}").build();
            }

            /** {@code switch ((String) dynamic) { case "red" -> Color.RED; ... default -> throw ... }}. */
            private CodeBlock constants(List<String> labels, String javaType, String dynamic) {
                ClassName java = ClassName.get(javaPackage, javaType);
                CodeBlock.Builder code = CodeBlock.builder().add("switch (($T) $N) {\n", String.class, dynamic)
                        .indent();
                labels.forEach(label -> code.add("case $S -> $T.$N;\n", label, java, constant(label)));
                code.add("default -> throw new $T($S + $N);\n", IllegalArgumentException.class,
                        "not a name of " + javaType + ": ", dynamic);
                return code.unindent().add("}").build();
            }

            /** A name for the converters of a type: its Java name, or its structure ({@code ListOfEntry}). */
            private String shapeName(WitType type) {
                if (type instanceof PrimitiveType primitive) {
                    return upperCamel(primitive.toString());
                }
                if (type instanceof ListType list) {
                    return "ListOf" + shapeName(list.element());
                }
                if (type instanceof OptionType option) {
                    return "OptionOf" + shapeName(option.some());
                }
                if (type instanceof ResultType result) {
                    return "ResultOf" + result.ok().map(this::shapeName).orElse("Nothing") + "Or"
                            + result.err().map(this::shapeName).orElse("Nothing");
                }
                return typeName(type);
            }
        }

        private JavaFile file(TypeSpec.Builder type) {
            originatingElements.forEach(type::addOriginatingElement);
            return JavaFile.builder(javaPackage, type.build()).skipJavaLangImports(true).indent("    ").build();
        }

        private AnnotationSpec generated() {
            return AnnotationSpec.builder(GENERATED).addMember("value", "$S", generatorName).build();
        }
    }

    /** Whether a type's Java and dynamic values differ, so that the proxy converts them with generated code. */
    private static boolean converts(WitType type) {
        if (type instanceof PrimitiveType || type instanceof HandleType) {   // a handle's value is the Java object
            return false;
        }
        if (type instanceof ListType list) {
            // list<u8> is a byte[] both ways; list<s8> is a byte[] in Java and a List<Byte> when dynamic.
            return list.element() == PrimitiveType.S8 || (list.element() != PrimitiveType.U8 && converts(list.element()));
        }
        if (type instanceof OptionType option) {
            return converts(option.some());
        }
        if (type instanceof ResultType result) {
            return result.ok().map(BindingsFromWit::converts).orElse(false)
                    || result.err().map(BindingsFromWit::converts).orElse(false);
        }
        return true;
    }

    private static String witName(WitType type) {
        return type.toString();
    }

    private static String kindOf(WitType type) {
        return typeKindClass(type).replace("Type", "").toLowerCase(Locale.ROOT);
    }

    private static String typeKindClass(WitType type) {
        return type instanceof RecordType ? "RecordType" : type instanceof VariantType ? "VariantType"
                : type instanceof TupleType ? "TupleType"
                : type instanceof EnumType ? "EnumType" : "FlagsType";
    }

    /** The type variable of a resource: {@code BUCKET}; {@code R_T} where that would be its interface's name. */
    static String variableName(String resource) {
        String name = constant(resource);
        return name.equals(upperCamel(resource)) ? name + "_T" : name;
    }

    /** {@code not-found} -> {@code NOT_FOUND}. */
    static String constant(String label) {
        return label.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code error-code} -> {@code ErrorCode}. */
    static String upperCamel(String label) {
        StringBuilder name = new StringBuilder();
        for (String word : label.split("-")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return name.toString();
    }

    /** {@code total-bytes} -> {@code totalBytes}. */
    static String camel(String label) {
        String upper = upperCamel(label);
        return upper.isEmpty() ? upper : Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
    }

    /**
     * The Java name of a parameter or field: {@link #camel}, with {@code _} after a Java keyword
     * ({@code this} -> {@code this_}), which the processor's kebab-case conversion drops again.
     */
    static String javaName(String label) {
        String name = camel(label);
        return SourceVersion.isKeyword(name) ? name + "_" : name;
    }

    /** The Java name of a method: {@link #javaName}, and {@code _} after a name {@code Object} has too. */
    static String methodName(String label) {
        String name = javaName(label);
        return RESERVED_METHODS.contains(name) ? name + "_" : name;
    }

    /** {@code list<u8>} and {@code list<s8>}, which are {@code byte[]} in Java. */
    private static boolean isBytes(ListType list) {
        return list.element() == PrimitiveType.U8 || list.element() == PrimitiveType.S8;
    }

    /** The label of a named type. */
    private static String witLabel(WitType type) {
        if (type instanceof RecordType record) {
            return record.name();
        }
        if (type instanceof VariantType variant) {
            return variant.name();
        }
        if (type instanceof EnumType e) {
            return e.name();
        }
        return ((FlagsType) type).name();
    }

    /**
     * What a clashing Java name is prefixed with: the package and interface of an interface id
     * ({@code wasi:filesystem/types@0.2.12} -> {@code FilesystemTypes}), the world and label of an inline one, or a
     * world's name.
     */
    static String qualifier(String owner) {
        int colon = owner.indexOf(':');
        int slash = owner.indexOf('/');
        if (colon < 0 || slash < 0) {
            return upperCamel(owner);
        }
        String pkg = owner.substring(colon + 1, slash);
        String rest = owner.substring(slash + 1);
        int at = rest.indexOf('@');
        rest = at < 0 ? rest : rest.substring(0, at);
        return upperCamel(pkg) + upperCamel(rest.replace('#', '-'));
    }

    /** The interface label of an owner id: {@code wasi:io/error@0.2.12} -> {@code error}. */
    static String ownerLabel(String owner) {
        int slash = owner.indexOf('/');
        String rest = slash < 0 ? owner : owner.substring(slash + 1);
        int at = rest.indexOf('@');
        rest = at < 0 ? rest : rest.substring(0, at);
        int hash = rest.indexOf('#');
        return hash < 0 ? rest : rest.substring(hash + 1);
    }
}
