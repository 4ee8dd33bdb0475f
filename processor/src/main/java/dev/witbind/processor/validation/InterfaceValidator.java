package dev.witbind.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.witbind.annotations.WitFunction;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.processor.diagnostics.Diagnostic;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.model.FunctionModel;
import dev.witbind.processor.model.InterfaceModel;
import dev.witbind.processor.model.Invocation;
import dev.witbind.processor.model.ParameterModel;
import dev.witbind.processor.model.ResourceModel;
import dev.witbind.processor.model.Shape;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.names.ExternName;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.Label;
import dev.witbind.wit.names.PlainName;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one {@code @WitInterface} element and turns it into an {@link InterfaceModel}, or into every problem it
 * has. Each problem is reported once, on the most precise place; checking goes on after a problem so that one
 * compilation shows them all. A class without problems is then checked against the WIT of its interface, when
 * {@link WitSources} finds one ({@link WitVerifier}), and its model takes the WIT's types.
 */
public final class InterfaceValidator {
    private static final String WIT_INTERFACE = WitInterface.class.getCanonicalName();
    private static final String WIT_FUNCTION = WitFunction.class.getCanonicalName();
    private static final String WIT_RESOURCE = WitResource.class.getCanonicalName();
    private static final String WIT_TUPLE = "dev.witbind.annotations.WitTuple";
    private static final String VALUE = "value";
    /** The WIT name of a resource method's implicit first parameter. */
    private static final String SELF = "self";
    /** Owns resource types while the interface name is broken (reported; nothing is generated then). */
    private static final String NO_INTERFACE = "invalid:interface";

    private final Elements elements;
    private final Types types;
    private final WitSources witSources;

    /** A validator that verifies against no WIT: the interface the Java class declares stands. */
    public InterfaceValidator(Elements elements, Types types) {
        this(elements, types, WitSources.none());
    }

    /** A validator that verifies each class against the WIT {@code witSources} finds for it. */
    public InterfaceValidator(Elements elements, Types types, WitSources witSources) {
        this.elements = elements;
        this.types = types;
        this.witSources = witSources;
    }

    /** Validates an element annotated with {@code @WitInterface}. */
    public ValidationResult validate(Element element) {
        List<Diagnostic> problems = new ArrayList<>();
        AnnotationMirror witInterface = Annotations.find(element, WIT_INTERFACE).orElseThrow(
                () -> new IllegalArgumentException(element + " is not annotated with @WitInterface"));
        if (element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD) {
            problems.add(Diagnostic.on(element, witInterface,
                    Messages.notAClass(element.getKind(), displayName((TypeElement) element))));
            return new ValidationResult.Invalid(problems);
        }
        TypeElement type = (TypeElement) element;
        checkShape(type, problems);
        Optional<String> interfaceName = checkInterfaceName(type, witInterface, problems);
        Map<String, ResourceModel> resources = checkResources(type, interfaceName.orElse(NO_INTERFACE), problems);
        TypeMapper mapper = new TypeMapper(elements, type, resources, problems);
        // The Component Model requires names to be unique ignoring case ("strongly-unique").
        Map<String, Taken> taken = new HashMap<>();
        List<FunctionModel> functions = checkFunctions(type, resources, taken, mapper, problems);
        if (!problems.isEmpty() || interfaceName.isEmpty()) {
            return new ValidationResult.Invalid(problems);
        }
        InterfaceModel model = new InterfaceModel(ClassName.get(type), interfaceName.get(), functions,
                List.copyOf(resources.values()));
        return verify(type, witInterface, model, resources, taken);
    }

    /** Checks the class against the WIT of its interface, when there is WIT to check it against. */
    private ValidationResult verify(TypeElement type, AnnotationMirror witInterface, InterfaceModel model,
            Map<String, ResourceModel> resources, Map<String, Taken> taken) {
        AnnotationValue name = Annotations.value(witInterface, VALUE).orElseThrow();
        WitSources.Lookup lookup = witSources.find(type, InterfaceName.parse(model.interfaceName()));
        if (lookup instanceof WitSources.Lookup.Problem problem) {
            return new ValidationResult.Invalid(List.of(Diagnostic.on(type, witInterface, problem.message())));
        }
        if (lookup instanceof WitSources.Lookup.None none) {
            return new ValidationResult.Valid(model, none.why().map(why -> Diagnostic.note(type, witInterface,
                    Messages.notCheckedAgainstWit(displayName(type), model.interfaceName(), why))).stream().toList());
        }
        WitSources.Lookup.Found found = (WitSources.Lookup.Found) lookup;
        Map<String, ExecutableElement> methods = new HashMap<>();
        taken.values().forEach(function -> methods.put(function.witName(), function.method()));
        Map<String, TypeElement> resourceClasses = new HashMap<>();
        resources.values().forEach(resource -> resourceClasses.put(resource.type().name(),
                elements.getTypeElement(resource.javaClass().canonicalName())));
        return WitVerifier.verify(model, new WitVerifier.Origins(type, witInterface, name, methods, resourceClasses),
                found);
    }

