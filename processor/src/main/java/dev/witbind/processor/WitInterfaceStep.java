package dev.witbind.processor;

import com.palantir.javapoet.JavaFile;
import dev.witbind.processor.diagnostics.Diagnostic;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.generation.BindingsGenerator;
import dev.witbind.processor.generation.ServiceIndex;
import dev.witbind.processor.model.InterfaceModel;
import dev.witbind.processor.validation.InterfaceValidator;
import dev.witbind.processor.validation.ValidationResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
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
        this.validator = new InterfaceValidator(environment.getElementUtils(), environment.getTypeUtils());
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
