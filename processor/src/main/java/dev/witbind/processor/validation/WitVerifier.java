package dev.witbind.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.witbind.annotations.WitResource;
import dev.witbind.processor.diagnostics.Diagnostic;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.model.FunctionModel;
import dev.witbind.processor.model.InterfaceModel;
import dev.witbind.processor.model.Invocation;
import dev.witbind.processor.model.ParameterModel;
import dev.witbind.processor.model.ResourceModel;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.PlainName;
import dev.witbind.wit.names.Version;
import dev.witbind.wit.parser.model.Gates;
import dev.witbind.wit.parser.model.WitFunctionDef;
import dev.witbind.wit.parser.model.WitInterfaceDef;
import dev.witbind.wit.parser.model.WitTypeDef;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Checks a valid {@code @WitInterface} class against the WIT of its interface, and rebuilds its model with the WIT's
 * types: the annotation names the WIT package's version; every function the interface has at that version (by its
 * {@code @since} gate; {@code @unstable} ones may be left out) is implemented, and no public method is a function the
 * interface lacks; each parameter and result is carried by its Java type ({@link Carriers}); the same for resources
 * and their functions. Each problem is one error on the method or annotation, with both signatures.
 */
final class WitVerifier {
    private static final String WIT_RESOURCE = WitResource.class.getCanonicalName();
    private static final String SELF = "self";

    /**
     * Where the parts of the class are, for diagnostics.
     *
     * @param type the annotated class
     * @param witInterface its {@code @WitInterface} annotation
     * @param name the annotation's value
     * @param methods the method or constructor of each function, by WIT name
     * @param resourceClasses the {@code @WitResource} classes by WIT resource name
     */
    record Origins(TypeElement type, AnnotationMirror witInterface, AnnotationValue name,
            Map<String, ExecutableElement> methods, Map<String, TypeElement> resourceClasses) {
        Origins {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(witInterface, "witInterface");
            Objects.requireNonNull(name, "name");
            methods = Map.copyOf(methods);
            resourceClasses = Map.copyOf(resourceClasses);
        }
    }

    private final InterfaceModel model;
    private final Origins origins;
    private final List<Diagnostic> problems = new ArrayList<>();
    private WitInterfaceDef iface;
    private Optional<Version> version;
    private Carriers carriers;

    private WitVerifier(InterfaceModel model, Origins origins) {
        this.model = model;
        this.origins = origins;
    }

    /** The model with the WIT's types, or every way the class differs from the WIT. */
    static ValidationResult verify(InterfaceModel model, Origins origins, WitSources.Lookup.Found wit) {
        return new WitVerifier(model, origins).verify(wit);
    }

    private ValidationResult verify(WitSources.Lookup.Found wit) {
        InterfaceName annotated = InterfaceName.parse(model.interfaceName());
        Optional<WitSources.Candidate> exact = wit.candidates().stream()
                .filter(candidate -> candidate.pkg().name().version().equals(annotated.version()))
                .findFirst();
        if (exact.isEmpty() && annotated.version().isEmpty() && annotated.canonicalVersion().isPresent()) {
            // A canonical name (example:greeter/host@0.2) stands for every version on the track it names: the class
            // is checked against the highest of them that the WIT has, as the linker would resolve it.
            exact = wit.candidates().stream()
                    .filter(candidate -> candidate.pkg().interfaceName(candidate.iface().label()).compatibilityTrack()
                            .equals(Optional.of(annotated.toString())))
                    .reduce((lower, higher) -> higher); // candidates are sorted by version
        }
        if (exact.isEmpty()) {
            reportVersion(annotated, wit);
            return new ValidationResult.Invalid(problems);
        }
        iface = exact.get().iface();
        version = exact.get().pkg().name().version();
        Map<String, ClassName> resourceClasses = new LinkedHashMap<>();
        model.resources().forEach(resource -> resourceClasses.put(resource.type().name(), resource.javaClass()));
        carriers = new Carriers(iface.id(), resourceClasses);

        checkResources();
        checkMissingFunctions();
        List<FunctionModel> functions = new ArrayList<>();
        for (FunctionModel function : model.functions()) {
            checkFunction(function).ifPresent(functions::add);
        }
        if (!problems.isEmpty()) {
            return new ValidationResult.Invalid(problems);
        }
        return new ValidationResult.Valid(new InterfaceModel(model.implementation(), model.interfaceName(), functions,
                model.resources(), sinceOf(functions)));
    }

    /** The {@code @since} version of each function: its own gate, else its resource's (WIT inherits it). */
    private SortedMap<String, Version> sinceOf(List<FunctionModel> functions) {
        SortedMap<String, Version> since = new TreeMap<>();
        for (FunctionModel function : functions) {
            iface.function(function.witName())
                    .flatMap(def -> def.gates().since()
                            .or(() -> def.resource().flatMap(iface::type).flatMap(type -> type.gates().since())))
                    .ifPresent(version -> since.put(function.witName(), version));
        }
        return since;
    }