    /**
     * Whether {@code @WitResource} on {@code element} is misplaced: the resource classes of a {@code @WitInterface}
     * class are checked with it, so a resource class anywhere else would be silently ignored.
     */
    public static Optional<Diagnostic> checkResourcePlacement(Element element) {
        Optional<AnnotationMirror> witResource = Annotations.find(element, WIT_RESOURCE);
        if (witResource.isEmpty()) {
            return Optional.empty();
        }
        Element enclosing = element.getEnclosingElement();
        if (enclosing instanceof TypeElement && Annotations.find(enclosing, WIT_INTERFACE).isPresent()) {
            return Optional.empty();
        }
        if (element.getKind() == ElementKind.INTERFACE && Annotations.value(witResource.get(), "interfaceName")
                .flatMap(Annotations::string).filter(owner -> !owner.isEmpty()).isPresent()) {
            return Optional.empty();   // the resource interface @WitBindgen generates, which names its interface
        }
        String name = element instanceof TypeElement resource ? displayName(resource) : element.toString();
        return Optional.of(Diagnostic.on(element, witResource.get(), Messages.resourceNotNested(name)));
    }

    /** {@code @WitTuple} on anything but a record; the record itself is checked where a signature uses it. */
    public static Optional<Diagnostic> checkTuplePlacement(Element element) {
        Optional<AnnotationMirror> witTuple = Annotations.find(element, WIT_TUPLE);
        if (witTuple.isEmpty() || element.getKind() == ElementKind.RECORD) {
            return Optional.empty();
        }
        String name = element instanceof TypeElement type ? displayName(type) : element.toString();
        return Optional.of(Diagnostic.on(element, witTuple.get(), Messages.tupleNotRecord(name)));
    }

    // ---- the class --------------------------------------------------------------------------------------------

