package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.wasm.ChicoryException;
import dev.witbind.runtime.engine.CoreFunction;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.WitException;

/**
 * A function an instance exports, callable from the host; Chicory's traps leave it as {@link WitTrapException}s. A
 * view that an instance builder hands out before the instance exists is bound when the instance is made.
 */
final class ChicoryFunction implements CoreFunction {
    private final String name;
    private ExportFunction function;

    ChicoryFunction(String name) {
        this.name = name;
    }

    ChicoryFunction(String name, ExportFunction function) {
        this.name = name;
        this.function = function;
    }

    void bind(ExportFunction function) {
        this.function = function;
    }

    @Override
    public long[] apply(long... args) {
        if (function == null) {
            throw new IllegalStateException("'" + name + "' is called before its instance exists");
        }
        try {
            return function.apply(args);
        } catch (WitException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw trap(e);
        }
    }

    /**
     * The exception of ours for what Chicory threw: a witbind exception it carries (a host function's failure,
     * wrapped on its way through the engine), else a trap with Chicory's own reason.
     */
    static RuntimeException trap(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof WitException ours) {
                return ours;
            }
        }
        return new WitTrapException(describe(failure), failure);
    }

    /** Why the engine stopped a guest, for a trap message: Chicory's own reason where it gives one. */
    static String describe(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return "call stack exhausted";
        }
        if (failure instanceof ChicoryException && failure.getMessage() != null) {
            return failure.getMessage();
        }
        return failure.toString();
    }
}
