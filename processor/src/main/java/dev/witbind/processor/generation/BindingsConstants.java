package dev.witbind.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import dev.witbind.processor.model.FunctionModel;
import dev.witbind.processor.model.InterfaceModel;
import dev.witbind.processor.model.ParameterModel;
import dev.witbind.processor.model.ResourceModel;
import dev.witbind.processor.model.Shape;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.names.PlainName;
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
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The static fields of one bindings class and their names: the WIT type of each function, each resource
 * ({@code BUCKET_RESOURCE}) and each named WIT type ({@code ENTRY_RECORD}, {@code QUERY_VARIANT},
 * {@code ERROR_CODE_ENUM}, {@code PERMISSION_FLAGS}), declared before the function types that use them, so that the
 * bindings read like the WIT interface. Names are allocated in a fixed order, so the output is deterministic.
 */
final class BindingsConstants {
    private static final String INTERFACE_NAME = "INTERFACE_NAME";

    private final List<String> functionConstants = new ArrayList<>();
    private final Map<ResourceType, String> resourceConstants = new LinkedHashMap<>();
    private final Map<ResourceType, String> dropConstants = new LinkedHashMap<>();
    private final Map<ResourceType, ClassName> resourceClasses = new LinkedHashMap<>();
    /** The interface the bindings are for: the owner of the resources whose drop they define. */
    private String interfaceName;
    /** The resources of other interfaces that the functions' types mention, with their Java classes. */
    private final Map<ResourceType, ClassName> foreignResources = new LinkedHashMap<>();
    /** Named WIT types, dependencies first, with the Java type that carries each. */
    private final Map<WitType, ClassName> namedTypes = new LinkedHashMap<>();
    private final Map<WitType, String> namedConstants = new LinkedHashMap<>();

    private BindingsConstants() {}

    /** The constants of a model; {@code reserved} are the names the bindings class already uses. */
    static BindingsConstants of(InterfaceModel model, List<String> reserved) {
        BindingsConstants constants = new BindingsConstants();
        constants.interfaceName = model.interfaceName();
        NameAllocator names = new NameAllocator();
        reserved.forEach(names::newName);
        for (FunctionModel function : model.functions()) {
            constants.functionConstants.add(names.newName(functionConstant(function.witName())));
        }
        for (ResourceModel resource : model.resources()) {
            String upper = upperSnake(resource.type().name());
            constants.dropConstants.put(resource.type(), names.newName(upper + "_DROP"));
            constants.resourceConstants.put(resource.type(), names.newName(upper + "_RESOURCE"));
            constants.resourceClasses.put(resource.type(), resource.javaClass());
        }
        for (FunctionModel function : model.functions()) {
            function.parameters().stream().map(ParameterModel::type).forEach(constants::collect);
            function.result().ifPresent(constants::collect);
        }
        // Resources of other interfaces that the functions take or return: a constant each, no drop (their
        // interface's bindings define it).
        constants.foreignResources.forEach((resource, javaClass) -> {
            constants.resourceConstants.put(resource, names.newName(upperSnake(resource.name()) + "_RESOURCE"));
            constants.resourceClasses.put(resource, javaClass);
        });
        constants.namedTypes.forEach((type, javaClass) -> {
            // A tuple has no WIT name: its constant is named after the record that carries it.
            String name = type instanceof TupleType
                    ? javaClass.simpleName().replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_").toUpperCase(Locale.ROOT)
                    : upperSnake(type.toString());
            constants.namedConstants.put(type, names.newName(name + "_" + kind(type)));
        });
        return constants;
    }

    /**
     * {@code GREET} for {@code greet}, {@code GET_HTTP_HEADER} for {@code get-HTTP-header}; for a resource function
     * the resource and the function: {@code BUCKET_CONSTRUCTOR}, {@code BUCKET_GET}, {@code BUCKET_OPEN_READ_ONLY}.
     */
    private static String functionConstant(String witName) {
        PlainName name = PlainName.parse(witName);
        return switch (name.kind()) {
            case LABEL -> witName.toUpperCase(Locale.ROOT).replace('-', '_');
            case CONSTRUCTOR -> upperSnake(name.label()) + "_CONSTRUCTOR";
            case RESOURCE_DROP -> upperSnake(name.label()) + "_DROP";
            case METHOD, STATIC -> upperSnake(name.resource().orElseThrow()) + "_" + upperSnake(name.label());
        };
    }

