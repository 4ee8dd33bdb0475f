package dev.witbind.component.binary;

import java.util.List;
import java.util.Optional;

/**
 * A decoded component: its definitions in binary order and its custom sections. Nested components are
 * {@link Definition.Component} definitions holding their own {@code ComponentBinary}. Nothing here is validated
 * beyond the grammar; {@code dev.witbind.component.validate} does that.
 *
 * @param offset where the component's preamble starts in the input
 * @param length how many bytes the component has
 */
public record ComponentBinary(int offset, int length, List<Definition> definitions, List<CustomSection> customSections,
        Optional<ComponentNames> names, Optional<Producers> producers) {
    public ComponentBinary {
        definitions = List.copyOf(definitions);
        customSections = List.copyOf(customSections);
    }
}
