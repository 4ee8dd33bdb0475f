package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.engine.LateBoundImport;
import dev.witbind.runtime.errors.WitTrapException;
import java.util.Objects;

/**
 * The engine's handle of a late-bound import: it forwards to the bound {@link ImportHandle}'s own {@code apply}
 * (final, so a direct call HotSpot can inline), which keeps that handle's failure handling (and its
 * {@code may_leave} check, when it is the checked one) exactly; before it is bound, a call traps as the empty table slot it stands for would have.
 *
 * <p>The target is a plain field: it is written while the component is being instantiated, on the instantiating
 * thread, before the instance is published to any other.
 */
final class LateBoundHandle implements WasmFunctionHandle, LateBoundImport {
    private final String function;
    private final String unboundReason;
    private ImportHandle target;

    LateBoundHandle(String function, String unboundReason) {
        this.function = function;
        this.unboundReason = unboundReason;
    }

    @Override
    public long[] apply(Instance calledFrom, long... args) {
        ImportHandle bound = target;
        if (bound == null) {
            throw unbound();
        }
        return bound.apply(calledFrom, args);
    }

    /** Out of line, so that {@link #apply} stays small enough to inline. */
    private WitTrapException unbound() {
        return WitTrapException.in(function, unboundReason, null);
    }

    @Override
    public void bind(ImportHandle handle) {
        Objects.requireNonNull(handle, "handle");
        if (target != null) {
            throw new IllegalStateException("the import " + function + " is bound already");
        }
        target = handle;
    }
}
