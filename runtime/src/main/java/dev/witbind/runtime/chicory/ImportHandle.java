package dev.witbind.runtime.chicory;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import dev.witbind.runtime.GuestContext;
import dev.witbind.runtime.HostCall;
import dev.witbind.runtime.HostCalls;

/**
 * What the engine calls for one import of one guest instance: the host function bound to that instance's
 * {@link GuestContext}. Generated bindings subclass it once per WIT function (an anonymous class that holds the
 * implementation), so that a guest's call reaches the Java method with no adapter object in between: the engine's
 * handle is the object whose fields the body reads. Measured against a lambda behind a shared adapter, that saves
 * two dependent loads and a type check per call, about 0.5 ns of a 1.3 ns call.
 *
 * <p>Applications write a {@link HostCall} instead; the linker adapts it. (No nested types here: in a generated
 * subclass they would obscure the application's types of the same simple name.)
 */
public abstract class ImportHandle implements WasmFunctionHandle {
    /** What a function without flat results returns; shared, never written. */
    protected static final long[] NO_RESULTS = HostCall.NO_RESULTS;

    /** The calling guest instance: its memory, its {@code cabi_realloc} and its resource handles. */
    protected final GuestContext cx;
    private final String function;

    /**
     * @param cx the guest instance the handle belongs to
     * @param function the import's qualified name, as the guest spells it, for errors
     */
    protected ImportHandle(GuestContext cx, String function) {
        this.cx = cx;
        this.function = function;
    }

    /**
     * Runs {@link #call}; every failure leaves as a witbind exception that names the import (the one mapping is
     * {@link HostCalls#failure}).
     */
    @Override
    public final long[] apply(Instance calledFrom, long... args) {
        try {
            return call(args);
        } catch (RuntimeException e) {
            throw HostCalls.failure(function, e);
        }
    }

    /**
     * The body: lifts the flat core arguments, calls the host, lowers the result.
     *
     * @param args the flat core arguments, including a trailing return pointer when the result goes through memory
     * @return exactly the flat core results of the function's type
     */
    protected abstract long[] call(long[] args);
}
