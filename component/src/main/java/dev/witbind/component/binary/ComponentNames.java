package dev.witbind.component.binary;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code component-name} custom section: the component's own name and names for indices of each sort. The
 * Explainer says a malformed name section must not make a component invalid, so when it does not parse the
 * component simply has none.
 */
public record ComponentNames(Optional<String> componentName, Map<Sort, Map<Integer, String>> names) {
    public ComponentNames {
        names = Map.copyOf(names);
    }

    /** The name of index {@code index} of {@code sort}, if the section gives one. */
    public Optional<String> nameOf(Sort sort, int index) {
        return Optional.ofNullable(names.getOrDefault(sort, Map.of()).get(index));
    }
}
