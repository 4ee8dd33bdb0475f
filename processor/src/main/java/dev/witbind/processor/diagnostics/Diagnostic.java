package dev.witbind.processor.diagnostics;

import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * One error, anchored at the most precise place javac can point to: an annotation value, an annotation, or an
 * element.
 *
 * @param element the element the problem belongs to
 * @param annotation the annotation on {@code element} that is wrong, if any
 * @param value the value of {@code annotation} that is wrong, if any
 * @param message the text from {@link Messages}
 */
public record Diagnostic(Element element, Optional<AnnotationMirror> annotation, Optional<AnnotationValue> value,
        String message) {
    public Diagnostic {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(annotation, "annotation");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(message, "message");
        if (value.isPresent() && annotation.isEmpty()) {
            throw new IllegalArgumentException("an annotation value needs its annotation");
        }
    }

    /** An error on an element. */
    public static Diagnostic on(Element element, String message) {
        return new Diagnostic(element, Optional.empty(), Optional.empty(), message);
    }

    /** An error on an annotation of an element. */
    public static Diagnostic on(Element element, AnnotationMirror annotation, String message) {
        return new Diagnostic(element, Optional.of(annotation), Optional.empty(), message);
    }

    /** An error on one value of an annotation of an element. */
    public static Diagnostic on(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        return new Diagnostic(element, Optional.of(annotation), Optional.of(value), message);
    }

    /** Reports this error through javac. */
    public void printTo(Messager messager) {
        if (value.isPresent()) {
            messager.printMessage(Kind.ERROR, message, element, annotation.orElseThrow(), value.get());
        } else if (annotation.isPresent()) {
            messager.printMessage(Kind.ERROR, message, element, annotation.get());
        } else {
            messager.printMessage(Kind.ERROR, message, element);
        }
    }
}