    /**
     * Top-level and member classes only: javac never hands local or anonymous classes to a processor, so they
     * cannot reach this point.
     */
    private static void checkShape(TypeElement type, List<Diagnostic> problems) {
        String name = displayName(type);
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            problems.add(Diagnostic.on(type, Messages.innerClass(name)));
        }
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            problems.add(Diagnostic.on(type, Messages.classNotPublic(name)));
        } else {
            firstNonPublicEnclosingClass(type).ifPresent(enclosing -> problems.add(
                    Diagnostic.on(type, Messages.enclosingClassNotPublic(name, displayName(enclosing)))));
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            problems.add(Diagnostic.on(type, Messages.abstractClass(name)));
        }
        if (!type.getTypeParameters().isEmpty()) {
            problems.add(Diagnostic.on(type, Messages.genericClass(name, typeParameters(type.getTypeParameters()))));
        }
    }

    private static Optional<TypeElement> firstNonPublicEnclosingClass(TypeElement type) {
        for (Element enclosing = type.getEnclosingElement(); enclosing instanceof TypeElement enclosingType;
                enclosing = enclosing.getEnclosingElement()) {
            if (!enclosingType.getModifiers().contains(Modifier.PUBLIC)) {
                return Optional.of(enclosingType);
            }
        }
        return Optional.empty();
    }

    // ---- the interface name -----------------------------------------------------------------------------------

    private static Optional<String> checkInterfaceName(TypeElement type, AnnotationMirror witInterface,
            List<Diagnostic> problems) {
        Optional<AnnotationValue> value = Annotations.value(witInterface, VALUE);
        Optional<String> name = value.flatMap(Annotations::string);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            InterfaceName.parse(name.get());
            return name;
        } catch (InvalidNameException problem) {
            String message = isPlainName(name.get())
                    ? Messages.plainInterfaceName(name.get())
                    : Messages.invalidInterfaceName(problem);
            problems.add(Diagnostic.on(type, witInterface, value.get(), message));
            return Optional.empty();
        }
    }

    private static boolean isPlainName(String name) {
        try {
            return ExternName.parse(name) instanceof PlainName;
        } catch (InvalidNameException notAName) {
            return false;
        }
    }

    // ---- resources --------------------------------------------------------------------------------------------

    /** The {@code @WitResource} classes nested in the class, by qualified name, in declaration order. */
    private Map<String, ResourceModel> checkResources(TypeElement type, String interfaceName,
            List<Diagnostic> problems) {
        Map<String, ResourceModel> resources = new LinkedHashMap<>();
        Map<String, String> taken = new HashMap<>();
        for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
            Optional<AnnotationMirror> witResource = Annotations.find(member, WIT_RESOURCE);
            if (witResource.isEmpty()) {
                continue;
            }
            String name = displayName(member);
            if (member.getKind() != ElementKind.CLASS) {
                problems.add(Diagnostic.on(member, witResource.get(),
                        Messages.resourceShape(name, "is " + article(member.getKind()) + ", not a class")));
            } else if (!member.getModifiers().contains(Modifier.PUBLIC)) {
                problems.add(Diagnostic.on(member, Messages.resourceShape(name, "is not public")));
            } else if (member.getModifiers().contains(Modifier.ABSTRACT)) {
                problems.add(Diagnostic.on(member, Messages.resourceShape(name, "is abstract")));
            } else if (!member.getTypeParameters().isEmpty()) {
                problems.add(Diagnostic.on(member, Messages.resourceShape(name,
                        "has the type parameters <" + typeParameters(member.getTypeParameters()) + ">")));
            }
            Optional<AnnotationValue> value = Annotations.value(witResource.get(), VALUE);
            String witName = resourceName(member, witResource.get());
            try {
                Label.checkLabel(witName);
            } catch (InvalidNameException problem) {
                problems.add(value.isPresent()
                        ? Diagnostic.on(member, witResource.get(), value.get(),
                                Messages.invalidResourceName(name, problem))
                        : Diagnostic.on(member, witResource.get(), Messages.invalidResourceName(name, problem)));
                continue;
            }
            String first = taken.putIfAbsent(witName.toLowerCase(Locale.ROOT), name);
            if (first != null) {
                problems.add(Diagnostic.on(member, witResource.get(),
                        Messages.duplicateMemberName("resource class", name, witName, first)));
                continue;
            }
            resources.put(name, new ResourceModel(ClassName.get(member), new ResourceType(interfaceName, witName)));
        }
        return resources;
    }

    /**
     * The WIT name of a {@code @WitResource} class: its annotation's value, else its simple name in kebab-case. The
     * one rule, for the class's own interface and for every other interface that uses the resource.
     */
    static String resourceName(TypeElement resourceClass, AnnotationMirror witResource) {
        return Annotations.value(witResource, VALUE).flatMap(Annotations::string).filter(text -> !text.isEmpty())
                .orElseGet(() -> Label.fromJavaName(resourceClass.getSimpleName().toString()));
    }

    /**
     * The WIT resource of a {@code @WitResource} class nested in a {@code @WitInterface} class: owned by that
     * interface; empty when the class is not nested in one, or its names are not valid (its own interface reports
     * that).
     */
    static Optional<ResourceType> resourceOf(TypeElement resourceClass) {
        Optional<AnnotationMirror> witResource = Annotations.find(resourceClass, WIT_RESOURCE);
        Element enclosing = resourceClass.getEnclosingElement();
        if (witResource.isEmpty() || !(enclosing instanceof TypeElement)) {
            return Optional.empty();
        }
        // a resource interface that @WitBindgen generated names its WIT interface; a class has its enclosing one's
        Optional<String> owner = Annotations.value(witResource.get(), "interfaceName").flatMap(Annotations::string)
                .filter(name -> !name.isEmpty())
                .or(() -> Annotations.find(enclosing, WIT_INTERFACE)
                        .flatMap(annotation -> Annotations.value(annotation, VALUE)).flatMap(Annotations::string));
        String name = resourceName(resourceClass, witResource.get());
        if (owner.isEmpty() || !Label.isLabel(name)) {
            return Optional.empty();
        }
        try {
            InterfaceName.parse(owner.get());
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.of(new ResourceType(owner.get(), name));
    }

    private static String article(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case RECORD -> "a record";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "a " + kind.name().toLowerCase(Locale.ROOT);
        };
    }

    private static ResourceModel resourceNamed(Map<String, ResourceModel> resources, String witName) {
        return resources.values().stream().filter(resource -> resource.type().name().equals(witName)).findFirst()
                .orElse(null);
    }

    private List<FunctionModel> checkResourceFunctions(ResourceModel resource, Map<String, Taken> taken,
            TypeMapper mapper, List<Diagnostic> problems) {
        TypeElement type = elements.getTypeElement(resource.javaClass().canonicalName());
        List<FunctionModel> functions = new ArrayList<>();
        String resourceName = resource.type().name();
        ValueType own = new ValueType(resource.javaClass(), HandleType.own(resource.type()),
                new Shape.Handle(resource.javaClass()));
        ValueType borrow = new ValueType(resource.javaClass(), HandleType.borrow(resource.type()),
                new Shape.Handle(resource.javaClass()));
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .filter(constructor -> constructor.getModifiers().contains(Modifier.PUBLIC))
                .toList();
        if (constructors.size() > 1) {
            problems.add(Diagnostic.on(constructors.get(1), Messages.severalResourceConstructors(displayName(type))));
        } else if (constructors.size() == 1) {
            boolean inner = !type.getModifiers().contains(Modifier.STATIC);
            checkFunction(constructors.get(0), "[constructor]" + resourceName, type.getSimpleName().toString(),
                    new Invocation.Constructor(resource.javaClass(), inner), Optional.of(own), Optional.empty(),
                    taken, mapper, problems).ifPresent(functions::add);
        }
        TypeMirror autoCloseable = elements.getTypeElement("java.lang.AutoCloseable").asType();
        boolean closeable = types.isAssignable(type.asType(), autoCloseable);
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (!method.getModifiers().contains(Modifier.PUBLIC)) {
                checkIgnoredWitFunction(method, problems);
                continue;
            }
            boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
            String javaName = method.getSimpleName().toString();
            boolean isClose = closeable && !isStatic && javaName.equals("close") && method.getParameters().isEmpty();
            if (!isStatic && (isClose || overridesObjectMethod(type, method))
                    && Annotations.find(method, WIT_FUNCTION).isEmpty()) {
                continue;
            }
            Optional<String> label = checkFunctionName(method, javaName, problems);
            if (label.isEmpty()) {
                continue;
            }
            String witName = (isStatic ? "[static]" : "[method]") + resourceName + "." + label.get();
            checkFunction(method, witName, javaName,
                    isStatic ? new Invocation.Static(resource.javaClass()) : new Invocation.OnSelf(resource.javaClass()),
                    Optional.empty(), isStatic ? Optional.empty() : Optional.of(borrow), taken, mapper, problems)
                    .ifPresent(functions::add);
        }
        return functions;
    }

    // ---- methods ----------------------------------------------------------------------------------------------

    /** A function name already taken, and by which method. */
    private record Taken(String methodName, String witName, ExecutableElement method) {}

    /** {@code witName} as a plain name; empty when it is not one (which its own check reports). */
    private static Optional<PlainName> plainName(String witName) {
        try {
            return ExternName.parse(witName) instanceof PlainName plain ? Optional.of(plain) : Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    private List<FunctionModel> checkFunctions(TypeElement type, Map<String, ResourceModel> resources,
            Map<String, Taken> taken, TypeMapper mapper, List<Diagnostic> problems) {
        List<ExecutableElement> methods = ElementFilter.methodsIn(type.getEnclosedElements());
        List<ExecutableElement> candidates = new ArrayList<>();
        for (ExecutableElement method : methods) {
            if (isFunction(type, method)) {
                candidates.add(method);
            } else {
                checkIgnoredWitFunction(method, problems);
            }
        }
        if (candidates.isEmpty() && resources.isEmpty()) {
            problems.add(Diagnostic.on(type, Messages.noFunctions(displayName(type))));
        }
        List<FunctionModel> functions = new ArrayList<>();
        for (ExecutableElement method : candidates) {
            checkInterfaceFunction(method, resources, taken, mapper, problems).ifPresent(functions::add);
        }
        for (ResourceModel resource : resources.values()) {
            functions.addAll(checkResourceFunctions(resource, taken, mapper, problems));
        }
        return functions;
    }

    /**
     * Public instance methods the class declares become functions; Object overrides and record accessors exist for
     * Java's sake, so they become functions only when {@code @WitFunction} asks for it.
     */
    private boolean isFunction(TypeElement type, ExecutableElement method) {
        if (!method.getModifiers().contains(Modifier.PUBLIC) || method.getModifiers().contains(Modifier.STATIC)) {
            return false;
        }
        return Annotations.find(method, WIT_FUNCTION).isPresent()
                || !(overridesObjectMethod(type, method) || isRecordAccessor(type, method));
    }

    private boolean overridesObjectMethod(TypeElement type, ExecutableElement method) {
        TypeElement object = elements.getTypeElement("java.lang.Object");
        for (ExecutableElement objectMethod : ElementFilter.methodsIn(object.getEnclosedElements())) {
            if (elements.overrides(method, objectMethod, type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRecordAccessor(TypeElement type, ExecutableElement method) {
        for (RecordComponentElement component : ElementFilter.recordComponentsIn(type.getEnclosedElements())) {
            if (method.equals(component.getAccessor())) {
                return true;
            }
        }
        return false;
    }

    private static void checkIgnoredWitFunction(ExecutableElement method, List<Diagnostic> problems) {
        Optional<AnnotationMirror> witFunction = Annotations.find(method, WIT_FUNCTION);
        boolean isPublic = method.getModifiers().contains(Modifier.PUBLIC);
        boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
        if (witFunction.isPresent() && (!isPublic || isStatic)) {
            problems.add(Diagnostic.on(method, witFunction.get(),
                    Messages.witFunctionIgnored(method.getSimpleName().toString(), isPublic, isStatic)));
        }
    }

    /**
     * A method of the interface class: a function of the interface, or, when {@code @WitFunction} names one, a
     * function of one of its resources ({@code [constructor]r}, {@code [method]r.m}, {@code [static]r.m}).
     */
    private Optional<FunctionModel> checkInterfaceFunction(ExecutableElement method,
            Map<String, ResourceModel> resources, Map<String, Taken> taken, TypeMapper mapper,
            List<Diagnostic> problems) {
        String javaName = method.getSimpleName().toString();
        Optional<AnnotationMirror> witFunction = Annotations.find(method, WIT_FUNCTION);
        Named named = witFunction.isPresent()
                ? checkNamedFunction(method, javaName, witFunction.get(), resources, problems)
                : new Named(derivedFunctionName(method, javaName, problems), Optional.empty());
        // Without a name the rest is still checked, so that one compilation shows every problem.
        return checkFunction(method, named.witName().orElse(null), javaName, new Invocation.OnImplementation(),
                Optional.empty(), named.self(), taken, mapper, problems);
    }

    /** The checked name of a function, and the {@code self} of a {@code [method]r.m} it implements. */
    private record Named(Optional<String> witName, Optional<ValueType> self) {}

    private Named checkNamedFunction(ExecutableElement method, String javaName, AnnotationMirror witFunction,
            Map<String, ResourceModel> resources, List<Diagnostic> problems) {
        Named unnamed = new Named(Optional.empty(), Optional.empty());
        Optional<AnnotationValue> value = Annotations.value(witFunction, VALUE);
        Optional<String> name = value.flatMap(Annotations::string);
        if (name.isEmpty()) {
            return unnamed;
        }
        PlainName plainName;
        try {
            // A plain label is checked as one, so that its problem reads as before resource names existed.
            plainName = name.get().startsWith("[") ? PlainName.parse(name.get())
                    : PlainName.parse(Label.checkLabel(name.get()));
        } catch (InvalidNameException problem) {
            problems.add(Diagnostic.on(method, witFunction, value.get(),
                    Messages.invalidFunctionName(javaName, problem)));
            return unnamed;
        }
        if (plainName.kind() == PlainName.Kind.LABEL) {
            return new Named(name, Optional.empty());
        }
        if (plainName.kind() == PlainName.Kind.RESOURCE_DROP) {
            problems.add(Diagnostic.on(method, witFunction, value.get(),
                    Messages.resourceDropReserved(javaName, name.get())));
            return unnamed;
        }
        String resourceName = plainName.resource().orElseThrow();
        ResourceModel resource = resourceNamed(resources, resourceName);
        if (resource == null) {
            problems.add(Diagnostic.on(method, witFunction, value.get(), Messages.unknownResource(javaName,
                    name.get(), resourceName, resources.values().stream().map(known -> known.type().name()).toList())));
            return unnamed;
        }
        String resourceClass = resource.javaClass().canonicalName();
        if (plainName.kind() == PlainName.Kind.CONSTRUCTOR && !isClass(method.getReturnType(), resourceClass)) {
            problems.add(Diagnostic.on(method,
                    Messages.constructorMustReturnResource(javaName, name.get(), resourceClass)));
            return unnamed;
        }
        if (plainName.kind() != PlainName.Kind.METHOD) {
            return new Named(name, Optional.empty());
        }
        if (method.getParameters().isEmpty() || !isClass(method.getParameters().get(0).asType(), resourceClass)) {
            problems.add(Diagnostic.on(method, Messages.methodNeedsSelf(javaName, name.get(), resourceClass)));
            return unnamed;
        }
        return new Named(name, Optional.of(new ValueType(resource.javaClass(), HandleType.borrow(resource.type()),
                new Shape.Handle(resource.javaClass()))));
    }

    private static boolean isClass(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    /**
     * Checks one function: its name is unique, the method is not generic and throws no checked exception, and
     * every parameter and the result have WIT types.
     *
     * @param witName the full WIT name, already checked; {@code null} when it was invalid (reported)
     * @param fixedResult the result of a resource constructor, whose Java constructor returns nothing
     * @param self the implicit {@code self} parameter of a resource method; for a method of the interface class
     *     that implements {@code [method]r.m}, it replaces the first Java parameter
     */
    private Optional<FunctionModel> checkFunction(ExecutableElement method, String witName, String javaName,
            Invocation invocation, Optional<ValueType> fixedResult, Optional<ValueType> self,
            Map<String, Taken> taken, TypeMapper mapper, List<Diagnostic> problems) {
        int problemsBefore = problems.size();
        if (witName != null) {
            Optional<PlainName> plain = plainName(witName);
            if (plain.isPresent() && plain.get().resource().isPresent()
                    && plain.get().kind() != PlainName.Kind.CONSTRUCTOR
                    && plain.get().label().equalsIgnoreCase(plain.get().resource().get())) {
                problems.add(Diagnostic.on(method, Messages.functionNamedAsItsResource(javaName, witName,
                        plain.get().resource().get())));
            }
            // the Explainer's strong uniqueness, one rule with the component reader's: [method]r.m and
            // [static]r.M are one name, as are two names that differ only in case
            String key = plain.<String>map(ExternName::uniquenessKey).orElse(witName.toLowerCase(Locale.ROOT));
            Taken first = taken.putIfAbsent(key, new Taken(javaName, witName, method));
            if (first != null) {
                // an overload only when both are the same WIT name; a get() and a static get(...) of a resource
                // are [method]r.get and [static]r.get, one name by strong uniqueness, and the message says which
                boolean overload = first.methodName().equals(javaName) && method.getKind() == ElementKind.METHOD
                        && first.witName().equals(witName);
                problems.add(Diagnostic.on(method, overload
                        ? Messages.overloadedFunction(JavaSignatures.of(method), witName,
                                JavaSignatures.of(first.method()))
                        : Messages.duplicateFunctionName(javaName, witName, first.methodName(), first.witName())));
            }
        }
        if (!method.getTypeParameters().isEmpty()) {
            // The parameter and result types would mention the type variables: one error says it all.
            problems.add(Diagnostic.on(method,
                    Messages.genericMethod(javaName, typeParameters(method.getTypeParameters()))));
            return Optional.empty();
        }
        List<String> checked = checkedExceptions(method);
        if (!checked.isEmpty()) {
            problems.add(Diagnostic.on(method, Messages.checkedExceptions(javaName, checked)));
        }
        boolean selfReplacesFirst = self.isPresent() && invocation instanceof Invocation.OnImplementation;
        List<ParameterModel> parameters = checkParameters(method, javaName, self, selfReplacesFirst, mapper,
                problems);
        Optional<ValueType> result = fixedResult;
        if (fixedResult.isEmpty()) {
            TypeMapping mapping = mapper.map(method.getReturnType(),
                    new TypeMapper.Use(method, TypeMapper.UseKind.RESULT, javaName, javaName, false));
            result = mapping instanceof TypeMapping.Mapped mapped ? Optional.of(mapped.type()) : Optional.empty();
        }
        if (problems.size() != problemsBefore || witName == null) {
            return Optional.empty();
        }
        return Optional.of(new FunctionModel(witName, javaName, parameters, result, invocation));
    }

    /** The WIT label of a function, from {@code @WitFunction} (which must be a label here) or the method name. */
    private static Optional<String> checkFunctionName(ExecutableElement method, String javaName,
            List<Diagnostic> problems) {
        Optional<AnnotationMirror> witFunction = Annotations.find(method, WIT_FUNCTION);
        if (witFunction.isPresent()) {
            Optional<AnnotationValue> value = Annotations.value(witFunction.get(), VALUE);
            Optional<String> name = value.flatMap(Annotations::string);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Label.checkLabel(name.get()));
            } catch (InvalidNameException problem) {
                problems.add(Diagnostic.on(method, witFunction.get(), value.get(),
                        Messages.invalidFunctionName(javaName, problem)));
                return Optional.empty();
            }
        }
        return derivedFunctionName(method, javaName, problems);
    }

    private static Optional<String> derivedFunctionName(ExecutableElement method, String javaName,
            List<Diagnostic> problems) {
        try {
            return Optional.of(Label.checkLabel(Label.fromJavaName(javaName)));
        } catch (InvalidNameException problem) {
            problems.add(Diagnostic.on(method, Messages.invalidDerivedFunctionName(javaName, problem)));
            return Optional.empty();
        }
    }

    private List<String> checkedExceptions(ExecutableElement method) {
        TypeMirror runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
        TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
        List<String> checked = new ArrayList<>();
        for (TypeMirror thrown : method.getThrownTypes()) {
            if (!types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error)) {
                checked.add(JavaTypes.display(thrown));
            }
        }
        return checked;
    }

    private static List<ParameterModel> checkParameters(ExecutableElement method, String methodName,
            Optional<ValueType> self, boolean selfReplacesFirst, TypeMapper mapper, List<Diagnostic> problems) {
        Map<String, String> javaNameByWitName = new HashMap<>();
        List<ParameterModel> parameters = new ArrayList<>();
        List<? extends VariableElement> javaParameters = method.getParameters();
        if (self.isPresent()) {
            String javaName = selfReplacesFirst ? javaParameters.get(0).getSimpleName().toString() : SELF;
            javaNameByWitName.put(SELF, javaName);
            parameters.add(new ParameterModel(javaName, SELF, self.get()));
            if (selfReplacesFirst) {
                javaParameters = javaParameters.subList(1, javaParameters.size());
            }
        }
        for (VariableElement parameter : javaParameters) {
            String javaName = parameter.getSimpleName().toString();
            Optional<String> witName = checkParameterName(parameter, javaName, methodName, problems);
            witName.ifPresent(name -> {
                String first = javaNameByWitName.putIfAbsent(name, javaName);
                if (first != null) {
                    problems.add(Diagnostic.on(parameter,
                            Messages.duplicateParameterName(javaName, methodName, name, first)));
                }
            });
            TypeMapping mapping = mapper.map(parameter.asType(),
                    new TypeMapper.Use(parameter, TypeMapper.UseKind.PARAMETER, javaName, methodName, true));
            if (witName.isPresent() && mapping instanceof TypeMapping.Mapped mapped) {
                parameters.add(new ParameterModel(javaName, witName.get(), mapped.type()));
            }
        }
        return parameters;
    }

    private static Optional<String> checkParameterName(VariableElement parameter, String javaName, String methodName,
            List<Diagnostic> problems) {
        try {
            return Optional.of(Label.checkLabel(Label.fromJavaName(javaName)));
        } catch (InvalidNameException problem) {
            problems.add(Diagnostic.on(parameter, Messages.invalidParameterName(javaName, methodName, problem)));
            return Optional.empty();
        }
    }

    // ---- names in messages ------------------------------------------------------------------------------------

    private static String displayName(TypeElement type) {
        return type.getQualifiedName().toString();
    }

    private static String typeParameters(List<? extends TypeParameterElement> parameters) {
        return parameters.stream().map(parameter -> parameter.getSimpleName().toString())
                .collect(Collectors.joining(", "));
    }
}
