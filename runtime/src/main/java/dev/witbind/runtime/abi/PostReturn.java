package dev.witbind.runtime.abi;

/**
 * The {@code post-return} of a lifted function's {@link CanonicalOptions}: the guest function called after the host
 * has lifted a call's results, so that the guest can free what it returned ({@code cabi_post_<name>} by
 * wit-bindgen's convention).
 */
@FunctionalInterface
public interface PostReturn {
    /** Calls it with the export's flat core results. */
    void call(long[] results);
}
