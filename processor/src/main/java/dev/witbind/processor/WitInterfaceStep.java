package dev.witbind.processor;

import com.palantir.javapoet.JavaFile;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.witbind.processor.diagnostics.Diagnostic;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.generation.BindingsGenerator;
import dev.witbind.processor.generation.ServiceIndex;
import dev.witbind.processor.model.InterfaceModel;
import dev.witbind.processor.validation.InterfaceValidator;
import dev.witbind.processor.validation.ValidationResult;
import dev.witbind.processor.validation.WitSources;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.tools.Diagnostic.Kind;

/**
 * The work for one {@code @WitInterface} element: validate, build the model, generate the bindings. It remembers
 * the bindings it wrote so that the service index can list them once processing is over.
 */
final class WitInterfaceStep {
    private final InterfaceValidator validator;
    private final BindingsGenerator generator;
    private final Filer filer;
    private final Messager messager;
    private final SortedSet<String> bindingsClassNames = new TreeSet<>();
    private final List<Element> bindingsOrigins = new ArrayList<>();

    WitInterfaceStep(ProcessingEnvironment environment, String processorName) {
        Function<Element, Optional<Path>> files = sourceFiles(environment);
        WitSources witSources = new WitSources(witOption(environment), files::apply);
        this.validator = new InterfaceValidator(environment.getElementUtils(), environment.getTypeUtils(),
                witSources);
        this.generator = new BindingsGenerator(processorName);
        this.filer = environment.getFiler();
        this.messager = environment.getMessager();
    }

    /** Reports the element's problems, or writes its bindings. */
    void process(Element element) {
        ValidationResult result = validator.validate(element);
        if (result instanceof ValidationResult.Invalid invalid) {
            invalid.diagnostics().forEach(diagnostic -> diagnostic.printTo(messager));
            return;
        }
        ((ValidationResult.Valid) result).notes().forEach(note -> note.printTo(messager));
        InterfaceModel model = ((ValidationResult.Valid) result).model();
        JavaFile bindings = generator.generate(model, List.of(element));
        try {
            bindings.writeTo(filer);
        } catch (IOException e) {
            Diagnostic.on(element, Messages.couldNotWrite(model.bindingsName().canonicalName(), e.getMessage()))
                    .printTo(messager);
            return;
        }
        bindingsClassNames.add(model.bindingsName().reflectionName());
        bindingsOrigins.add(element);
    }

    /** The value of {@code -Awitbind.wit}: empty when absent, {@code ""} when given without a value. */
    static Optional<String> witOption(ProcessingEnvironment environment) {
        return Optional.ofNullable(environment.getOptions().get(Messages.WIT_OPTION))
                .or(() -> environment.getOptions().containsKey(Messages.WIT_OPTION) ? Optional.of("") : Optional.empty());
    }

    /**
     * The types a class refers to that do not exist (yet), by the name the source wrote: in its supertypes and in
     * the signatures of its members and nested classes. A {@code @WitBindgen} generates such types in the first
     * round, so a class with missing types waits for the next round instead of being reported now.
     */
    static List<String> missingTypes(TypeElement type) {
        Set<String> missing = new LinkedHashSet<>();
        collectMissing(type, missing);
        return List.copyOf(missing);
    }

    private static void collectMissing(TypeElement type, Set<String> missing) {
        collectMissing(type.getSuperclass(), missing);
        type.getInterfaces().forEach(supertype -> collectMissing(supertype, missing));
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof ExecutableElement executable) {
                collectMissing(executable.getReturnType(), missing);
                executable.getParameters().forEach(parameter -> collectMissing(parameter.asType(), missing));
                executable.getThrownTypes().forEach(thrown -> collectMissing(thrown, missing));
            } else if (member instanceof TypeElement nested) {
                collectMissing(nested, missing);
            } else if (member.getKind() == ElementKind.RECORD_COMPONENT) {
                collectMissing(member.asType(), missing);
            }
        }
    }

    private static void collectMissing(TypeMirror type, Set<String> missing) {
        switch (type.getKind()) {
            case ERROR -> missing.add(type.toString());
            case DECLARED -> ((DeclaredType) type).getTypeArguments().forEach(a -> collectMissing(a, missing));
            case ARRAY -> collectMissing(((ArrayType) type).getComponentType(), missing);
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    collectMissing(wildcard.getExtendsBound(), missing);
                }
                if (wildcard.getSuperBound() != null) {
                    collectMissing(wildcard.getSuperBound(), missing);
                }
            }
            default -> {
                // Primitives, void, type variables, none: nothing that could be missing.
            }
        }
    }

    /**
     * The source file of an element, where javac has one on disk: the default convention looks for the WIT beside
     * it. Compilers other than javac (and sources that are not files) simply get no convention.
     */
    static Function<Element, Optional<Path>> sourceFiles(ProcessingEnvironment environment) {
        Trees trees;
        try {
            trees = Trees.instance(environment);
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return type -> Optional.empty();
        }
        return type -> {
            TreePath path = trees.getPath(type);
            if (path == null) {
                return Optional.empty();
            }
            URI uri = path.getCompilationUnit().getSourceFile().toUri();
            if (!"file".equals(uri.getScheme())) {
                return Optional.empty();
            }
            try {
                return Optional.of(Path.of(uri));
            } catch (IllegalArgumentException | FileSystemNotFoundException notAPath) {
                return Optional.empty();
            }
        };
    }

    /** Writes the service index, once, after the last round. */
    void finish() {
        if (bindingsClassNames.isEmpty()) {
            // Leave an index from an earlier build alone: this compilation has nothing to add to it.
            return;
        }
        try {
            ServiceIndex.write(filer, bindingsClassNames, bindingsOrigins);
        } catch (IOException e) {
            messager.printMessage(Kind.ERROR, Messages.couldNotWrite(ServiceIndex.PATH, e.getMessage()));
        }
    }
}
