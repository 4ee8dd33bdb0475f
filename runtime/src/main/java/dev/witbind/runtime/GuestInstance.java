package dev.witbind.runtime;

import dev.witbind.runtime.chicory.ChicoryInstance;
import dev.witbind.runtime.chicory.ChicoryModule;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.abi.CoreSignature;
import dev.witbind.wit.types.WitFunctionType;
import java.util.Optional;

/**
 * A running guest: its linked imports and its exports, callable with WIT types.
 *
 * <p>After a trap the instance cannot be entered again (the Canonical ABI leaves its state unspecified); other
 * instances and the host are unaffected. An instance is not thread-safe: call it from one thread at a time.
 */
public final class GuestInstance {
    private final GuestModule module;
    private final LinkPlan plan;
    private final ChicoryInstance engine;
    private final GuestContext context;
    private volatile String poisonedBy;
    private boolean entered;

    GuestInstance(GuestModule module, LinkPlan plan, ChicoryInstance engine) {
        this.module = module;
        this.plan = plan;
        this.engine = engine;
        this.context = engine.context();
    }

    public String name() {
        return module.name();
    }

    /** How each import was bound. */
    public LinkPlan linkPlan() {
        return plan;
    }

    /** Whether a trap has made this instance unusable. */
    public boolean isPoisoned() {
        return poisonedBy != null;
    }

    /**
     * An exported function with its WIT type. Its core type must be the flattened (lifted) WIT type; its
     * {@code cabi_post_<name>} is called after each call if the guest exports one.
     *
     * @throws IllegalArgumentException when the guest exports no such function or its core type does not match
     */
    public GuestFunction function(String name, WitFunctionType type) {
        CoreSignature signature = CanonicalAbi.signature(type, CanonicalAbi.Direction.LIFT);
        ChicoryModule exports = module.engineModule();
        String declared = exports.exportSignature(name).orElseThrow(() -> new IllegalArgumentException(
                "guest '" + name() + "' exports no function '" + name + "'"));
        if (!exports.exportedFunction(name).equals(Optional.of(CoreFunctionType.of(signature)))) {
            throw new IllegalArgumentException("guest '" + name() + "' exports '" + name + "' as " + declared
                    + ", but " + type + " lifts to " + signature);
        }
        String postReturn = "cabi_post_" + name;
        boolean hasPostReturn = exports.exportedFunction(postReturn)
                .filter(post -> post.params().equals(signature.results()) && post.results().isEmpty())
                .isPresent();
        return new GuestFunction(this, name, type, signature, engine.export(name),
                hasPostReturn ? engine.export(postReturn) : null);
    }

    GuestContext context() {
        return context;
    }

    /** Throws if an earlier trap poisoned this instance. */
    void checkEnterable(String function) {
        String cause = poisonedBy;
        if (cause != null) {
            throw WitTrapException.in(function, "guest '" + name() + "' trapped earlier and cannot be entered again ("
                    + cause + ")", null);
        }
    }

    /**
     * Marks the instance as running a call from the host. The Canonical ABI forbids entering an instance that is
     * calling out to the host (its {@code may_enter} rule), e.g. a host function calling back into an export.
     */
    void enter(String function) {
        if (entered) {
            throw WitTrapException.in(function, "guest '" + name() + "' is calling the host and cannot be entered "
                    + "until that call returns (the Canonical ABI forbids re-entrance)", null);
        }
        entered = true;
    }

    void leave() {
        entered = false;
    }

    /** Marks the instance unusable and returns the exception to throw, attributed to {@code function}. */
    RuntimeException poison(String function, Throwable failure) {
        RuntimeException thrown = failure instanceof WitTrapException trap
                ? trap.in(function)
                : failure instanceof WitException witException ? witException : trapOf(function, failure);
        poisonedBy = thrown.getMessage();
        return thrown;
    }

    /** A trap of ours for an engine trap (unreachable, out-of-bounds access, stack exhaustion, ...). */
    static WitTrapException trapOf(String function, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WitTrapException trap) {
                return trap.in(function);
            }
        }
        return WitTrapException.in(function, ChicoryInstance.describeTrap(failure), failure);
    }
}