    private void reportVersion(InterfaceName annotated, WitSources.Lookup.Found wit) {
        List<String> witNames = wit.candidates().stream()
                .map(candidate -> candidate.pkg().interfaceName(candidate.iface().label()).toString())
                .toList();
        boolean witVersioned = wit.candidates().stream().anyMatch(c -> c.pkg().name().version().isPresent());
        String message = annotated.version().isPresent() == witVersioned || witNames.size() > 1
                ? Messages.versionMismatch(model.interfaceName(), witNames, wit.where())
                : Messages.unversionedMismatch(model.interfaceName(), witNames.get(0), wit.where());
        problems.add(Diagnostic.on(origins.type(), origins.witInterface(), origins.name(), message));
    }

    // ---- resources --------------------------------------------------------------------------------------------

    private void checkResources() {
        List<String> witResources = iface.resources().stream().map(ResourceType::name).toList();
        for (String resource : witResources) {
            if (!origins.resourceClasses().containsKey(resource) && exists(iface.types().get(resource).gates())) {
                List<String> signatures = iface.functionsOf(resource).stream().map(WitFunctionDef::toString).toList();
                problems.add(Diagnostic.on(origins.type(), origins.witInterface(), Messages.missingResource(
                        displayName(origins.type()), resource, model.interfaceName(), signatures)));
            }
        }
        for (ResourceModel resource : model.resources()) {
            String name = resource.type().name();
            if (!witResources.contains(name)) {
                TypeElement resourceClass = origins.resourceClasses().get(name);
                problems.add(onResource(resourceClass, Messages.extraResource(displayName(resourceClass), name,
                        model.interfaceName(), witResources)));
            }
        }
    }

    private Diagnostic onResource(TypeElement resourceClass, String message) {
        Optional<AnnotationMirror> witResource = Annotations.find(resourceClass, WIT_RESOURCE);
        return witResource.isPresent() ? Diagnostic.on(resourceClass, witResource.get(), message)
                : Diagnostic.on(resourceClass, message);
    }

    /** Whether an item exists at the package's version: since then or earlier, and not behind a feature gate. */
    private boolean exists(Gates gates) {
        if (gates.isUnstable()) {
            return false;
        }
        return gates.since().map(since -> version.isPresent() && since.compareTo(version.get()) <= 0).orElse(true);
    }

    // ---- functions --------------------------------------------------------------------------------------------

    private void checkMissingFunctions() {
        for (WitFunctionDef function : iface.functions().values()) {
            if (origins.methods().containsKey(function.externName()) || !required(function)) {
                continue;
            }
            Optional<String> resource = function.resource();
            if (resource.isPresent() && !origins.resourceClasses().containsKey(resource.get())) {
                continue; // The missing resource is the error.
            }
            Optional<String> unsupported = Messages.unsupportedPart(function);
            if (unsupported.isPresent()) {
                problems.add(Diagnostic.on(origins.type(), origins.witInterface(), Messages.unsupportedWitFunction(
                        displayName(origins.type()), function.externName(), model.interfaceName(),
                        function.toString(), unsupported.get())));
                continue;
            }
            PlainName name = function.name();
            if (resource.isEmpty()) {
                String suggestion = "'" + declaration(name.kind(), Carriers.camel(name.label()), function, false)
                        + "'";
                problems.add(Diagnostic.on(origins.type(), origins.witInterface(), Messages.missingFunction(
                        displayName(origins.type()), function.externName(), model.interfaceName(),
                        function.toString(), suggestion, "'" + displayName(origins.type()) + "'")));
            } else {
                TypeElement resourceClass = origins.resourceClasses().get(resource.get());
                String suggestion = "'" + declaration(name.kind(), Carriers.camel(name.label()), function, false)
                        + "'";
                problems.add(onResource(resourceClass, Messages.missingFunction(displayName(origins.type()),
                        function.externName(), model.interfaceName(), function.toString(), suggestion,
                        "@WitResource class '" + displayName(resourceClass) + "'")));
            }
        }
    }

    private boolean required(WitFunctionDef function) {
        Optional<WitTypeDef> resource = function.resource().flatMap(iface::type);
        return exists(function.gates()) && resource.map(def -> exists(def.gates())).orElse(true);
    }

