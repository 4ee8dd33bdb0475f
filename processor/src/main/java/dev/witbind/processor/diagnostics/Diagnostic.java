package dev.witbind.processor.diagnostics;

import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * One error (or note), anchored at the most precise place javac can point to: an annotation value, an annotation, or
 * an element.
 *
 * @param element the element the problem belongs to
 * @param annotation the annotation on {@code element} that is wrong, if any
 * @param value the value of {@code annotation} that is wrong, if any
 * @param message the text from {@link Messages}
 * @param kind {@link Kind#ERROR}, or {@link Kind#NOTE} for what the user should know but need not fix
 */
public record Diagnostic(Element element, Optional<AnnotationMirror> annotation, Optional<AnnotationValue> value,
        String message, Kind kind) {
    /** An error. */
    public Diagnostic(Element element, Optional<AnnotationMirror> annotation, Optional<AnnotationValue> value,
            String message) {
        this(element, annotation, value, message, Kind.ERROR);
    }

    public Diagnostic {
        Objects.requireNonNull(kind, "kind");
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

    /** A note on an annotation of an element. */
    public static Diagnostic note(Element element, AnnotationMirror annotation, String message) {
        return new Diagnostic(element, Optional.of(annotation), Optional.empty(), message, Kind.NOTE);
    }

    /** Reports this error or note through javac. */
    public void printTo(Messager messager) {
        if (value.isPresent()) {
            messager.printMessage(kind, message, element, annotation.orElseThrow(), value.get());
        } else if (annotation.isPresent()) {
            messager.printMessage(kind, message, element, annotation.get());
        } else {
            messager.printMessage(kind, message, element);
        }
    }
}
