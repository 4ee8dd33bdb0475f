package dev.witbind.wit.parser.model;

import dev.witbind.wit.names.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The feature gates on a WIT item: {@code @since(version = ...)} or {@code @unstable(feature = ...)} (never
 * both), optionally with {@code @deprecated(version = ...)}. The resolved model keeps every item, gated or not, and
 * reports its gates; which versions or features to expose is the consumer's choice.
 */
public record Gates(Optional<Version> since, Optional<String> unstableFeature, Optional<Version> deprecated) {
    /** No gates: the item is stable since the package existed. */
    public static final Gates NONE = new Gates(Optional.empty(), Optional.empty(), Optional.empty());

    public Gates {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(unstableFeature, "unstableFeature");
        Objects.requireNonNull(deprecated, "deprecated");
    }

    public boolean isUnstable() {
        return unstableFeature.isPresent();
    }

    public boolean isDeprecated() {
        return deprecated.isPresent();
    }

    /** The gates in WIT syntax, e.g. {@code @since(version = 0.2.0) @deprecated(version = 0.2.2)}; empty for none. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        since.ifPresent(v -> parts.add("@since(version = " + v + ")"));
        unstableFeature.ifPresent(f -> parts.add("@unstable(feature = " + f + ")"));
        deprecated.ifPresent(v -> parts.add("@deprecated(version = " + v + ")"));
        return String.join(" ", parts);
    }
}
