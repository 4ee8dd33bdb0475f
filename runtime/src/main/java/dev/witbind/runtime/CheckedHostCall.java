package dev.witbind.runtime;

import dev.witbind.runtime.abi.HostValueException;
import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.bindings.ImportHandleFactory;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.types.WitFunctionType;

/**
 * An application's {@link HostCall} as the engine calls it, which unlike generated bindings may return the wrong
 * number of core values: checked on every call. The borrows it lifted end when it returns, as generated bindings end
 * theirs.
 */
final class CheckedHostCall extends ImportHandle {
    private final HostCall call;
    private final int resultCount;

    private CheckedHostCall(LiftLowerContext cx, String function, HostCall call, int resultCount) {
        super(cx, function);
        this.call = call;
        this.resultCount = resultCount;
    }

    /** Handles that run {@code call}, checking that it returns as many core values as {@code type} flattens to. */
    static ImportHandleFactory<Void> handles(HostCall call, WitFunctionType type) {
        int resultCount = CanonicalAbi.signature(type, CanonicalAbi.Direction.LOWER).results().size();
        return (cx, function, none) -> new CheckedHostCall(cx, function, call, resultCount);
    }

    @Override
    protected long[] call(long[] args) {
        cx.beginLift(); // an application's HostCall may lift anything through cx
        long[] results = call.call(cx, args);
        // what the call lifted as borrow<T> was lent for the call only (the Canonical ABI ends the lends on return)
        cx.endBorrows();
        // The engines disagree on what a wrong count means (one reads zeros, the other overruns): refuse it.
        if (results == null || results.length != resultCount) {
            throw new HostValueException("returned " + (results == null ? "null instead of "
                    + resultCount : results.length + " core values instead of " + resultCount));
        }
        return results;
    }
}
