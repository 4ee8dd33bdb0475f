package dev.witbind.runtime;

import dev.witbind.runtime.abi.CanonicalOptions;
import dev.witbind.runtime.abi.InstanceState;
import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.abi.PostReturn;
import dev.witbind.runtime.abi.ValueTupleCodec;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.engine.CoreFunction;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.List;

/**
 * A function that one component instance lifts, lowered into another instance of the same component: the call of a
 * composition (two components wired by an enclosing one, as {@code wac plug} or {@code jco componentize}'s QuickJS
 * backend make them). What the Canonical ABI fuses into one adapter, done with the value codecs: the arguments are
 * lifted from the caller with its lower options (its memory, its handle table), lowered into the callee with its lift
 * options (its memory and realloc, its encoding), the callee runs, its results are lifted and lowered back into the
 * caller (through the caller's realloc, or at the return pointer the caller passed), and the callee's post-return runs
 * last. Owning handles move between the two instances' tables; a borrow reaches the instance that defines the resource
 * as its representation.
 */
final class ComponentCall extends ImportHandle {
    private static final Object[] NO_VALUES = new Object[0];

    private final String caller;
    private final ValueTupleCodec callerParams;
    private final ValueTupleCodec callerResult;
    private final ValueTupleCodec calleeParams;
    private final ValueTupleCodec calleeResult;
    private final LiftLowerContext callee;
    private final CoreFunction core;
    private final PostReturn postReturn;

    /**
     * @param caller the lowering instance's context, made with {@link LiftLowerContext#betweenComponents}
     * @param function how errors name the lowered function
     * @param callerName how errors name the lowering instance
     * @param callerType the function's type as the caller's component names its resources
     * @param lifted what the other instance lifts
     */
    ComponentCall(LiftLowerContext caller, String function, String callerName, WitFunctionType callerType,
            ComponentIndexSpaces.Lifted lifted) {
        super(caller, function);
        this.caller = callerName;
        this.callerParams = params(callerType);
        this.callerResult = result(callerType);
        this.calleeParams = params(lifted.type());
        this.calleeResult = result(lifted.type());
        CanonicalOptions options = lifted.options();
        this.callee = LiftLowerContext.betweenComponents(options, lifted.cx().instance());
        this.core = lifted.core();
        this.postReturn = options.postReturn().orElse(null);
    }

    private static ValueTupleCodec params(WitFunctionType type) {
        return new ValueTupleCodec(type.params().stream().map(WitParam::type).toList(), "parameter tuple");
    }

    private static ValueTupleCodec result(WitFunctionType type) {
        return type.result().map(result -> new ValueTupleCodec(List.of(result), "the result")).orElse(null);
    }

    @Override
    protected long[] call(long[] args) {
        InstanceState calleeState = callee.instance();
        if (calleeState == cx.instance()) {
            // the Canonical ABI's may_enter: an instance cannot be entered again while it runs
            throw new WitTrapException(caller + " calls a function it lifts itself, and an instance cannot be "
                    + "entered again while it runs (the Canonical ABI's may_enter)");
        }
        cx.beginLift();
        Object[] values = callerParams.lift(cx, args, CanonicalAbi.MAX_FLAT_PARAMS);
        long[] results = core.apply(calleeParams.lower(callee, values, CanonicalAbi.MAX_FLAT_PARAMS));
        calleeState.beginLift();
        Object[] lifted = calleeResult == null ? NO_VALUES
                : calleeResult.lift(callee, results, CanonicalAbi.MAX_FLAT_RESULTS);
        callee.checkBorrowsDropped();
        long[] lowered;
        if (callerResult == null) {
            lowered = NO_RESULTS;
        } else if (callerResult.byPointer(CanonicalAbi.MAX_FLAT_RESULTS)) {
            // the caller passed a return pointer after its arguments
            callerResult.storeAt(cx, lifted, (int) args[args.length - 1]);
            lowered = NO_RESULTS;
        } else {
            lowered = callerResult.lower(cx, lifted, CanonicalAbi.MAX_FLAT_RESULTS);
        }
        cx.endBorrows();
        if (postReturn != null) {
            calleeState.runPostReturn(postReturn, results);
        }
        return lowered;
    }
}
