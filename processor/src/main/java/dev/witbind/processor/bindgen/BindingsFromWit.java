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
import dev.witbind.wit.values.Result;
import dev.witbind.wit.values.VariantValue;
import java.util.ArrayList;
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
 * Generates Java sources from a resolved WIT world, never from {@code Element}s: the named types of the imported
 * interfaces (the README's type table read backwards), one {@code <Interface>Host} Java interface per imported
 * interface with functions, and a typed {@code <World>Guest} proxy for the world's exported functions, which converts
 * between the generated types and the dynamic values of {@code GuestFunction.call} with generated code.
 *
 * <p>An interface's resources make its host interface generic, one type variable per resource bounded by a nested
 * interface of the resource's methods; its static functions are methods of the host interface.
 *
 * <p>What this version does not generate is refused as a whole, with every reason: handles in exports, in records
 * and variants (and tuples), and of resources of another interface, {@code list<s8>}, interfaces written inline
 * in the world, functions imported directly by the world,
 * exported interfaces, and names that give no Java identifier or do not come back from it.
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
            "LinkedHashSet", "Unsigned", "WitChar");
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

    /** One generation: the named types found so far and the problems. */
    private final class Run {
        private final WitWorld world;
        private final String javaPackage;
        private final Set<String> problems = new LinkedHashSet<>();
        /** Named WIT types by Java simple name, in the order first seen. */
        private final Map<String, WitType> namedTypes = new LinkedHashMap<>();
        private final Map<String, String> typeOrigins = new LinkedHashMap<>();
        /** Above 0 while collecting the parts of a record or variant, which cannot hold a type variable. */
        private int insideNamedType;

        private final List<Element> originatingElements;

        Run(WitWorld world, String javaPackage, List<Element> originatingElements) {
            this.world = world;
            this.javaPackage = javaPackage;
            this.originatingElements = originatingElements;
        }

        Outcome generate() {
            List<WitInterfaceDef> hosts = new ArrayList<>();
            for (WorldItem item : world.imports().values()) {
                if (item instanceof WorldItem.InterfaceRef ref) {
                    WitInterfaceDef iface = ref.target();
                    for (WitTypeDef def : iface.types().values()) {
                        if (def.resource().isEmpty()) {
                            collect(def.type(), iface.id());
                        }
                    }
                    for (ResourceType resource : iface.resources()) {
                        String what = "resource '" + resource.name() + "' of " + iface.id();
                        identifier(upperCamel(resource.name()), what);
                        convertsBack(resource.name(), what);
                        if (RESERVED_TYPE_NAMES.contains(upperCamel(resource.name()))) {
                            problems.add(Messages.bindgenUnsupported(world.id(), "the " + what + ", whose Java name '"
                                    + upperCamel(resource.name()) + "' the generated code needs for another class"));
                        }
                    }
                    iface.functions().values().forEach(f -> collectFunction(f, iface.id()));
                    if (!iface.freestandingFunctions().isEmpty() || !iface.resources().isEmpty()) {
                        hosts.add(iface);
                    }
                } else if (item instanceof WorldItem.InlineInterface inline) {
                    problems.add(Messages.bindgenUnsupported(world.id(), "the interface '" + inline.name()
                            + "' written inline in the world (@WitInterface needs an interface name): declare it as"
                            + " an interface of the package and import it by name"));
                } else {
                    problems.add(Messages.bindgenUnsupported(world.id(), "the function '" + item.key()
                            + "' imported by the world itself (a host implements interfaces): move it into an "
                            + "imported interface"));
                }
            }
            List<WitFunctionDef> exports = new ArrayList<>();
            for (WorldItem item : world.exports().values()) {
                if (item instanceof WorldItem.Function function) {
                    collectFunction(function.function(), world.id());
                    exports.add(function.function());
                } else {
                    problems.add(Messages.bindgenUnsupported(world.id(), "the exported interface '" + item.key()
                            + "' (only functions the world exports get a typed proxy): call it with "
                            + "GuestInstance.function(name, type)"));
                }
            }
            List<JavaFile> files = new ArrayList<>();
            namedTypes.forEach((name, type) -> files.add(file(namedType(name, type))));
            hosts.forEach(iface -> files.add(file(host(iface))));
            if (!exports.isEmpty()) {
                files.add(file(new Proxy(exports).build()));
            }
            if (!problems.isEmpty()) {
                return new Outcome.Refused(List.copyOf(problems));
            }
            return new Outcome.Generated(files);
        }

        // ---- what the world uses --------------------------------------------------------------------------------

        private void collectFunction(WitFunctionDef function, String owner) {
            identifier(camel(function.name().label()), "function '" + function.externName() + "' of " + owner);
            convertsBack(function.name().label(), "function '" + function.externName() + "' of " + owner);
            for (WitParam param : function.type().params()) {
                identifier(camel(param.name()), "parameter '" + param.name() + "' of '" + function.externName() + "'");
                convertsBack(param.name(), "parameter '" + param.name() + "' of '" + function.externName() + "'");
                collect(param.type(), owner);
            }
            function.type().result().ifPresent(result -> collect(result, owner));
        }

        /** Registers the named types in {@code type}, and reports what cannot be generated. */
        private void collect(WitType type, String owner) {
            if (type instanceof PrimitiveType) {
                return;
            }
            if (type instanceof ListType list) {
                if (list.element() == PrimitiveType.S8) {
                    problems.add(Messages.bindgenUnsupported(world.id(), "list<s8> in " + owner
                            + " (Java has byte[] only for list<u8>)"));
                }
                collect(list.element(), owner);
            } else if (type instanceof OptionType option) {
                collect(option.some(), owner);
            } else if (type instanceof ResultType result) {
                result.ok().ifPresent(ok -> collect(ok, owner));
                result.err().ifPresent(err -> collect(err, owner));
            } else if (type instanceof HandleType handle) {
                if (insideNamedType > 0) {
                    problems.add(Messages.bindgenUnsupported(world.id(), "the handle '" + handle + "' inside a "
                            + "record or variant of " + owner + " (generated records and variants are not generic)"));
                } else if (owner.equals(world.id())) {
                    problems.add(Messages.bindgenUnsupported(world.id(), "the handle '" + handle + "' in a function "
                            + "the world exports (the typed proxy takes and returns no resources; "
                            + "GuestInstance.function(name, type) takes the host resource's Java object)"));
                } else if (!handle.resource().owner().equals(owner)) {
                    problems.add(Messages.bindgenUnsupported(world.id(), "the handle '" + handle + "' in " + owner
                            + " of the resource '" + handle.resource().name() + "' of "
                            + handle.resource().owner() + " (a generated host interface binds only the resources its "
                            + "own WIT interface defines)"));
                }
            } else {
                String name = typeName(type);
                insideNamedType++;
                try {
                    collectNamed(name, type, owner);
                } finally {
                    insideNamedType--;
                }
            }
        }

        private void collectNamed(String name, WitType type, String owner) {
            if (register(name, type, owner)) {
                if (type instanceof RecordType record) {
                    for (RecordType.Field field : record.fields()) {
                        identifier(camel(field.name()), "field '" + field.name() + "' of record '"
                                + record.name() + "'");
                        convertsBack(field.name(), "field '" + field.name() + "' of record '" + record.name()
                                + "'");
                        collect(field.type(), owner);
                    }
                } else if (type instanceof VariantType variant) {
                    for (VariantType.Case c : variant.cases()) {
                        convertsBack(c.name(), "case '" + c.name() + "' of variant '" + variant.name() + "'");
                        if (upperCamel(c.name()).equals(name)) {
                            problems.add(Messages.bindgenUnsupported(world.id(), "the case '" + c.name()
                                    + "' of variant '" + variant.name() + "', whose Java record would have "
                                    + "the name of the variant's interface"));
                        }
                        c.payload().ifPresent(payload -> collect(payload, owner));
                    }
                } else if (type instanceof TupleType tuple) {
                    tuple.elements().forEach(element -> collect(element, owner));
                } else if (type instanceof EnumType e) {
                    e.cases().forEach(label -> {
                        identifier(constant(label), "case '" + label + "' of enum '" + e.name() + "'");
                        convertsBack(label, "case '" + label + "' of enum '" + e.name() + "'");
                    });
                } else if (type instanceof FlagsType f) {
                    f.flags().forEach(label -> {
                        identifier(constant(label), "flag '" + label + "' of flags '" + f.name() + "'");
                        convertsBack(label, "flag '" + label + "' of flags '" + f.name() + "'");
                    });
                }
            }
        }

        /** Whether {@code type} was new. Two different types under one Java name are refused. */
        private boolean register(String name, WitType type, String owner) {
            WitType known = namedTypes.get(name);
            if (known == null) {
                if (RESERVED_TYPE_NAMES.contains(name)) {
                    problems.add(Messages.bindgenUnsupported(world.id(), "the type '" + type + "' of " + owner
                            + ", whose Java name '" + name + "' the generated code needs for another class"));
                }
                identifier(name, "type '" + type + "' of " + owner);
                namedTypes.put(name, type);
                typeOrigins.put(name, owner);
                return true;
            }
            if (!known.equals(type)) {
                problems.add(Messages.bindgenUnsupported(world.id(), "two different types named '" + name + "' in "
                        + typeOrigins.get(name) + " and " + owner + " (one Java package holds the generated types)"));
            }
            return false;
        }

        /**
         * The processor derives a WIT name from a Java name in lower case ({@code getHttpHeader} and
         * {@code HTTP_HEADER} both give {@code http-header}), so a label with an upper-case fragment cannot come back.
         */
        private void convertsBack(String label, String what) {
            if (!label.equals(label.toLowerCase(Locale.ROOT))) {
                problems.add(Messages.bindgenUnsupported(world.id(), "the " + what + ", whose upper-case fragments"
                        + " its Java name does not keep"));
            }
        }

        private void identifier(String name, String what) {
            if (!SourceVersion.isName(name)) {
                problems.add(Messages.bindgenUnsupported(world.id(), "the " + what + ", whose Java name '" + name
                        + "' is a keyword or no identifier"));
            }
        }

        // ---- Java types -----------------------------------------------------------------------------------------

        /** The Java type of a WIT type, with {@code @Unsigned}/{@code @WitChar} where {@code annotate}. */
        private TypeName javaType(WitType type, boolean boxed, boolean annotate) {
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
                if (list.element() == PrimitiveType.U8) {
                    return ArrayTypeName.of(TypeName.BYTE);
                }
                return ParameterizedTypeName.get(LIST, javaType(list.element(), true, annotate));
            }
            if (type instanceof OptionType option) {
                return ParameterizedTypeName.get(OPTIONAL, javaType(option.some(), true, annotate));
            }
            if (type instanceof ResultType result) {
                return ParameterizedTypeName.get(RESULT, side(result.ok(), annotate), side(result.err(), annotate));
            }
            if (type instanceof FlagsType) {
                return ParameterizedTypeName.get(ENUM_SET, ClassName.get(javaPackage, typeName(type)));
            }
            if (type instanceof RecordType || type instanceof VariantType || type instanceof EnumType
                    || type instanceof TupleType) {
                return ClassName.get(javaPackage, typeName(type));
            }
            if (type instanceof HandleType handle) {
                TypeName variable = TypeVariableName.get(variableName(handle.resource().name()));
                return annotate && handle.ownership() == HandleType.Ownership.BORROW ? variable.annotated(BORROW)
                        : variable;
            }
            throw new IllegalArgumentException("no Java type for " + type);
        }

        private TypeName side(Optional<WitType> type, boolean annotate) {
            return type.map(t -> javaType(t, true, annotate)).orElse(ClassName.get(Void.class));
        }

        // ---- the named types ------------------------------------------------------------------------------------

        private TypeSpec.Builder namedType(String name, WitType type) {
            if (type instanceof TupleType tuple) {
                List<ParameterSpec> components = new ArrayList<>();
                for (int i = 0; i < tuple.elements().size(); i++) {
                    components.add(ParameterSpec.builder(javaType(tuple.elements().get(i), false, true), "e" + i)
                            .build());
                }
                return record(ClassName.get(javaPackage, name), components)
                        .addModifiers(Modifier.PUBLIC)
                        .addAnnotation(generated())
                        .addAnnotation(WitTuple.class)
                        .addJavadoc("WIT {@code $L} of {@code $L}. Generated by witbind from {@code @WitBindgen} and the"
                                + " WIT.\n\n<p>Component {@code e}<i>i</i> is element <i>i</i> of the tuple.\n", tuple,
                                typeOrigins.get(name));
            }
            CodeBlock doc = CodeBlock.of("WIT {@code $L $L} of {@code $L}. Generated by witbind from {@code @WitBindgen}"
                    + " and the WIT.\n", kindOf(type), witName(type), typeOrigins.get(name));
            if (type instanceof RecordType record) {
                return record(ClassName.get(javaPackage, name), record.fields().stream()
                        .map(f -> ParameterSpec.builder(javaType(f.type(), false, true), camel(f.name())).build())
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
                            .map(p -> List.of(ParameterSpec.builder(javaType(p, false, true), "value").build()))
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

        private TypeSpec.Builder host(WitInterfaceDef iface) {
            String label = upperCamel(iface.label());
            String name = label.endsWith("Host") ? label : label + "Host";
            ClassName self = ClassName.get(javaPackage, name);
            Map<String, Set<String>> variables = resourceVariables(iface);
            TypeSpec.Builder java = TypeSpec.interfaceBuilder(self)
                    .addModifiers(Modifier.PUBLIC)
                    .addAnnotation(generated())
                    .addJavadoc("The functions of the WIT interface {@code $L}, for a host to implement.\n", iface.id())
                    .addJavadoc("\n<p>Implement it in a class annotated {@code @WitInterface(\"$L\")}; the processor"
                            + " binds that class as\nfor any host. Generated by witbind from {@code @WitBindgen} and"
                            + " the WIT of world {@code $L}.\n", iface.id(), world.id());
            for (ResourceType resource : iface.resources()) {
                java.addTypeVariable(TypeVariableName.get(variableName(resource.name()),
                        resourceInterface(self, resource.name(), variables)));
            }
            if (!iface.resources().isEmpty()) {
                java.addJavadoc("\n<p>Each resource is a type parameter: pass the {@code @WitResource} class nested in"
                        + " your class,\nwhich implements the resource's nested interface here and has the public"
                        + " constructor its\ndocumentation names.\n");
                for (ResourceType resource : iface.resources()) {
                    java.addJavadoc("\n@param <$L> the class of {@code resource $L}", variableName(resource.name()),
                            resource.name());
                }
                java.addJavadoc("\n");
            }
            Set<String> methodNames = new LinkedHashSet<>();
            for (WitFunctionDef function : iface.freestandingFunctions()) {
                methodNames.add(camel(function.name().label()));
                java.addMethod(abstractMethod(camel(function.name().label()), function, false)
                        .addJavadoc("WIT {@code $L}.\n", function).build());
            }
            for (WitFunctionDef function : iface.functions().values()) {
                if (function.kind() != PlainName.Kind.STATIC) {
                    continue;
                }
                String resource = function.resource().orElseThrow();
                String method = camel(function.name().label());
                if (!methodNames.add(method)) {
                    method = camel(resource) + upperCamel(function.name().label());
                    if (!methodNames.add(method)) {
                        problems.add(Messages.bindgenUnsupported(world.id(), "the function '" + function.externName()
                                + "' of " + iface.id() + ", whose Java names '" + camel(function.name().label())
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
            for (ResourceType resource : iface.resources()) {
                java.addType(resourceType(self, iface, resource, variables));
            }
            return java;
        }

        /** A method of a host or resource interface; a method's {@code self} parameter is left out. */
        private MethodSpec.Builder abstractMethod(String name, WitFunctionDef function, boolean method) {
            MethodSpec.Builder java = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT);
            List<WitParam> params = function.type().params();
            for (WitParam param : method ? params.subList(1, params.size()) : params) {
                java.addParameter(javaType(param.type(), false, true), camel(param.name()));
            }
            function.type().result().ifPresent(result -> java.returns(javaType(result, false, true)));
            return java;
        }

        /** The nested interface of a resource's methods; generic in the resources its methods name. */
        private TypeSpec resourceType(ClassName host, WitInterfaceDef iface, ResourceType resource,
                Map<String, Set<String>> variables) {
            String name = upperCamel(resource.name());
            if (name.equals(host.simpleName())) {
                problems.add(Messages.bindgenUnsupported(world.id(), "the resource '" + resource.name() + "' of "
                        + iface.id() + ", whose Java name is the name of its host interface"));
            }
            TypeSpec.Builder java = TypeSpec.interfaceBuilder(name)
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)   // implicit in an interface
                    .addJavadoc("The methods of WIT {@code resource $L}.\n", resource.name());
            for (String variable : variables.get(resource.name())) {
                java.addTypeVariable(TypeVariableName.get(variableName(variable),
                        resourceInterface(host, variable, variables)));
            }
            List<WitFunctionDef> functions = iface.functionsOf(resource.name());
            Optional<WitFunctionDef> constructor = functions.stream()
                    .filter(f -> f.kind() == PlainName.Kind.CONSTRUCTOR).findFirst();
            if (constructor.isPresent()) {
                List<CodeBlock> params = constructor.get().type().params().stream()
                        .map(p -> CodeBlock.of("$T $L", javaType(p.type(), false, true), camel(p.name()))).toList();
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
                    String method = camel(function.name().label());
                    if (RESERVED_METHODS.contains(method)) {
                        problems.add(Messages.bindgenUnsupported(world.id(), "the function '" + function.externName()
                                + "' of " + iface.id() + ", whose Java name '" + method + "' Object has"));
                    }
                    java.addMethod(abstractMethod(method, function, true)
                            .addJavadoc("WIT {@code $L}.\n", function).build());
                }
            }
            return java.build();
        }

        /** {@code Host.Bucket}, or {@code Host.Bucket<BUCKET>} when its methods name resources. */
        private TypeName resourceInterface(ClassName host, String resource, Map<String, Set<String>> variables) {
            ClassName nested = host.nestedClass(upperCamel(resource));
            Set<String> own = variables.get(resource);
            if (own.isEmpty()) {
                return nested;
            }
            return ParameterizedTypeName.get(nested, own.stream().map(v -> TypeVariableName.get(variableName(v)))
                    .toArray(TypeName[]::new));
        }

        /**
         * For each resource, the resources whose type variables its nested interface needs: those its methods name,
         * and those their bounds need in turn, in the interface's order of resources.
         */
        private Map<String, Set<String>> resourceVariables(WitInterfaceDef iface) {
            List<String> order = iface.resources().stream().map(ResourceType::name).toList();
            Map<String, Set<String>> direct = new LinkedHashMap<>();
            for (String resource : order) {
                Set<String> named = new TreeSet<>();
                for (WitFunctionDef function : iface.functionsOf(resource)) {
                    if (function.kind() == PlainName.Kind.METHOD) {
                        List<WitParam> params = function.type().params();
                        params.subList(1, params.size()).forEach(p -> handles(p.type(), named));
                        function.type().result().ifPresent(r -> handles(r, named));
                    }
                }
                named.retainAll(order);
                direct.put(resource, named);
            }
            Map<String, Set<String>> closed = new LinkedHashMap<>();
            for (String resource : order) {
                Set<String> reached = new LinkedHashSet<>();
                List<String> pending = new ArrayList<>(direct.get(resource));
                while (!pending.isEmpty()) {
                    String next = pending.remove(0);
                    if (reached.add(next)) {
                        pending.addAll(direct.get(next));
                    }
                }
                Set<String> ordered = new LinkedHashSet<>();
                order.stream().filter(reached::contains).forEach(ordered::add);
                closed.put(resource, ordered);
            }
            return closed;
        }

        private void handles(WitType type, Set<String> found) {
            if (type instanceof HandleType handle) {
                found.add(handle.resource().name());
            } else if (type instanceof ListType list) {
                handles(list.element(), found);
            } else if (type instanceof OptionType option) {
                handles(option.some(), found);
            } else if (type instanceof ResultType result) {
                result.ok().ifPresent(t -> handles(t, found));
                result.err().ifPresent(t -> handles(t, found));
            }
        }

        // ---- the proxy ------------------------------------------------------------------------------------------

        /** The typed proxy of the world's exported functions, with one lower/lift method pair per converted type. */
        private final class Proxy {
            private final List<WitFunctionDef> exports;
            private final ClassName self;
            private final Map<String, MethodSpec> converters = new LinkedHashMap<>();
            private final Map<String, FieldSpec> typeConstants = new LinkedHashMap<>();

            Proxy(List<WitFunctionDef> exports) {
                this.exports = exports;
                this.self = ClassName.get(javaPackage, upperCamel(world.name()) + "Guest");
            }

            TypeSpec.Builder build() {
                TypeSpec.Builder java = TypeSpec.classBuilder(self)
                        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                        .addAnnotation(generated())
                        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                                .addMember("value", "$S", "unchecked").build())
                        .addJavadoc("Calls the functions that a guest of the WIT world {@code $L} exports, with the"
                                + " Java types\ngenerated from its WIT. Generated by witbind from"
                                + " {@code @WitBindgen}.\n", world.id());
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
                    String method = camel(function.name().label());
                    if (RESERVED_METHODS.contains(method)) {
                        problems.add(Messages.bindgenUnsupported(world.id(), "the export '" + function.externName()
                                + "', whose Java name '" + method + "' the proxy has for another method"));
                    }
                    String constant = function.name().label().toUpperCase(Locale.ROOT).replace('-', '_');
                    functionTypes.add(FieldSpec.builder(WIT_FUNCTION_TYPE, constant, Modifier.STATIC, Modifier.FINAL)
                            .addJavadoc("{@code $L}.\n", function)
                            .initializer(functionType(function))
                            .build());
                    functions.add(FieldSpec.builder(GUEST_FUNCTION, method, Modifier.PRIVATE, Modifier.FINAL).build());
                    constructor.addStatement("this.$N = instance.function($S, $N)", method, function.externName(),
                            constant);
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
                    String java = camel(param.name());
                    method.addParameter(javaType(param.type(), false, true), java);
                    arguments.add(lower(param.type(), CodeBlock.of("$N", java)));
                }
                CodeBlock invocation = CodeBlock.of("this.$N.call($L)", name, CodeBlock.join(arguments, ", "));
                if (function.type().result().isEmpty()) {
                    method.addStatement(invocation);
                } else {
                    WitType result = function.type().result().get();
                    method.returns(javaType(result, false, true));
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
                        : CodeBlock.of("($T) $L", javaType(type, boxed, false), dynamic);
            }

            private String lowerMethod(WitType type) {
                String name = "lower" + shapeName(type);
                if (!converters.containsKey(name)) {
                    converters.put(name, null);   // reserves the position: a type's converters precede its parts'
                    converters.put(name, lowerBody(type, MethodSpec.methodBuilder(name)
                            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                            .addParameter(javaType(type, false, false), "value")).build());
                }
                return name;
            }

            private String liftMethod(WitType type) {
                String name = "lift" + shapeName(type);
                if (!converters.containsKey(name)) {
                    converters.put(name, null);
                    converters.put(name, liftBody(type, MethodSpec.methodBuilder(name)
                            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                            .returns(javaType(type, false, false))
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
                                lower(field.type(), CodeBlock.of("value.$N()", camel(field.name()))));
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
                TypeName java = javaType(type, false, false);
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
            return list.element() != PrimitiveType.U8 && converts(list.element());
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

    /**
     * The Java name of a named type; for a tuple, which has no WIT name, its arity and structure:
     * {@code tuple<string, u32>} is {@code Tuple2OfStringAndU32}, {@code tuple<list<entry>, option<u8>>} is
     * {@code Tuple2OfListOfEntryAndOptionOfU8}. The arity keeps nested tuples apart ({@code tuple<tuple<a, b>, c>} is
     * {@code Tuple2OfTuple2OfAAndBAndC}, {@code tuple<tuple<a>, b, c>} is {@code Tuple3OfTuple1OfAAndBAndC}); a record
     * of the same Java name is refused as two types with one name.
     */
    private static String typeName(WitType type) {
        if (type instanceof TupleType tuple) {
            return "Tuple" + tuple.elements().size() + "Of" + tuple.elements().stream()
                    .map(BindingsFromWit::structureName).collect(Collectors.joining("And"));
        }
        if (type instanceof RecordType record) {
            return upperCamel(record.name());
        }
        if (type instanceof VariantType variant) {
            return upperCamel(variant.name());
        }
        if (type instanceof EnumType e) {
            return upperCamel(e.name());
        }
        return upperCamel(((FlagsType) type).name());
    }

    /** A type's part of a tuple's name: primitives and named types by name, lists and the like by structure. */
    private static String structureName(WitType type) {
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
            return "ResultOf" + result.ok().map(BindingsFromWit::structureName).orElse("Nothing") + "Or"
                    + result.err().map(BindingsFromWit::structureName).orElse("Nothing");
        }
        if (type instanceof HandleType handle) {
            return (handle.ownership() == HandleType.Ownership.OWN ? "Own" : "Borrow")
                    + upperCamel(handle.resource().name());
        }
        return typeName(type);
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
}
