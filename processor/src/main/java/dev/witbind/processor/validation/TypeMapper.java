package dev.witbind.processor.validation;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitResource;
import dev.witbind.annotations.WitTuple;
import dev.witbind.processor.diagnostics.Diagnostic;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.model.ResourceModel;
import dev.witbind.processor.model.Shape;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.Label;
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
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.types.WitTypes;
import dev.witbind.wit.values.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Maps the Java types of one {@code @WitInterface} class to WIT types, structurally: records, enums, flags,
 * options, results, lists, variants and resource handles, nested to any depth ({@link Messages#PARAMETER_TYPES}).
 * The scalar table stays in {@link JavaTypes}. Named types (records, enums, variants) are mapped once per class and
 * their problems reported once, on the record component, case or class that has them; problems of a type as a
 * whole (a raw type, a wildcard, a part without WIT type) are reported on the parameter, method or component that
 * uses it.
 */
final class TypeMapper {
    private static final String UNSIGNED = Unsigned.class.getCanonicalName();
    private static final String WIT_CHAR = WitChar.class.getCanonicalName();
    private static final String BORROW = Borrow.class.getCanonicalName();
    private static final String WIT_RESOURCE = WitResource.class.getCanonicalName();
    private static final String WIT_TUPLE = WitTuple.class.getCanonicalName();
    private static final String LIST = "java.util.List";
    private static final String OPTIONAL = "java.util.Optional";
    private static final String ENUM_SET = "java.util.EnumSet";
    private static final String RESULT = "dev.witbind.wit.values.Result";
    private static final String VOID = "java.lang.Void";
    private static final String STRING = "java.lang.String";
    private static final String CHARACTER = "java.lang.Character";
    private static final Set<String> OTHER_COLLECTIONS = Set.of("java.util.Collection", "java.util.ArrayList",
            "java.util.LinkedList", "java.util.Set", "java.util.HashSet", "java.util.SortedSet", "java.util.Iterable",
            "java.lang.Iterable");
    private static final Map<String, PrimitiveType> BOXES = Map.of(
            "java.lang.Boolean", PrimitiveType.BOOL,
            "java.lang.Byte", PrimitiveType.S8,
            "java.lang.Short", PrimitiveType.S16,
            "java.lang.Integer", PrimitiveType.S32,
            "java.lang.Long", PrimitiveType.S64,
            "java.lang.Float", PrimitiveType.F32,
            "java.lang.Double", PrimitiveType.F64);

    private final Elements elements;
    private final TypeElement interfaceClass;
    private final Map<String, ResourceModel> resources;
    private final List<Diagnostic> problems;
    /** Named types already mapped: the mapping, or empty when the type has a problem (already reported). */
    private final Map<String, Optional<ValueType>> named = new HashMap<>();
    /** Named types being mapped, to find types that contain themselves. */
    private final Set<String> inProgress = new HashSet<>();

    /**
     * @param resources the resources of the class by the qualified name of their Java class
     * @param problems where problems go
     */
    TypeMapper(Elements elements, TypeElement interfaceClass, Map<String, ResourceModel> resources,
            List<Diagnostic> problems) {
        this.elements = elements;
        this.interfaceClass = interfaceClass;
        this.resources = resources;
        this.problems = problems;
    }

    /** Where a type is used, and how messages name the use. */
    enum UseKind {
        PARAMETER,
        RESULT,
        COMPONENT
    }

    /**
     * A use of a type.
     *
     * @param element the parameter, method or record component
     * @param kind which of the three
     * @param name the parameter's or component's name; the method's for a result
     * @param owner the method's name for a parameter, the record's qualified name for a component
     * @param inParameter whether the value travels into the host (borrows are allowed)
     */
    record Use(Element element, UseKind kind, String name, String owner, boolean inParameter) {
        String what() {
            return switch (kind) {
                case PARAMETER -> Messages.parameter(name, owner);
                case RESULT -> Messages.result(name);
                case COMPONENT -> Messages.component(name, owner);
            };
        }
    }

    /** What mapping a part of a type gave. */
    private sealed interface Part {}

    private record Mapped(ValueType type) implements Part {}

    /** The part has no WIT type; the use reports it with {@code fix}. */
    private record Unsupported(String partType, String fix) implements Part {}

    /** The problem was reported where it is (a record component, a case class, an annotation). */
    private record Reported() implements Part {}

    /**
     * Maps the type of a use, reporting every problem. Scalar types, {@code void} and the types without a WIT type
     * go through {@link JavaTypes}, with the diagnostics the validator has always given them.
     *
     * @return the mapping; {@link TypeMapping.NoResult} for {@code void}; {@code null} when a problem was reported
     */
    TypeMapping map(TypeMirror type, Use use) {
        if (isScalarTableType(type)) {
            return mapScalar(type, use);
        }
        boolean borrow = has(use.element(), type, BORROW);
        Optional<AnnotationMirror> unsigned = find(use.element(), type, UNSIGNED);
        Optional<AnnotationMirror> witChar = find(use.element(), type, WIT_CHAR);
        String javaType = JavaTypes.display(type);
        if (type.getKind() == TypeKind.ARRAY) {
            return report(mapArray((ArrayType) type, unsigned.isPresent(), witChar.isPresent(), use), type, use);
        }
        if (unsigned.isPresent() && witChar.isPresent()) {
            problems.add(Diagnostic.on(use.element(), Messages.unsignedAndWitChar(use.what())));
            return null;
        }
        if (unsigned.isPresent()) {
            problems.add(on(use.element(), unsigned.get(), Messages.unsignedNotIntegral(use.what(), javaType)));
            return null;
        }
        if (witChar.isPresent()) {
            problems.add(on(use.element(), witChar.get(), Messages.witCharNotInt(use.what(), javaType)));
            return null;
        }
        if (borrow && !isResource(type)) {
            problems.add(Diagnostic.on(use.element(), Messages.borrowNotResource(use.what(), javaType)));
            return null;
        }
        return report(mapReference(type, borrow, use), type, use);
    }

    /** The types whose mapping and messages {@link JavaTypes} has always owned. */
    private static boolean isScalarTableType(TypeMirror type) {
        TypeKind kind = type.getKind();
        if (kind.isPrimitive() || kind == TypeKind.VOID) {
            return true;
        }
        if (kind == TypeKind.ARRAY) {
            return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
        }
        if (kind == TypeKind.DECLARED) {
            String name = qualifiedName(type);
            return name.equals(STRING) || name.equals(CHARACTER) || BOXES.containsKey(name);
        }
        return false;
    }

    private TypeMapping mapScalar(TypeMirror type, Use use) {
        Optional<AnnotationMirror> unsigned = find(use.element(), type, UNSIGNED);
        Optional<AnnotationMirror> witChar = find(use.element(), type, WIT_CHAR);
        TypeMapping mapping = JavaTypes.map(type, unsigned.isPresent(), witChar.isPresent());
        String what = use.what();
        String javaType = JavaTypes.display(type);
        if (mapping instanceof TypeMapping.NoWitType noWitType) {
            problems.add(Diagnostic.on(use.element(), switch (use.kind()) {
                case PARAMETER -> Messages.unsupportedParameterType(use.name(), use.owner(), javaType, noWitType.fix());
                case RESULT -> Messages.unsupportedReturnType(use.name(), javaType, noWitType.fix());
                case COMPONENT -> Messages.unsupportedComponentType(use.owner(), use.name(), javaType, noWitType.fix());
            }));
            return null;
        } else if (mapping instanceof TypeMapping.UnsignedNotIntegral) {
            problems.add(on(use.element(), unsigned.orElseThrow(), Messages.unsignedNotIntegral(what, javaType)));
            return null;
        } else if (mapping instanceof TypeMapping.WitCharNotInt) {
            problems.add(on(use.element(), witChar.orElseThrow(), Messages.witCharNotInt(what, javaType)));
            return null;
        } else if (mapping instanceof TypeMapping.UnsignedAndWitChar) {
            problems.add(Diagnostic.on(use.element(), Messages.unsignedAndWitChar(what)));
            return null;
        }
        if (has(use.element(), type, BORROW)) {
            problems.add(Diagnostic.on(use.element(), Messages.borrowNotResource(what, javaType)));
            return null;
        }
        return mapping;
    }

    /** The diagnostic on the annotation when it is a declaration annotation of the element, else on the element. */
    private static Diagnostic on(Element element, AnnotationMirror annotation, String message) {
        return element.getAnnotationMirrors().contains(annotation)
                ? Diagnostic.on(element, annotation, message)
                : Diagnostic.on(element, message);
    }

    private TypeMapping report(Part part, TypeMirror type, Use use) {
        if (part instanceof Mapped mapped) {
            if (!use.inParameter() && WitTypes.containsBorrow(mapped.type().witType())) {
                problems.add(Diagnostic.on(use.element(), Messages.borrowInResult(use.name())));
                return null;
            }
            return new TypeMapping.Mapped(mapped.type());
        }
        if (part instanceof Unsupported unsupported) {
            String javaType = JavaTypes.display(type);
            String fix = unsupported.partType().equals(javaType)
                    ? unsupported.fix()
                    : Messages.unsupportedPart(unsupported.partType(), unsupported.fix());
            problems.add(Diagnostic.on(use.element(), switch (use.kind()) {
                case PARAMETER -> Messages.unsupportedParameterType(use.name(), use.owner(), javaType, fix);
                case RESULT -> Messages.unsupportedReturnType(use.name(), javaType, fix);
                case COMPONENT -> Messages.unsupportedComponentType(use.owner(), use.name(), javaType, fix);
            }));
        }
        return null;
    }

    // ---- arrays -----------------------------------------------------------------------------------------------

    private Part mapArray(ArrayType type, boolean unsigned, boolean witChar, Use use) {
        TypeMirror component = type.getComponentType();
        unsigned |= has(component, UNSIGNED);
        witChar |= has(component, WIT_CHAR);
        String javaType = JavaTypes.display(type);
        if (!component.getKind().isPrimitive()) {
            return new Unsupported(javaType, Messages.useList());
        }
        if (unsigned && witChar) {
            problems.add(Diagnostic.on(use.element(), Messages.unsignedAndWitChar(use.what())));
            return new Reported();
        }
        PrimitiveType element = switch (component.getKind()) {
            case BOOLEAN -> PrimitiveType.BOOL;
            case SHORT -> unsigned ? PrimitiveType.U16 : PrimitiveType.S16;
            case INT -> unsigned ? PrimitiveType.U32 : witChar ? PrimitiveType.CHAR : PrimitiveType.S32;
            case LONG -> unsigned ? PrimitiveType.U64 : PrimitiveType.S64;
            case FLOAT -> PrimitiveType.F32;
            case DOUBLE -> PrimitiveType.F64;
            default -> null;
        };
        if (element == null) {
            // char[]: the only primitive array left (byte[] is in the scalar table).
            return new Unsupported(javaType, Messages.useWitCharInt());
        }
        boolean integral = element != PrimitiveType.BOOL && element != PrimitiveType.F32 && element != PrimitiveType.F64;
        if (unsigned && !integral) {
            problems.add(Diagnostic.on(use.element(), Messages.unsignedNotIntegral(use.what(), javaType)));
            return new Reported();
        }
        if (witChar && component.getKind() != TypeKind.INT) {
            problems.add(Diagnostic.on(use.element(), Messages.witCharNotInt(use.what(), javaType)));
            return new Reported();
        }
        TypeName javaElement = TypeName.get(component.getKind() == TypeKind.BOOLEAN ? boolean.class
                : component.getKind() == TypeKind.SHORT ? short.class
                : component.getKind() == TypeKind.INT ? int.class
                : component.getKind() == TypeKind.LONG ? long.class
                : component.getKind() == TypeKind.FLOAT ? float.class : double.class);
        return new Mapped(new ValueType(ArrayTypeName.of(javaElement), new ListType(element),
                new Shape.PrimitiveArray()));
    }

    // ---- declared types ---------------------------------------------------------------------------------------

    /** Maps a type that is not in the scalar table; markers on it have been checked. */
    private Part mapReference(TypeMirror type, boolean borrow, Use use) {
        String javaType = JavaTypes.display(type);
        switch (type.getKind()) {
            case DECLARED -> {
                return mapDeclared((DeclaredType) type, borrow, use);
            }
            case WILDCARD -> {
                return new Unsupported(javaType, Messages.wildcard(javaType));
            }
            case TYPEVAR -> {
                return new Unsupported(javaType, Messages.typeVariable(javaType));
            }
            default -> {
                return new Unsupported(javaType, Messages.useSupportedType());
            }
        }
    }

    private Part mapDeclared(DeclaredType type, boolean borrow, Use use) {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        String javaType = JavaTypes.display(type);
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        boolean raw = arguments.isEmpty() && !element.getTypeParameters().isEmpty();
        if (raw) {
            return new Unsupported(javaType, Messages.rawType(name));
        }
        switch (name) {
            case LIST -> {
                TypeMirror argument = arguments.get(0);
                if (argument.getKind() == TypeKind.DECLARED && qualifiedName(argument).equals("java.lang.Byte")) {
                    return new Unsupported(javaType, Messages.useByteArray());
                }
                Part element0 = mapArgument(argument, use);
                if (!(element0 instanceof Mapped mapped)) {
                    return element0;
                }
                return new Mapped(new ValueType(ParameterizedTypeName.get(ClassName.get("java.util", "List"),
                        mapped.type().javaType().box()), new ListType(mapped.type().witType()),
                        new Shape.ListOf(mapped.type())));
            }
            case OPTIONAL -> {
                Part some = mapArgument(arguments.get(0), use);
                if (!(some instanceof Mapped mapped)) {
                    return some;
                }
                return new Mapped(new ValueType(ParameterizedTypeName.get(ClassName.get("java.util", "Optional"),
                        mapped.type().javaType().box()), new OptionType(mapped.type().witType()),
                        new Shape.Option(mapped.type())));
            }
            case RESULT -> {
                return mapResult(arguments, use);
            }
            case ENUM_SET -> {
                return mapFlags(arguments.get(0), use);
            }
            case VOID -> {
                return new Unsupported(javaType, Messages.voidOutsideResult());
            }
            default -> {
                // Handled below.
            }
        }
        if (OTHER_COLLECTIONS.contains(name)) {
            return new Unsupported(javaType, Messages.useListInterface(javaType));
        }
        ResourceModel resource = resources.get(name);
        if (resource != null) {
            HandleType handle = borrow ? HandleType.borrow(resource.type()) : HandleType.own(resource.type());
            return new Mapped(new ValueType(resource.javaClass(), handle, new Shape.Handle(resource.javaClass())));
        }
        if (Annotations.find(element, WIT_RESOURCE).isPresent()) {
            // A resource another interface defines (wasi:cli/stdout hands out wasi:io/streams' output-stream): its
            // handles are that interface's, whose bindings define its drop.
            Optional<ResourceType> foreign = InterfaceValidator.resourceOf(element);
            if (foreign.isPresent()) {
                HandleType handle = borrow ? HandleType.borrow(foreign.get()) : HandleType.own(foreign.get());
                ClassName resourceClass = ClassName.get(element);
                return new Mapped(new ValueType(resourceClass, handle, new Shape.Handle(resourceClass)));
            }
            problems.add(Diagnostic.on(use.element(), Messages.resourceOutsideInterface(capitalize(use.what()), name,
                    interfaceClass.getQualifiedName().toString())));
            return new Reported();
        }
        return switch (element.getKind()) {
            case RECORD -> Annotations.find(element, WIT_TUPLE).isPresent()
                    ? mapNamed(element, () -> mapTuple(element))
                    : mapNamed(element, () -> mapRecord(element));
            case ENUM -> mapNamed(element, () -> mapEnum(element));
            case INTERFACE -> element.getModifiers().contains(Modifier.SEALED)
                    ? mapNamed(element, () -> mapVariant(element))
                    : new Unsupported(javaType, Messages.useSealedInterfaceOrRecord());
            default -> new Unsupported(javaType, Messages.useSealedInterfaceOrRecord());
        };
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * A type argument: boxes map to their primitive WIT types (and may carry {@code @Unsigned}/{@code @WitChar}),
     * {@code @Borrow} marks a resource, everything else maps as a use would.
     */
    private Part mapArgument(TypeMirror argument, Use use) {
        boolean unsigned = has(argument, UNSIGNED);
        boolean witChar = has(argument, WIT_CHAR);
        boolean borrow = has(argument, BORROW);
        String javaType = JavaTypes.display(argument);
        if (argument.getKind() == TypeKind.DECLARED) {
            String name = qualifiedName(argument);
            PrimitiveType primitive = BOXES.get(name);
            if (primitive != null || name.equals(STRING) || name.equals(CHARACTER)) {
                if (borrow) {
                    return markerOnPart("@Borrow", use, javaType);
                }
                if (name.equals(CHARACTER)) {
                    return new Unsupported(javaType, Messages.useWitCharInteger());
                }
                if (name.equals(STRING)) {
                    return unsigned || witChar ? markerOnPart(unsigned ? "@Unsigned" : "@WitChar", use, javaType)
                            : new Mapped(new ValueType(ClassName.get("java.lang", "String"), PrimitiveType.STRING));
                }
                PrimitiveType mapped = boxedWitType(primitive, unsigned, witChar);
                if (mapped == null) {
                    return markerOnPart(unsigned && witChar ? "@Unsigned @WitChar"
                            : unsigned ? "@Unsigned" : "@WitChar", use, javaType);
                }
                return new Mapped(new ValueType(ClassName.bestGuess(name), mapped));
            }
        }
        if (argument.getKind() == TypeKind.ARRAY) {
            if (borrow) {
                return markerOnPart("@Borrow", use, javaType);
            }
            ArrayType array = (ArrayType) argument;
            if (array.getComponentType().getKind() == TypeKind.BYTE) {
                return unsigned || witChar ? markerOnPart(unsigned ? "@Unsigned" : "@WitChar", use, javaType)
                        : new Mapped(new ValueType(ArrayTypeName.of(TypeName.BYTE), new ListType(PrimitiveType.U8)));
            }
            Part part = mapArray(array, unsigned, witChar, use);
            return part;
        }
        if (unsigned || witChar) {
            return markerOnPart(unsigned ? "@Unsigned" : "@WitChar", use, javaType);
        }
        if (borrow && !isResource(argument)) {
            return markerOnPart("@Borrow", use, javaType);
        }
        return mapReference(argument, borrow, use);
    }

    private Part markerOnPart(String marker, Use use, String partType) {
        problems.add(Diagnostic.on(use.element(), Messages.markerOnPart(marker, use.what(), partType)));
        return new Reported();
    }

    /** The WIT type of a box with its markers; {@code null} when the markers do not fit. */
    private static PrimitiveType boxedWitType(PrimitiveType signed, boolean unsigned, boolean witChar) {
        if (unsigned && witChar) {
            return null;
        }
        if (witChar) {
            return signed == PrimitiveType.S32 ? PrimitiveType.CHAR : null;
        }
        if (!unsigned) {
            return signed;
        }
        return switch (signed) {
            case S8 -> PrimitiveType.U8;
            case S16 -> PrimitiveType.U16;
            case S32 -> PrimitiveType.U32;
            case S64 -> PrimitiveType.U64;
            default -> null;
        };
    }

    /** Whether {@code type} is a resource class: this interface's, or one nested in another interface's class. */
    private boolean isResource(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && (resources.containsKey(qualifiedName(type))
                || InterfaceValidator.resourceOf((TypeElement) ((DeclaredType) type).asElement()).isPresent());
    }

    private Part mapResult(List<? extends TypeMirror> arguments, Use use) {
        Optional<ValueType> ok = Optional.empty();
        Optional<ValueType> err = Optional.empty();
        for (int i = 0; i < 2; i++) {
            TypeMirror argument = arguments.get(i);
            if (argument.getKind() == TypeKind.DECLARED && qualifiedName(argument).equals(VOID)) {
                continue;
            }
            Part part = mapArgument(argument, use);
            if (!(part instanceof Mapped mapped)) {
                return part;
            }
            if (i == 0) {
                ok = Optional.of(mapped.type());
            } else {
                err = Optional.of(mapped.type());
            }
        }
        TypeName javaType = ParameterizedTypeName.get(ClassName.get(Result.class),
                ok.map(type -> type.javaType().box()).orElse(ClassName.get(Void.class)),
                err.map(type -> type.javaType().box()).orElse(ClassName.get(Void.class)));
        return new Mapped(new ValueType(javaType,
                new ResultType(ok.map(ValueType::witType), err.map(ValueType::witType)), new Shape.Result(ok, err)));
    }

    private Part mapFlags(TypeMirror argument, Use use) {
        String javaType = JavaTypes.display(argument);
        if (argument.getKind() == TypeKind.WILDCARD || argument.getKind() == TypeKind.TYPEVAR) {
            return mapReference(argument, false, use);
        }
        if (argument.getKind() != TypeKind.DECLARED
                || ((DeclaredType) argument).asElement().getKind() != ElementKind.ENUM) {
            // javac refuses EnumSet<T> for anything but an enum, a type variable or a wildcard.
            return new Unsupported(javaType, Messages.useSupportedType());
        }
        TypeElement enumType = (TypeElement) ((DeclaredType) argument).asElement();
        String enumName = enumType.getQualifiedName().toString();
        if (!isAccessible(enumType)) {
            problems.add(Diagnostic.on(use.element(), Messages.typeNotAccessible(enumName)));
            return new Reported();
        }
        List<String> constants = enumConstants(enumType);
        if (constants.isEmpty()) {
            problems.add(Diagnostic.on(use.element(), Messages.emptyEnum(enumName)));
            return new Reported();
        }
        if (constants.size() > FlagsType.MAX_FLAGS) {
            problems.add(Diagnostic.on(use.element(), Messages.tooManyFlags(enumName, constants.size())));
            return new Reported();
        }
        Optional<List<String>> labels = enumLabels(enumType);
        Optional<String> typeName = typeLabel(enumType);
        if (labels.isEmpty() || typeName.isEmpty()) {
            return new Reported();
        }
        ClassName enumClass = ClassName.get(enumType);
        return new Mapped(new ValueType(ParameterizedTypeName.get(ClassName.get("java.util", "EnumSet"), enumClass),
                new FlagsType(typeName.get(), labels.get()), new Shape.Flags(enumClass, constants)));
    }

    // ---- named types ------------------------------------------------------------------------------------------

    private interface NamedMapping {
        Optional<ValueType> map();
    }

    /** Maps a record, enum or sealed interface once, and finds types that contain themselves. */
    private Part mapNamed(TypeElement element, NamedMapping mapping) {
        String name = element.getQualifiedName().toString();
        Optional<ValueType> known = named.get(name);
        if (known == null) {
            if (!inProgress.add(name)) {
                problems.add(Diagnostic.on(element, Messages.recursiveType(name)));
                named.put(name, Optional.empty());
                return new Reported();
            }
            if (!isAccessible(element)) {
                problems.add(Diagnostic.on(element, Messages.typeNotAccessible(name)));
                known = Optional.empty();
            } else {
                known = mapping.map();
            }
            inProgress.remove(name);
            // A recursive type was marked broken while it was being mapped: keep that.
            named.putIfAbsent(name, known);
            known = named.get(name);
        }
        return known.<Part>map(Mapped::new).orElseGet(Reported::new);
    }

    private Optional<ValueType> mapRecord(TypeElement record) {
        String name = record.getQualifiedName().toString();
        if (!record.getTypeParameters().isEmpty()) {
            problems.add(Diagnostic.on(record, Messages.genericType(name, typeParameters(record))));
            return Optional.empty();
        }
        List<RecordComponentElement> components = ElementFilter.recordComponentsIn(record.getEnclosedElements());
        if (components.isEmpty()) {
            problems.add(Diagnostic.on(record, Messages.emptyRecord(name)));
            return Optional.empty();
        }
        Optional<String> typeName = typeLabel(record);
        Optional<List<Shape.Field>> fields = fields(record, components, true);
        if (fields.isEmpty() || typeName.isEmpty()) {
            return Optional.empty();
        }
        List<RecordType.Field> witFields = fields.get().stream()
                .map(field -> new RecordType.Field(field.witName(), field.type().witType()))
                .toList();
        return Optional.of(new ValueType(ClassName.get(record), new RecordType(typeName.get(), witFields),
                new Shape.Record(fields.get())));
    }

    /**
     * A {@code @WitTuple} record as {@code tuple<...>} of its component types in order. Component names do not
     * matter (they are not checked as WIT labels); the generator lays the tuple out like a record
     * ({@code CanonicalAbi.fieldTypes}), so its shape is {@link Shape.Record} with the component names as field names.
     */
    private Optional<ValueType> mapTuple(TypeElement record) {
        String name = record.getQualifiedName().toString();
        if (!record.getTypeParameters().isEmpty()) {
            problems.add(Diagnostic.on(record, Messages.genericType(name, typeParameters(record))));
            return Optional.empty();
        }
        List<RecordComponentElement> components = ElementFilter.recordComponentsIn(record.getEnclosedElements());
        if (components.isEmpty()) {
            problems.add(Diagnostic.on(record, Messages.emptyTuple(name)));
            return Optional.empty();
        }
        Optional<List<Shape.Field>> fields = fields(record, components, false);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        List<WitType> elements = fields.get().stream().map(field -> field.type().witType()).toList();
        return Optional.of(new ValueType(ClassName.get(record), new TupleType(elements),
                new Shape.Record(fields.get())));
    }

    /**
     * The fields of a record or case: every component checked, and their WIT names unique ({@code labels}); for a
     * tuple the names are not WIT names and the component name stands for itself.
     */
    private Optional<List<Shape.Field>> fields(TypeElement record, List<RecordComponentElement> components,
            boolean labels) {
        String recordName = record.getQualifiedName().toString();
        List<Shape.Field> fields = new ArrayList<>();
        Map<String, String> taken = new HashMap<>();
        boolean broken = false;
        for (RecordComponentElement recordComponent : components) {
            String javaName = recordComponent.getSimpleName().toString();
            Element component = positioned(record, recordComponent);
            Optional<String> witName = labels
                    ? memberLabel(component, "component", javaName, Label.fromJavaName(javaName))
                    : Optional.of(javaName);
            if (witName.isEmpty()) {
                broken = true;
            } else if (labels) {
                String first = taken.putIfAbsent(witName.get().toLowerCase(Locale.ROOT), javaName);
                if (first != null) {
                    problems.add(Diagnostic.on(component,
                            Messages.duplicateMemberName("component", javaName, witName.get(), first)));
                    broken = true;
                }
            }
            Use use = new Use(component, UseKind.COMPONENT, javaName, recordName, true);
            TypeMapping mapping = map(recordComponent.asType(), use);
            if (mapping instanceof TypeMapping.Mapped mapped && witName.isPresent()) {
                fields.add(new Shape.Field(javaName, witName.get(), mapped.type()));
            } else {
                broken = true;
            }
        }
        return broken ? Optional.empty() : Optional.of(fields);
    }

    /**
     * Where a diagnostic about a record component goes: javac gives a record component no source position, so its
     * private field, which javac places on the component's declaration, stands in for it (with its annotations).
     */
    private static Element positioned(TypeElement record, RecordComponentElement component) {
        for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
            if (field.getSimpleName().contentEquals(component.getSimpleName())
                    && !field.getModifiers().contains(Modifier.STATIC)) {
                return field;
            }
        }
        return component;
    }

    private Optional<ValueType> mapEnum(TypeElement enumType) {
        String name = enumType.getQualifiedName().toString();
        List<String> constants = enumConstants(enumType);
        if (constants.isEmpty()) {
            problems.add(Diagnostic.on(enumType, Messages.emptyEnum(name)));
            return Optional.empty();
        }
        Optional<String> typeName = typeLabel(enumType);
        Optional<List<String>> labels = enumLabels(enumType);
        if (typeName.isEmpty() || labels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ValueType(ClassName.get(enumType), new EnumType(typeName.get(), labels.get()),
                new Shape.Enum(constants)));
    }

    private static List<String> enumConstants(TypeElement enumType) {
        return enumType.getEnclosedElements().stream()
                .filter(member -> member.getKind() == ElementKind.ENUM_CONSTANT)
                .map(member -> member.getSimpleName().toString())
                .toList();
    }

    /** The WIT case names of an enum's constants ({@code NOT_FOUND} is {@code not-found}), checked once. */
    private final Map<String, Optional<List<String>>> enumLabels = new HashMap<>();

    private Optional<List<String>> enumLabels(TypeElement enumType) {
        return enumLabels.computeIfAbsent(enumType.getQualifiedName().toString(), name -> {
            List<String> labels = new ArrayList<>();
            Map<String, String> taken = new HashMap<>();
            boolean broken = false;
            for (Element constant : enumType.getEnclosedElements()) {
                if (constant.getKind() != ElementKind.ENUM_CONSTANT) {
                    continue;
                }
                String javaName = constant.getSimpleName().toString();
                String derived = javaName.toLowerCase(Locale.ROOT).replace('_', '-');
                Optional<String> label = memberLabel(constant, "enum constant", javaName, derived);
                if (label.isEmpty()) {
                    broken = true;
                    continue;
                }
                String first = taken.putIfAbsent(label.get(), javaName);
                if (first != null) {
                    problems.add(Diagnostic.on(constant,
                            Messages.duplicateMemberName("enum constant", javaName, label.get(), first)));
                    broken = true;
                }
                labels.add(label.get());
            }
            return broken ? Optional.empty() : Optional.of(labels);
        });
    }

    private Optional<ValueType> mapVariant(TypeElement sealed) {
        String name = sealed.getQualifiedName().toString();
        if (!sealed.getTypeParameters().isEmpty()) {
            problems.add(Diagnostic.on(sealed, Messages.genericType(name, typeParameters(sealed))));
            return Optional.empty();
        }
        List<Shape.Case> cases = new ArrayList<>();
        Map<String, String> taken = new HashMap<>();
        boolean broken = false;
        for (TypeMirror permitted : sealed.getPermittedSubclasses()) {
            TypeElement caseType = (TypeElement) ((DeclaredType) permitted).asElement();
            String caseName = caseType.getQualifiedName().toString();
            if (caseType.getKind() != ElementKind.RECORD) {
                problems.add(Diagnostic.on(caseType, Messages.caseNotRecord(name, caseName)));
                broken = true;
                continue;
            }
            if (!caseType.getTypeParameters().isEmpty()) {
                problems.add(Diagnostic.on(caseType, Messages.genericType(caseName, typeParameters(caseType))));
                broken = true;
                continue;
            }
            if (!isAccessible(caseType)) {
                problems.add(Diagnostic.on(caseType, Messages.typeNotAccessible(caseName)));
                broken = true;
                continue;
            }
            List<RecordComponentElement> components = ElementFilter.recordComponentsIn(caseType.getEnclosedElements());
            if (components.size() > 1) {
                problems.add(Diagnostic.on(caseType,
                        Messages.caseWithSeveralComponents(name, caseName, components.size())));
                broken = true;
                continue;
            }
            String simpleName = caseType.getSimpleName().toString();
            Optional<String> label = memberLabel(caseType, "case", simpleName, Label.fromJavaName(simpleName));
            if (label.isEmpty()) {
                broken = true;
                continue;
            }
            String first = taken.putIfAbsent(label.get().toLowerCase(Locale.ROOT), caseName);
            if (first != null) {
                problems.add(Diagnostic.on(caseType,
                        Messages.duplicateMemberName("case", caseName, label.get(), first)));
                broken = true;
                continue;
            }
            if (components.isEmpty()) {
                cases.add(new Shape.Case(ClassName.get(caseType), label.get(), Optional.empty()));
                continue;
            }
            Optional<List<Shape.Field>> payload = fields(caseType, components, true);
            if (payload.isEmpty()) {
                broken = true;
                continue;
            }
            cases.add(new Shape.Case(ClassName.get(caseType), label.get(), Optional.of(payload.get().get(0))));
        }
        Optional<String> typeName = typeLabel(sealed);
        if (broken || typeName.isEmpty()) {
            return Optional.empty();
        }
        List<VariantType.Case> witCases = cases.stream()
                .map(c -> new VariantType.Case(c.witName(), c.payload().map(field -> field.type().witType())))
                .toList();
        return Optional.of(new ValueType(ClassName.get(sealed), new VariantType(typeName.get(), witCases),
                new Shape.Variant(cases)));
    }

    private Optional<String> memberLabel(Element member, String what, String javaName, String derived) {
        try {
            return Optional.of(Label.checkLabel(derived));
        } catch (InvalidNameException problem) {
            problems.add(Diagnostic.on(member, Messages.invalidMemberName(what, javaName, problem)));
            return Optional.empty();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The WIT name of a record, enum (also as flags) or variant: {@code error-code} for {@code ErrorCode}. */
    private Optional<String> typeLabel(TypeElement type) {
        String simpleName = type.getSimpleName().toString();
        return memberLabel(type, "type", simpleName, Label.fromJavaName(simpleName));
    }

    /**
     * Whether the bindings, in the package of the interface class, can name the type: no class on the way is
     * private, and a type in another package is public all the way.
     */
    private boolean isAccessible(TypeElement type) {
        PackageElement bindingsPackage = elements.getPackageOf(interfaceClass);
        boolean samePackage = elements.getPackageOf(type).equals(bindingsPackage);
        for (Element current = type; current instanceof TypeElement typeElement;
                current = current.getEnclosingElement()) {
            Set<Modifier> modifiers = typeElement.getModifiers();
            if (modifiers.contains(Modifier.PRIVATE) || (!samePackage && !modifiers.contains(Modifier.PUBLIC))) {
                return false;
            }
        }
        return true;
    }

    private static String typeParameters(TypeElement type) {
        return type.getTypeParameters().stream().map(parameter -> parameter.getSimpleName().toString())
                .collect(Collectors.joining(", "));
    }

    private static String qualifiedName(TypeMirror type) {
        return ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    }

    private static boolean has(Element element, TypeMirror type, String annotation) {
        return find(element, type, annotation).isPresent();
    }

    /** A marker as a declaration annotation of the element, or as a type annotation of its type. */
    private static Optional<AnnotationMirror> find(Element element, TypeMirror type, String annotation) {
        Optional<AnnotationMirror> declared = Annotations.find(element, annotation);
        return declared.isPresent() ? declared : findOnType(type, annotation);
    }

    private static boolean has(TypeMirror type, String annotation) {
        return findOnType(type, annotation).isPresent();
    }

    private static Optional<AnnotationMirror> findOnType(TypeMirror type, String annotation) {
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
            TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
            if (annotationType.getQualifiedName().contentEquals(annotation)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }
}
