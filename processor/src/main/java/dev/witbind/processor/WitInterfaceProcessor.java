package dev.witbind.processor;

import com.google.auto.service.AutoService;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.validation.InterfaceValidator;
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
 * The javac entry point: hands every {@code @WitInterface} element to {@link WitInterfaceStep}, reports
 * {@code @WitResource} classes that no {@code @WitInterface} class encloses, and writes the service index after the
 * last round. It never claims the annotation, so other processors still see it, and it
 * turns its own exceptions into an error on the element instead of crashing the compiler.
 */
@AutoService(Processor.class)
public final class WitInterfaceProcessor extends AbstractProcessor {
    private WitInterfaceStep step;

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        step = new WitInterfaceStep(processingEnv, getClass().getName());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(WitInterface.class.getCanonicalName(), WitResource.class.getCanonicalName());
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
            boolean isResource = annotation.getQualifiedName().contentEquals(WitResource.class.getCanonicalName());
            for (Element element : roundEnv.getElementsAnnotatedWith(annotation)) {
                if (isResource) {
                    // Resources are checked with their @WitInterface class; here only where they are.
                    InterfaceValidator.checkResourcePlacement(element)
                            .ifPresent(problem -> problem.printTo(processingEnv.getMessager()));
                } else {
                    processSafely(element);
                }
            }
        }
        if (roundEnv.processingOver()) {
            finishSafely();
        }
        return false;
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
