package dev.witbind.runtime.bindings;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import dev.witbind.runtime.abi.HostValueException;
import dev.witbind.runtime.abi.InstanceState;
import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.errors.WitHostException;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.WitException;

/**
 * What the engine calls for one import of one guest instance: the host function bound to that import's
 * {@link LiftLowerContext}. Generated bindings subclass it once per WIT function (an anonymous class that holds the
 * implementation), so that a guest's call reaches the Java method with no adapter object in between: the engine's
 * handle is the object whose fields the body reads.
 *
 * <p>Why this class implements Chicory's {@link WasmFunctionHandle} itself, the one place outside the engine adapter
 * that names the engine: measured against a lambda behind a shared adapter, being the engine's handle saves two
 * dependent loads and a type check per call, about 0.5 ns of a 1.3 ns call. A second engine would be adapted by
 * wrapping (its cost paid only there) or by a second superclass; the engine adapter,
 * {@code dev.witbind.runtime.engine}, is the only other code that sees this interface.
 *
 * <p>(No nested types here: in a generated subclass they would obscure the application's types of the same simple
 * name.)
 */
public abstract class ImportHandle implements WasmFunctionHandle {
    /** What a function without flat results returns; shared, never written. */
    protected static final long[] NO_RESULTS = new long[0];

    /** The calling guest's memory, {@code realloc} and resource handles, as this import's options say. */
    protected final LiftLowerContext cx;
    /** The import's qualified name, for errors. */
    final String function;

    /**
     * @param cx the import's context: its canonical options and its instance
     * @param function the import's qualified name, as the guest spells it, for errors
     */
    protected ImportHandle(LiftLowerContext cx, String function) {
        this.cx = cx;
        this.function = function;
    }

    /**
     * Runs {@link #call}; every failure leaves as a witbind exception that names the import (any {@link Throwable},
     * checked exceptions thrown sneakily and {@link Error}s included, but the JVM-wide fatal ones of
     * {@link InstanceState#isFatal}).
     */
    @Override
    public final long[] apply(Instance calledFrom, long... args) {
        try {
            return call(args);
        } catch (Throwable e) {
            if (InstanceState.isFatal(e)) {
                throw (Error) e;
            }
            throw failure(function, e);
        }
    }

    /**
     * This import with the Canonical ABI's may_leave check in front of its body: a call while the instance runs its
     * {@code realloc} or a post-return traps. For witbind's instantiation, which gives the engine this handle instead
     * of the import's own wherever such a function might reach an import; where none can, the check could never
     * fail, and the engine gets the import's own handle, whose call is then the body alone, exactly as a
     * hand-written host function's (the check was the one difference left: a load and a branch in the compiled
     * guest loop, a seventh of a scalar call, measured).
     */
    public final ImportHandle checkingMayLeave() {
        return new LeaveCheckedImport(this);
    }

    /**
     * The trap for a call made while the guest may not leave. Out of line so that the check stays small enough for
     * HotSpot to inline into the guest's compiled call with the body (the message's concatenation alone is larger
     * than the rest).
     */
    final WitTrapException mayNotLeave() {
        return new WitTrapException("guest '" + cx.instance().guestName() + "' called " + function + " while it ran its "
                + "realloc or a post-return, which may not call the host (the Canonical ABI's may_leave)")
                .in(function);
    }

    /**
     * The body: lifts the flat core arguments, calls the host, lowers the result.
     *
     * @param args the flat core arguments, including a trailing return pointer when the result goes through memory
     * @return exactly the flat core results of the function's type
     */
    protected abstract long[] call(long[] args);

    /**
     * The exception to throw for {@code failure}, raised by the host function of the import {@code function}, the one
     * place where a host function's exceptions become witbind's: witbind's own pass through (a trap gains the
     * import's name), anything else is the host's fault.
     */
    static RuntimeException failure(String function, Throwable failure) {
        if (failure instanceof WitTrapException trap) {
            return trap.in(function);
        }
        if (failure instanceof WitException ours) {
            return ours;
        }
        if (failure instanceof StackOverflowError) {
            // the guest's recursion ran out of stack while the host function ran: the guest's trap
            return WitTrapException.in(function, "call stack exhausted", failure);
        }
        if (failure instanceof HostValueException value) {
            return new WitHostException(function, value.getMessage(), value);
        }
        return new WitHostException(function, "threw " + failure, failure);
    }
}
