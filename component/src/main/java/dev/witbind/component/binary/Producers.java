package dev.witbind.component.binary;

import java.util.List;
import java.util.Map;

/**
 * The {@code producers} custom section (the tool-conventions format): for each field ({@code language},
 * {@code processed-by}, {@code sdk}), the tools and their versions. Like the name section, a malformed one is
 * ignored rather than refused.
 */
public record Producers(Map<String, List<Tool>> fields) {
    public Producers {
        fields = Map.copyOf(fields);
    }

    /** One producer: a name and a version, e.g. {@code wit-component 0.259.0}. */
    public record Tool(String name, String version) {}
}
