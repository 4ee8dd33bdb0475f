package dev.witbind.runtime;

/**
 * The body of a host function in core-value form: the guest's flat arguments in, the flat results out.
 *
 * <p>Generated bindings implement one {@code HostCall} per WIT function, specialised to its signature: each
 * argument is read from {@code args} as the primitive it is, strings and lists are lifted through {@code cx},
 * and the implementation is called directly. Values travel as {@code long}s (an {@code i32} in the low 32 bits,
 * floats as their raw bits), the engine's own convention, so no conversion happens on the way in or out.
 */
@FunctionalInterface
public interface HostCall {
    /** What a function without flat results returns; shared, never written. */
    long[] NO_RESULTS = new long[0];

    /**
     * Runs the function.
     *
     * @param cx the calling guest instance: its memory and its {@code cabi_realloc}
     * @param args the flat core arguments, including a trailing return pointer when the result goes through memory
     * @return the flat core results
     */
    long[] call(GuestContext cx, long[] args);
}
