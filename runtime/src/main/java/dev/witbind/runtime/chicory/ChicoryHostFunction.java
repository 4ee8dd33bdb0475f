package dev.witbind.runtime.chicory;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import dev.witbind.runtime.GuestContext;
import dev.witbind.runtime.HostCall;
import dev.witbind.runtime.HostCalls;

/**
 * The Chicory handle of one guest import: the engine calls it, it calls the generated {@link HostCall} through
 * {@link HostCalls#invoke} (the one place that maps failures). One final class for every import keeps Chicory's
 * call site monomorphic, and the chain short enough for HotSpot to inline the Java method into the compiled guest:
 * each adapter layer costs two inlining levels, and {@code -XX:MaxInlineLevel} is 15.
 */
final class ChicoryHostFunction implements WasmFunctionHandle {
    private final HostCall call;
    private final GuestContext cx;
    private final String function;
    private final int resultCount;

    ChicoryHostFunction(HostCall call, GuestContext cx, String function, int resultCount) {
        this.call = call;
        this.cx = cx;
        this.function = function;
        this.resultCount = resultCount;
    }

    @Override
    public long[] apply(Instance calledFrom, long... args) {
        return HostCalls.invoke(call, cx, args, function, resultCount);
    }
}
