package dev.witbind.processor;

import com.google.auto.service.AutoService;
import dev.witbind.annotations.WitBindgen;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.annotations.WitTuple;
import dev.witbind.processor.bindgen.BindgenStep;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.validation.InterfaceValidator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * The javac entry point: hands every {@code @WitBindgen} element to {@link BindgenStep} and every
 * {@code @WitInterface} element to {@link WitInterfaceStep}, reports {@code @WitResource} classes that no
 * {@code @WitInterface} class encloses, and writes the service index after the last round.
 *
 * <p>Both annotations are one processor's, so that their order within a round is fixed: bindings from WIT are
 * written first, from the annotation's values and the WIT alone, and a {@code @WitInterface} class that refers to
 * types that do not exist yet (such as a generated host interface) waits for the next round, when they do; only
 * if they still do not exist when processing is over is that an error. It never claims the annotation, so other processors still see it, and it
 * turns its own exceptions into an error on the element instead of crashing the compiler.
 */
@AutoService(Processor.class)
public final class WitInterfaceProcessor extends AbstractProcessor {
    private WitInterfaceStep step;
    private BindgenStep bindgen;
    /** {@code @WitInterface} classes waiting for types that a later round may generate, by qualified name. */
    private final Set<String> deferred = new LinkedHashSet<>();

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        step = new WitInterfaceStep(processingEnv, getClass().getName());
        bindgen = new BindgenStep(processingEnv.getElementUtils(), processingEnv.getFiler(),
                processingEnv.getMessager(), WitInterfaceStep.witOption(processingEnv),
                WitInterfaceStep.sourceFiles(processingEnv), getClass().getName());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(WitInterface.class.getCanonicalName(), WitResource.class.getCanonicalName(),
                WitBindgen.class.getCanonicalName(), WitTuple.class.getCanonicalName());
    }

    /** {@code -Awitbind.wit=<dir>[<path separator><dir>...]}: the WIT to verify against (see the README). */
    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(Messages.WIT_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        for (TypeElement annotation : annotations) {
            if (annotation.getQualifiedName().contentEquals(WitBindgen.class.getCanonicalName())) {
                roundEnv.getElementsAnnotatedWith(annotation).forEach(this::generateSafely);
            }
        }
        List<String> waiting = List.copyOf(deferred);
        deferred.clear();
        for (String name : waiting) {
            // Elements do not outlive their round: look the class up again.
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                processOrDefer(type, roundEnv.processingOver());
            }
        }
        for (TypeElement annotation : annotations) {
            if (annotation.getQualifiedName().contentEquals(WitBindgen.class.getCanonicalName())) {
                continue;
            }
            if (annotation.getQualifiedName().contentEquals(WitTuple.class.getCanonicalName())) {
                // Tuple records are mapped where they are used; here only that they are records.
                roundEnv.getElementsAnnotatedWith(annotation).forEach(element -> InterfaceValidator
                        .checkTuplePlacement(element).ifPresent(problem -> problem.printTo(processingEnv.getMessager())));
                continue;
            }
            boolean isResource = annotation.getQualifiedName().contentEquals(WitResource.class.getCanonicalName());
            for (Element element : roundEnv.getElementsAnnotatedWith(annotation)) {
                if (isResource) {
                    // Resources are checked with their @WitInterface class; here only where they are.
                    InterfaceValidator.checkResourcePlacement(element)
                            .ifPresent(problem -> problem.printTo(processingEnv.getMessager()));
                } else {
                    processOrDefer(element, roundEnv.processingOver());
                }
            }
        }
        if (roundEnv.processingOver()) {
            finishSafely();
        }
        return false;
    }

    /** Processes the class now, or, while types it uses are missing and rounds remain, in a later round. */
    private void processOrDefer(Element element, boolean lastRound) {
        if (element instanceof TypeElement type) {
            List<String> missing = WitInterfaceStep.missingTypes(type);
            if (!missing.isEmpty()) {
                if (lastRound) {
                    processingEnv.getMessager().printMessage(Kind.ERROR,
                            Messages.unresolvedTypes(type.getQualifiedName().toString(), missing), type);
                } else {
                    deferred.add(type.getQualifiedName().toString());
                }
                return;
            }
        }
        processSafely(element);
    }

    private void generateSafely(Element element) {
        try {
            bindgen.process(element);
        } catch (RuntimeException bug) {
            processingEnv.getMessager().printMessage(Kind.ERROR,
                    Messages.internalError(getClass().getName(), "'" + describe(element) + "'", bug), element);
        }
    }

    private void processSafely(Element element) {
        try {
            step.process(element);
        } catch (RuntimeException bug) {
            processingEnv.getMessager().printMessage(Kind.ERROR,
                    Messages.internalError(getClass().getName(), "'" + describe(element) + "'", bug), element);
        }
    }

    private void finishSafely() {
        try {
            step.finish();
        } catch (RuntimeException bug) {
            processingEnv.getMessager().printMessage(Kind.ERROR,
                    Messages.internalError(getClass().getName(), "the service index", bug));
        }
    }

    private static String describe(Element element) {
        return element instanceof TypeElement type ? type.getQualifiedName().toString() : element.toString();
    }
}
