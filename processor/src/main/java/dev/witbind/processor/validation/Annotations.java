package dev.witbind.processor.validation;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Finds annotations by qualified name, so that the processor never loads the annotation classes reflectively. */
final class Annotations {
    private Annotations() {}

    /** The annotation of the given type on {@code element}, if present. */
    static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** The value of {@code member} as written on the annotation; empty when it is missing (javac reports that). */
    static Optional<AnnotationValue> value(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** The value as a string; empty when it is not a string constant (javac reports the broken expression). */
    static Optional<String> string(AnnotationValue value) {
        return value.getValue() instanceof String string ? Optional.of(string) : Optional.empty();
    }
}
