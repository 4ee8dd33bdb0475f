package dev.witbind.wit.values;

import java.util.Objects;

/**
 * A value of a WIT {@code variant} on the dynamic call path ({@link GuestFunction}): the case by its WIT name and
 * its payload, {@code null} when the case has none.
 *
 * @param caseName the case's label, e.g. {@code "not-found"}
 * @param payload the payload in the Java form of the case's type, or {@code null} for a case without one
 */
public record VariantValue(String caseName, Object payload) {
    public VariantValue {
        Objects.requireNonNull(caseName, "caseName");
    }

    /** A case without a payload. */
    public static VariantValue of(String caseName) {
        return new VariantValue(caseName, null);
    }

    /** A case with a payload. */
    public static VariantValue of(String caseName, Object payload) {
        return new VariantValue(caseName, Objects.requireNonNull(payload, "payload"));
    }
}
