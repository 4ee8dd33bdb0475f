package dev.witbind.wit.compat;

import dev.witbind.wit.names.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the newer package version has and the older lacks. Only the outermost added item is listed: an added
 * interface, resource or world stands for everything in it.
 *
 * @param kind what was added
 * @param item the item, e.g. {@code wasi:io/streams: [method]output-stream.write-zeroes} or
 *     {@code world wasi:io/imports}
 * @param since the version its own {@code @since} gate says it was added in, if it has one
 * @param unstableFeature the feature it is gated behind in the newer version ({@code @unstable}, its own or its
 *     interface's), if any
 */
public record Addition(Kind kind, String item, Optional<Version> since, Optional<String> unstableFeature)
        implements Comparable<Addition> {

    /** What kind of item was added. */
    public enum Kind {
        INTERFACE,
        TYPE,
        RESOURCE,
        /** A function of an interface, including a resource's constructor, methods and static functions. */
        FUNCTION,
        WORLD,
        WORLD_IMPORT,
        WORLD_EXPORT
    }

    public Addition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(unstableFeature, "unstableFeature");
    }

    @Override
    public int compareTo(Addition other) {
        int byItem = item.compareTo(other.item);
        return byItem != 0 ? byItem : kind.compareTo(other.kind);
    }

    /** E.g. {@code wasi:io/streams: [method]output-stream.write-zeroes (function, since 0.2.1)}. */
    @Override
    public String toString() {
        List<String> details = new ArrayList<>();
        details.add(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        since.ifPresent(v -> details.add("since " + v));
        unstableFeature.ifPresent(f -> details.add("unstable feature " + f));
        return item + " (" + String.join(", ", details) + ")";
    }
}
