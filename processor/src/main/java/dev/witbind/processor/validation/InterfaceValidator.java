package dev.witbind.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitFunction;
import dev.witbind.annotations.WitInterface;
import dev.witbind.processor.diagnostics.Diagnostic;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.model.FunctionModel;
import dev.witbind.processor.model.InterfaceModel;
import dev.witbind.processor.model.ParameterModel;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.names.ExternName;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.Label;
import dev.witbind.wit.names.PlainName;
import java.util.ArrayList;
import java.util.HashMap;
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
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one {@code @WitInterface} element and turns it into an {@link InterfaceModel}, or into every problem it
 * has. Each problem is reported once, on the most precise place; checking goes on after a problem so that one
 * compilation shows them all.
 */
public final class InterfaceValidator {
    private static final String WIT_INTERFACE = WitInterface.class.getCanonicalName();
    private static final String WIT_FUNCTION = WitFunction.class.getCanonicalName();
    private static final String UNSIGNED = Unsigned.class.getCanonicalName();
    private static final String WIT_CHAR = WitChar.class.getCanonicalName();
    private static final String VALUE = "value";

    private final Elements elements;
    private final Types types;

    public InterfaceValidator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
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
        List<FunctionModel> functions = checkFunctions(type, problems);
        if (!problems.isEmpty() || interfaceName.isEmpty()) {
            return new ValidationResult.Invalid(problems);
        }
        return new ValidationResult.Valid(new InterfaceModel(ClassName.get(type), interfaceName.get(), functions));
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

    // ---- methods ----------------------------------------------------------------------------------------------

    /** A function name already taken, and by which method. */
    private record Taken(String methodName, String witName) {}

    private List<FunctionModel> checkFunctions(TypeElement type, List<Diagnostic> problems) {
        List<ExecutableElement> methods = ElementFilter.methodsIn(type.getEnclosedElements());
        List<ExecutableElement> candidates = new ArrayList<>();
        for (ExecutableElement method : methods) {
            if (isFunction(type, method)) {
                candidates.add(method);
            } else {
                checkIgnoredWitFunction(method, problems);
            }
        }
        if (candidates.isEmpty()) {
            problems.add(Diagnostic.on(type, Messages.noFunctions(displayName(type))));
        }
        // The Component Model requires names to be unique ignoring case ("strongly-unique").
        Map<String, Taken> taken = new HashMap<>();
        List<FunctionModel> functions = new ArrayList<>();
        for (ExecutableElement method : candidates) {
            checkFunction(method, taken, problems).ifPresent(functions::add);
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

    private Optional<FunctionModel> checkFunction(ExecutableElement method, Map<String, Taken> taken,
            List<Diagnostic> problems) {
        int problemsBefore = problems.size();
        String javaName = method.getSimpleName().toString();
        Optional<String> witName = checkFunctionName(method, javaName, problems);
        witName.ifPresent(name -> {
            Taken first = taken.putIfAbsent(name.toLowerCase(Locale.ROOT), new Taken(javaName, name));
            if (first != null) {
                problems.add(Diagnostic.on(method,
                        Messages.duplicateFunctionName(javaName, name, first.methodName(), first.witName())));
            }
        });
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
        List<ParameterModel> parameters = checkParameters(method, javaName, problems);
        TypeMapping result = mapType(method, method.getReturnType(), javaName, Optional.empty(), problems);
        if (problems.size() != problemsBefore || witName.isEmpty()) {
            return Optional.empty();
        }
        Optional<ValueType> resultType = result instanceof TypeMapping.Mapped mapped
                ? Optional.of(mapped.type())
                : Optional.empty();
        return Optional.of(new FunctionModel(witName.get(), javaName, parameters, resultType));
    }

    /** The WIT name, when it is valid; empty when it is not (reported) or javac reports a broken annotation. */
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
            List<Diagnostic> problems) {
        Map<String, String> javaNameByWitName = new HashMap<>();
        List<ParameterModel> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            String javaName = parameter.getSimpleName().toString();
            Optional<String> witName = checkParameterName(parameter, javaName, methodName, problems);
            witName.ifPresent(name -> {
                String first = javaNameByWitName.putIfAbsent(name, javaName);
                if (first != null) {
                    problems.add(Diagnostic.on(parameter,
                            Messages.duplicateParameterName(javaName, methodName, name, first)));
                }
            });
            TypeMapping mapping = mapType(parameter, parameter.asType(), methodName, Optional.of(javaName), problems);
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

    /**
     * Maps the type of a parameter ({@code parameterName} present) or the result of a method, reporting what is
     * wrong on the element, or on the {@code @Unsigned}/{@code @WitChar} annotation that does not fit.
     */
    private static TypeMapping mapType(Element element, TypeMirror type, String methodName,
            Optional<String> parameterName, List<Diagnostic> problems) {
        Optional<AnnotationMirror> unsigned = Annotations.find(element, UNSIGNED);
        Optional<AnnotationMirror> witChar = Annotations.find(element, WIT_CHAR);
        TypeMapping mapping = JavaTypes.map(type, unsigned.isPresent(), witChar.isPresent());
        String what = parameterName.map(name -> Messages.parameter(name, methodName))
                .orElseGet(() -> Messages.result(methodName));
        String javaType = JavaTypes.display(type);
        if (mapping instanceof TypeMapping.NoWitType noWitType) {
            problems.add(Diagnostic.on(element, parameterName
                    .map(name -> Messages.unsupportedParameterType(name, methodName, javaType, noWitType.fix()))
                    .orElseGet(() -> Messages.unsupportedReturnType(methodName, javaType, noWitType.fix()))));
        } else if (mapping instanceof TypeMapping.UnsignedNotIntegral) {
            problems.add(Diagnostic.on(element, unsigned.orElseThrow(), Messages.unsignedNotIntegral(what, javaType)));
        } else if (mapping instanceof TypeMapping.WitCharNotInt) {
            problems.add(Diagnostic.on(element, witChar.orElseThrow(), Messages.witCharNotInt(what, javaType)));
        } else if (mapping instanceof TypeMapping.UnsignedAndWitChar) {
            problems.add(Diagnostic.on(element, Messages.unsignedAndWitChar(what)));
        }
        return mapping;
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
