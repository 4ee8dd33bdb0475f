package dev.witbind.runtime.abi;

import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.runtime.resources.HandleTable;
import dev.witbind.wit.WitException;

/**
 * The state the Canonical ABI keeps per component instance (the spec's {@code ComponentInstance}): the table of
 * resource handles, whether the instance may be entered, and whether a trap has made it unusable. Every function of
 * the instance shares it, whatever its {@link CanonicalOptions}; a core module is an instance of its own.
 *
 * <p>Not thread-safe, like the instance it belongs to.
 */
public final class InstanceState {
    private final String guestName;
    private final HandleTable handles = new HandleTable();
    private volatile String poisonedBy;
    private boolean entered;
    /** The Canonical ABI's {@code may_leave}: false while the guest runs its realloc or a post-return. */
    private boolean mayLeave = true;

    /** @param guestName how errors and traps refer to the instance's guest */
    public InstanceState(String guestName) {
        this.guestName = guestName;
    }

    /** The name the guest was loaded under. */
    public String guestName() {
        return guestName;
    }

    /** The instance's resource handles. */
    public HandleTable handles() {
        return handles;
    }

    /** Whether a trap has made the instance unusable. */
    public boolean isPoisoned() {
        return poisonedBy != null;
    }

    /**
     * Marks the instance as running a call from the host. The Canonical ABI forbids entering an instance that is
     * calling out to the host (its {@code may_enter} rule), e.g. a host function calling back into an export, and an
     * instance that trapped cannot be entered again (its state is unspecified).
     *
     * @param function the export being entered, for the message
     * @throws WitTrapException when the instance trapped before or is calling the host
     */
    public void enter(String function) {
        String cause = poisonedBy;
        if (cause != null) {
            throw WitTrapException.in(function, "guest '" + guestName + "' trapped earlier and cannot be entered "
                    + "again (" + cause + ")", null);
        }
        if (entered) {
            throw WitTrapException.in(function, "guest '" + guestName + "' is calling the host and cannot be entered "
                    + "until that call returns (the Canonical ABI forbids re-entrance)", null);
        }
        entered = true;
    }

    /** Ends what {@link #enter} began. */
    public void leave() {
        entered = false;
    }

    /**
     * Whether the guest may call out to the host now: not while it runs the {@code realloc} the host called to
     * lower a value, nor while it runs a post-return (the Canonical ABI's {@code may_leave}).
     */
    public boolean mayLeave() {
        return mayLeave;
    }

    /** Forbids calls out to the host until {@link #allowLeaving()}: around a {@code realloc} or a post-return. */
    public void forbidLeaving() {
        mayLeave = false;
    }

    public void allowLeaving() {
        mayLeave = true;
    }

    /**
     * Marks the instance unusable and returns the exception to throw for {@code failure}, attributed to
     * {@code function}: witbind's own exceptions as they are (a trap gains the function's name), anything else as a
     * trap that carries it as the cause.
     */
    public RuntimeException poison(String function, Throwable failure) {
        RuntimeException thrown = attribute(function, failure);
        poisonedBy = thrown.getMessage();
        return thrown;
    }

    /** The exception of ours for {@code failure} in {@code function}. */
    public static RuntimeException attribute(String function, Throwable failure) {
        if (failure instanceof WitTrapException trap) {
            return trap.in(function);
        }
        if (failure instanceof WitException ours) {
            return ours;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof WitTrapException trap) {
                return trap.in(function);
            }
        }
        String reason = failure instanceof StackOverflowError ? "call stack exhausted" : failure.toString();
        return WitTrapException.in(function, reason, failure);
    }
}
