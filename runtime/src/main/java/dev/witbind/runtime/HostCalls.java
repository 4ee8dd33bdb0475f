package dev.witbind.runtime;

import dev.witbind.runtime.chicory.ImportHandle;
import dev.witbind.runtime.chicory.ImportHandleFactory;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.types.WitFunctionType;

/**
 * How host functions fail: the one place where a host function's exceptions become witbind exceptions that name
 * the import, and the adapter that runs an application's {@link HostCall} as an {@link ImportHandle}. Public only
 * for {@link ImportHandle}; not for applications.
 */
public final class HostCalls {
    private HostCalls() {}

    /**
     * The exception to throw for {@code failure}, raised by the host function of the import {@code function}:
     * witbind's own exceptions pass through (a trap gains the import's name), anything else is the host's fault.
     */
    public static RuntimeException failure(String function, RuntimeException failure) {
        if (failure instanceof WitTrapException trap) {
            return trap.in(function);
        }
        if (failure instanceof WitException) {
            return failure;
        }
        if (failure instanceof HostValueException value) {
            return new WitHostException(function, value.getMessage(), value);
        }
        return new WitHostException(function, "threw " + failure, failure);
    }

    /** Handles that run {@code call}, checking that it returns as many core values as {@code type} flattens to. */
    static ImportHandleFactory handles(HostCall call, WitFunctionType type) {
        int resultCount = CanonicalAbi.signature(type, CanonicalAbi.Direction.LOWER).results().size();
        return (cx, function) -> new CheckedHostCall(cx, function, call, resultCount);
    }

    /**
     * An application's {@link HostCall}, which unlike generated bindings may return the wrong number of core values.
     */
    private static final class CheckedHostCall extends ImportHandle {
        private final HostCall call;
        private final int resultCount;

        CheckedHostCall(GuestContext cx, String function, HostCall call, int resultCount) {
            super(cx, function);
            this.call = call;
            this.resultCount = resultCount;
        }

        @Override
        protected long[] call(long[] args) {
            long[] results = call.call(cx, args);
            // The engines disagree on what a wrong count means (one reads zeros, the other overruns): refuse it.
            if (results == null || results.length != resultCount) {
                throw new HostValueException("returned " + (results == null ? "null instead of "
                        : results.length + " core values instead of ") + resultCount);
            }
            return results;
        }
    }
}
