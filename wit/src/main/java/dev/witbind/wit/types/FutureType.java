package dev.witbind.wit.types;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code future<T>} or {@code future} (WASI 0.3, the Component Model's async): a handle to a value that arrives
 * later. witbind reads and resolves it; the runtime and the processor refuse it by name.
 */
public record FutureType(Optional<WitType> value) implements WitType {
    public FutureType {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.map(v -> "future<" + v + ">").orElse("future");
    }
}
