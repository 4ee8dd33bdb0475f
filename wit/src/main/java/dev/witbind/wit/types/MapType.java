package dev.witbind.wit.types;

import java.util.Objects;

/**
 * {@code map<K, V>} (a gated Component Model feature, 🗺️): a list of key-value pairs that bindings present as a map.
 * Keys are {@code bool}, integers, {@code char} or {@code string}. witbind reads and resolves it; the runtime and the
 * processor refuse it by name.
 */
public record MapType(WitType key, WitType value) implements WitType {
    public MapType {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "map<" + key + ", " + value + ">";
    }
}