    private static String upperSnake(String label) {
        return label.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String kind(WitType type) {
        if (type instanceof RecordType) {
            return "RECORD";
        }
        if (type instanceof VariantType) {
            return "VARIANT";
        }
        if (type instanceof TupleType) {
            return "TUPLE";
        }
        return type instanceof EnumType ? "ENUM" : "FLAGS";
    }

    /** Records the named types in a value's type, each after the types it contains. */
    private void collect(ValueType type) {
        Shape shape = type.shape();
        if (shape instanceof Shape.ListOf list) {
            collect(list.element());
        } else if (shape instanceof Shape.Option option) {
            collect(option.some());
        } else if (shape instanceof Shape.Result result) {
            result.ok().ifPresent(this::collect);
            result.err().ifPresent(this::collect);
        } else if (shape instanceof Shape.Record record) {
            record.fields().forEach(field -> collect(field.type()));
            namedTypes.putIfAbsent(type.witType(), (ClassName) type.javaType());
        } else if (shape instanceof Shape.Variant variant) {
            variant.cases().forEach(c -> c.payload().ifPresent(field -> collect(field.type())));
            namedTypes.putIfAbsent(type.witType(), (ClassName) type.javaType());
        } else if (shape instanceof Shape.Enum) {
            namedTypes.putIfAbsent(type.witType(), (ClassName) type.javaType());
        } else if (shape instanceof Shape.Flags flags) {
            namedTypes.putIfAbsent(type.witType(), flags.enumClass());
        } else if (shape instanceof Shape.Handle handle) {
            ResourceType resource = ((HandleType) type.witType()).resource();
            if (!resourceConstants.containsKey(resource)) {
                foreignResources.putIfAbsent(resource, handle.resourceClass());
            }
        }
    }

    /**
     * Names a host call body must leave alone: the resource constants it refers to, and the top-level classes of
     * the resources, which qualify static calls (a local of the same name would obscure them).
     */
    List<String> namesUsedInHandles() {
        List<String> used = new ArrayList<>(resourceConstants.values());
        resourceClasses.values().stream().map(resource -> resource.topLevelClassName().simpleName()).distinct()
                .forEach(used::add);
        return used;
    }

    /** The constant of each function's type, in the order of the model's functions. */
    List<String> functionConstants() {
        return functionConstants;
    }

    /** The constant of a resource type, e.g. {@code BUCKET_RESOURCE}. */
    String resourceConstant(ResourceType resource) {
        return resourceConstants.get(resource);
    }

    /** The constant of the type of a resource's {@code [resource-drop]} function, e.g. {@code BUCKET_DROP}. */
    String dropConstant(ResourceType resource) {
        return dropConstants.get(resource);
    }

    /** The constants of the resources, then of the named types, in declaration order. */
    List<FieldSpec> typeFields() {
        List<FieldSpec> fields = new ArrayList<>();
        resourceConstants.forEach((resource, constant) -> fields.add(resource.owner().equals(interfaceName)
                ? FieldSpec.builder(ResourceType.class, constant, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The WIT resource {@code $L}, implemented by {@link $T}.\n", resource.name(),
                                resourceClasses.get(resource))
                        .initializer("new $T($N.toString(), $S)", ResourceType.class, INTERFACE_NAME, resource.name())
                        .build()
                : FieldSpec.builder(ResourceType.class, constant, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The WIT resource {@code $L} of {@code $L}, implemented by {@link $T}.\n",
                                resource.name(), resource.owner(), resourceClasses.get(resource))
                        .initializer("new $T($S, $S)", ResourceType.class, resource.owner(), resource.name())
                        .build()));
        namedConstants.forEach((type, constant) -> fields.add(
                FieldSpec.builder(type.getClass(), constant, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The WIT $L {@code $L}, carried by {@link $T}.\n",
                                kind(type).toLowerCase(Locale.ROOT), type, namedTypes.get(type))
                        .initializer(definition(type))
                        .build()));
        return fields;
    }

    /** The fields of the {@code [resource-drop]} functions' types: {@code func(handle: own<r>)}, core {@code (i32)}. */
    List<FieldSpec> dropFields() {
        List<FieldSpec> fields = new ArrayList<>();
        dropConstants.forEach((resource, constant) -> fields.add(
                FieldSpec.builder(WitFunctionType.class, constant, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The type of {@code [resource-drop]$L}: drops a guest's handle, and closes the\n"
                                + "{@link $T} if the guest owned it and it is {@link AutoCloseable}.\n",
                                resource.name(), resourceClasses.get(resource))
                        .initializer("$T.of(\n$>$>$T.of(new $T($S, $T.own($N))))$<$<", WitFunctionType.class, List.class,
                                WitParam.class, "handle", HandleType.class, resourceConstants.get(resource))
                        .build()));
        return fields;
    }

    private CodeBlock definition(WitType type) {
        if (type instanceof RecordType record) {
            List<CodeBlock> fields = record.fields().stream()
                    .map(field -> CodeBlock.of("new $T.Field($S, $L)", RecordType.class, field.name(),
                            witType(field.type())))
                    .toList();
            return CodeBlock.of("new $T($S, $L)", RecordType.class, record.name(), list(fields));
        }
        if (type instanceof TupleType tuple) {
            return CodeBlock.of("new $T($L)", TupleType.class,
                    list(tuple.elements().stream().map(this::witType).toList()));
        }
        if (type instanceof VariantType variant) {
            List<CodeBlock> cases = variant.cases().stream()
                    .map(c -> c.payload()
                            .map(payload -> CodeBlock.of("$T.Case.of($S, $L)", VariantType.class, c.name(),
                                    witType(payload)))
                            .orElseGet(() -> CodeBlock.of("$T.Case.of($S)", VariantType.class, c.name())))
                    .toList();
            return CodeBlock.of("new $T($S, $L)", VariantType.class, variant.name(), list(cases));
        }
        if (type instanceof EnumType enumType) {
            return CodeBlock.of("new $T($S, $L)", EnumType.class, enumType.name(), strings(enumType.cases()));
        }
        FlagsType flags = (FlagsType) type;
        return CodeBlock.of("new $T($S, $L)", FlagsType.class, flags.name(), strings(flags.flags()));
    }

    /** {@code List.of(...)}, one element a line when there are several. */
    private static CodeBlock list(List<CodeBlock> elements) {
        return elements.size() == 1
                ? CodeBlock.of("$T.of($L)", List.class, elements.get(0))
                : CodeBlock.of("$T.of(\n$>$>$L)$<$<", List.class, CodeBlock.join(elements, ",\n"));
    }

    private static CodeBlock strings(List<String> values) {
        return CodeBlock.of("$T.of($L)", List.class,
                values.stream().map(value -> CodeBlock.of("$S", value)).collect(CodeBlock.joining(",$W")));
    }

    /** A WIT type as an expression: primitives and lists as before, named types by their constants. */
    CodeBlock witType(WitType type) {
        if (type instanceof PrimitiveType primitive) {
            return CodeBlock.of("$T.$L", PrimitiveType.class, primitive.name());
        }
        if (type instanceof ListType list) {
            return CodeBlock.of("new $T($L)", ListType.class, witType(list.element()));
        }
        if (type instanceof OptionType option) {
            return CodeBlock.of("new $T($L)", OptionType.class, witType(option.some()));
        }
        if (type instanceof ResultType result) {
            return CodeBlock.of("new $T($L, $L)", ResultType.class, optional(result.ok()), optional(result.err()));
        }
        if (type instanceof HandleType handle) {
            return CodeBlock.of("$T.$L($N)", HandleType.class,
                    handle.ownership() == HandleType.Ownership.OWN ? "own" : "borrow",
                    resourceConstants.get(handle.resource()));
        }
        String constant = namedConstants.get(type);
        if (constant == null) {
            throw new IllegalArgumentException("no constant for the WIT type " + type);
        }
        return CodeBlock.of("$N", constant);
    }

    private CodeBlock optional(Optional<WitType> type) {
        return type.map(witType -> CodeBlock.of("$T.of($L)", Optional.class, witType(witType)))
                .orElseGet(() -> CodeBlock.of("$T.empty()", Optional.class));
    }
}
