package dev.witbind.wit.parser;

import dev.witbind.wit.parser.model.Gates;
import java.util.Objects;
import java.util.Set;

/**
 * Which {@code @unstable(feature = ...)} features a load enables, as wasm-tools' {@code Resolve} has them
 * ({@code features}, {@code all_features}). Items behind a feature that is not enabled are dropped before their
 * names are resolved, so they may name what is not loaded; an enabled item that refers to a dropped one is an
 * error. Items gated with {@code @since} are always kept.
 *
 * @param features the enabled feature names
 * @param allFeatures whether every feature is enabled
 */
public record WitOptions(Set<String> features, boolean allFeatures) {
    /** No feature enabled: wasm-tools' default, and {@link WitPackages}'. */
    public static final WitOptions DEFAULT = new WitOptions(Set.of(), false);

    /** Every feature enabled (wasm-tools' {@code --all-features}). */
    public static final WitOptions ALL_FEATURES = new WitOptions(Set.of(), true);

    public WitOptions {
        features = Set.copyOf(Objects.requireNonNull(features, "features"));
    }

    /** The named features enabled, no other. */
    public static WitOptions withFeatures(Set<String> features) {
        return new WitOptions(features, false);
    }

    /** Whether an item with these gates is part of the resolved WIT. */
    public boolean includes(Gates gates) {
        return gates.unstableFeature().map(feature -> allFeatures || features.contains(feature)).orElse(true);
    }
}