    private Optional<FunctionModel> checkFunction(FunctionModel function) {
        ExecutableElement method = origins.methods().get(function.witName());
        Optional<WitFunctionDef> witFunction = iface.function(function.witName());
        String what = what(method);
        if (witFunction.isEmpty()) {
            Optional<String> resource = PlainName.parse(function.witName()).resource();
            if (resource.isPresent() && iface.resources().stream().noneMatch(r -> r.name().equals(resource.get()))) {
                return Optional.empty(); // The resource the interface lacks is the error.
            }
            List<String> names = iface.functions().keySet().stream().toList();
            problems.add(Diagnostic.on(method, Messages.extraFunction(what, function.witName(),
                    model.interfaceName(), JavaSignatures.of(method), names)));
            return Optional.empty();
        }
        WitFunctionDef wit = witFunction.get();
        Optional<String> unsupported = Messages.unsupportedPart(wit);
        if (unsupported.isPresent()) {
            problems.add(Diagnostic.on(method, Messages.unsupportedWitFunction(displayName(origins.type()),
                    wit.externName(), model.interfaceName(), wit.toString(), unsupported.get())));
            return Optional.empty();
        }
        List<String> mismatches = new ArrayList<>();
        List<WitParam> witParams = wit.type().params();
        List<ParameterModel> parameters = new ArrayList<>();
        if (witParams.size() != function.parameters().size()) {
            mismatches.add(Messages.parameterCount(witParams.stream().map(WitParam::name).toList(),
                    function.parameters().stream().map(ParameterModel::javaName).toList()));
        } else {
            for (int i = 0; i < witParams.size(); i++) {
                ParameterModel parameter = function.parameters().get(i);
                WitParam witParam = witParams.get(i);
                String where = "parameter '" + witParam.name() + "'" + (Carriers.camel(witParam.name())
                        .equals(parameter.javaName()) ? "" : " (Java '" + parameter.javaName() + "')");
                carriers.retype(parameter.type(), witParam.type(), where, mismatches).ifPresent(type ->
                        parameters.add(new ParameterModel(parameter.javaName(), witParam.name(), type)));
            }
        }
        Optional<ValueType> result = Optional.empty();
        Optional<WitType> witResult = wit.type().result();
        if (witResult.isPresent() != function.result().isPresent()) {
            mismatches.add(Messages.resultPresence(witResult.map(Carriers::describe).orElse(null),
                    function.result().map(Carriers::display).orElse(null)));
        } else if (witResult.isPresent()) {
            result = carriers.retype(function.result().get(), witResult.get(), "the result", mismatches);
        }
        if (!mismatches.isEmpty()) {
            String suggestion = "'" + declaration(wit.kind(), javaName(method), wit,
                    function.invocation() instanceof Invocation.OnImplementation) + "'";
            problems.add(Diagnostic.on(method, Messages.signatureMismatch(what, wit.externName(),
                    model.interfaceName(), wit.toString(), JavaSignatures.of(method), mismatches, suggestion)));
            return Optional.empty();
        }
        return Optional.of(new FunctionModel(function.witName(), function.javaName(), parameters, result,
                function.invocation()));
    }

    /**
     * The Java declaration that implements a WIT function, for a fix: a constructor or (static) method of the
     * resource class, or, {@code onInterfaceClass}, a method of the interface class that takes {@code self} first.
     */
    private String declaration(PlainName.Kind kind, String javaName, WitFunctionDef function, boolean onInterfaceClass) {
        List<String> parameters = new ArrayList<>();
        for (WitParam param : function.type().params()) {
            boolean self = param.name().equals(SELF) && function.kind() == PlainName.Kind.METHOD;
            if (self && !onInterfaceClass) {
                continue;
            }
            String type = carriers.carrier(param.type(), false);
            parameters.add((self ? type.replace("@Borrow ", "") : type) + " " + Carriers.camel(param.name()));
        }
        String list = parameters.stream().collect(Collectors.joining(", ", "(", ")"));
        if (kind == PlainName.Kind.CONSTRUCTOR && !onInterfaceClass) {
            return "public " + function.resource().map(this::resourceClassName).orElse(javaName) + list;
        }
        String result = function.type().result().map(type -> carriers.carrier(type, false)).orElse("void");
        boolean isStatic = kind == PlainName.Kind.STATIC && !onInterfaceClass;
        return "public " + (isStatic ? "static " : "") + result + " " + javaName + list;
    }

    private String resourceClassName(String resource) {
        TypeElement resourceClass = origins.resourceClasses().get(resource);
        return resourceClass == null ? Carriers.upperCamel(resource) : resourceClass.getSimpleName().toString();
    }

    private static String what(ExecutableElement method) {
        return method.getKind() == ElementKind.CONSTRUCTOR
                ? "constructor '" + method.getEnclosingElement().getSimpleName() + "'"
                : "method '" + method.getSimpleName() + "'";
    }

    private static String javaName(ExecutableElement method) {
        return method.getKind() == ElementKind.CONSTRUCTOR
                ? method.getEnclosingElement().getSimpleName().toString()
                : method.getSimpleName().toString();
    }

    private static String displayName(TypeElement type) {
        return type.getQualifiedName().toString();
    }
}
