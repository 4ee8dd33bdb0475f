package dev.witbind.wit.compat;

import java.util.Objects;

/**
 * One result of a comparison that is not a plain addition: a breaking change, an inconsistency, or a note.
 *
 * @param kind what was found; it fixes the {@link #severity()}
 * @param item the item, e.g. {@code wasi:io/streams: [method]output-stream.write}, or the unversioned package name
 *     for findings about the packages as a whole
 * @param message what changed, e.g. {@code result changed from result<_, stream-error> to result<u64, stream-error>}
 */
public record Finding(Kind kind, String item, String message) implements Comparable<Finding> {

    /** How much a finding matters. */
    public enum Severity {
        /** The newer version is not a compatible addition of the older one. */
        BREAKING,
        /** The versions are compatible in this respect, but their WIT says something inconsistent. */
        WARNING,
        /** Worth knowing; no compatibility promise is broken. */
        NOTE
    }

    /** What a finding is about. */
    public enum Kind {
        /** The two packages have different names. */
        DIFFERENT_PACKAGE(Severity.BREAKING),
        /**
         * The versions are not on one compatibility track, so a guest of the newer never links to a host of the
         * older.
         */
        NOT_ON_ONE_TRACK(Severity.BREAKING),
        /** An item of the older version is missing from the newer. */
        REMOVED(Severity.BREAKING),
        /** An item's type, or a world item's target, differs. */
        CHANGED(Severity.BREAKING),
        /** A stable item of the older version is behind an {@code @unstable} feature gate in the newer. */
        NOW_UNSTABLE(Severity.BREAKING),
        /** The "newer" version has lower precedence than the "older" one. */
        VERSION_NOT_NEWER(Severity.WARNING),
        /**
         * An {@code @since} gate contradicts which of the two versions have the item: an added item that says it is
         * older than the older version, or an item stable in the older version that says it is newer. (An item that
         * was {@code @unstable} in the older version is stabilized with a newer {@code @since}, as it should be.)
         */
        SINCE_INCONSISTENT(Severity.WARNING),
        /**
         * An item behind an {@code @unstable} gate in the older version was removed or changed: unstable features
         * carry no compatibility promise.
         */
        UNSTABLE_CHANGED(Severity.NOTE),
        /** An item behind an {@code @unstable} gate in the older version is stable in the newer. */
        STABILIZED(Severity.NOTE),
        /** An item is {@code @deprecated} in the newer version and was not in the older. */
        DEPRECATED(Severity.NOTE);

        private final Severity severity;

        Kind(Severity severity) {
            this.severity = severity;
        }

        public Severity severity() {
            return severity;
        }
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(message, "message");
    }

    public Severity severity() {
        return kind.severity();
    }

    public boolean isBreaking() {
        return severity() == Severity.BREAKING;
    }

    /** Sorted by item, then message: the order {@link CompatibilityReport} lists findings in. */
    @Override
    public int compareTo(Finding other) {
        int byItem = item.compareTo(other.item);
        if (byItem != 0) {
            return byItem;
        }
        int byMessage = message.compareTo(other.message);
        return byMessage != 0 ? byMessage : kind.compareTo(other.kind);
    }

    /** {@code item: message}. */
    @Override
    public String toString() {
        return item + ": " + message;
    }
}
