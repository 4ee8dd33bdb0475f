package dev.witbind.runtime.abi;

/**
 * The {@code realloc} of a {@link CanonicalOptions}: the guest function the host calls to allocate guest memory for
 * the strings, lists and parameter tuples it lowers ({@code cabi_realloc} by wit-bindgen's convention).
 */
@FunctionalInterface
public interface Realloc {
    /**
     * Calls {@code realloc(old_ptr, old_size, align, new_size) -> ptr}; {@link LiftLowerContext} checks the pointer it
     * returns.
     */
    int realloc(int oldPointer, int oldSize, int alignment, int newSize);
}
