package dev.witbind.wit.types;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code stream<T>} or {@code stream} (WASI 0.3, the Component Model's async): a handle to a stream of values. witbind
 * reads and resolves it; the runtime and the processor refuse it by name, as they implement the synchronous subset.
 */
public record StreamType(Optional<WitType> element) implements WitType {
    public StreamType {
        Objects.requireNonNull(element, "element");
    }

    @Override
    public String toString() {
        return element.map(e -> "stream<" + e + ">").orElse("stream");
    }
}
