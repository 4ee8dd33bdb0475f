package dev.witbind.processor.validation;

import dev.witbind.processor.diagnostics.Diagnostic;
import dev.witbind.processor.model.InterfaceModel;
import java.util.List;
import java.util.Objects;

/** What the validator makes of an annotated element: a model to generate from, or the reasons there is none. */
public sealed interface ValidationResult {

    /** The class is valid; {@code notes} say what was not checked. */
    record Valid(InterfaceModel model, List<Diagnostic> notes) implements ValidationResult {
        public Valid(InterfaceModel model) {
            this(model, List.of());
        }

        public Valid {
            Objects.requireNonNull(model, "model");
            notes = List.copyOf(notes);
        }
    }

    /**
     * The class is not valid. The list is empty when javac itself reports the problem (a missing or non-constant
     * annotation value), so that it is not reported twice.
     */
    record Invalid(List<Diagnostic> diagnostics) implements ValidationResult {
        public Invalid {
            diagnostics = List.copyOf(diagnostics);
        }
    }
}
