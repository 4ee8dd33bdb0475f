package dev.witbind.runtime;

import dev.witbind.runtime.abi.LiftLowerContext;

/**
 * The body of a host function written by hand, in core-value form: the guest's flat arguments in, the flat results
 * out. Define it with {@link LinkerInstance#func}. (Classes annotated {@code @WitInterface} need none: their
 * generated bindings lift and lower with code specialised to each function.)
 *
 * <p>Values travel as {@code long}s (an {@code i32} in the low 32 bits, floats as their raw bits), the engine's own
 * convention; strings, lists and handles are lifted and lowered through {@code cx}. A handle lifted with
 * {@link LiftLowerContext#liftBorrow} is lent for the call only: the lend ends when {@code call} returns.
 */
@FunctionalInterface
public interface HostCall {
    /** What a function without flat results returns; shared, never written. */
    long[] NO_RESULTS = new long[0];

    /**
     * Runs the function.
     *
     * @param cx the calling guest: its memory, its {@code realloc} and its resource handles
     * @param args the flat core arguments, including a trailing return pointer when the result goes through memory
     * @return the flat core results
     */
    long[] call(LiftLowerContext cx, long[] args);
}
