package dev.witbind.runtime.abi;

import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.runtime.resources.HandleTable;
import dev.witbind.wit.WitException;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The state the Canonical ABI keeps per component instance (the spec's {@code ComponentInstance}): the table of
 * resource handles, whether the instance may be entered, and whether a trap has made it unusable. Every function of
 * the instance shares it, whatever its {@link CanonicalOptions}; a core module is an instance of its own.
 *
 * <p>An instance runs one call at a time, on the thread that entered it: a second thread is refused while a call
 * runs, never served half-way. Another thread may {@linkplain #interrupt interrupt} the running call, and a call
 * that outlives its deadline is interrupted the same way: the engine notices the calling thread's interrupt, the call
 * traps with the reason, and the thread's interrupt status is cleared again, so the thread's next call is not
 * affected. (An interrupt that witbind did not make, the application's own, is left set.)
 */
public final class InstanceState {
    /** Interrupts calls that outlive their deadline; one daemon thread for every instance. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final String guestName;
    private final InstanceLimits limits;
    private final HandleTable handles;
    /**
     * The instance the host enters, for an instance nested in a component: it alone runs calls, is poisoned and is
     * interrupted; this one has only its own handles and may_leave. {@code this} for the instance the host enters.
     */
    private final InstanceState entry;
    private volatile String poisonedBy;
    /** The thread running a call into the instance, or null; guarded by this. */
    private Thread runner;
    /** Why witbind interrupted the running call, or null; guarded by this. */
    private String interruption;
    /** Counts calls, so that a late deadline never interrupts a later call; guarded by this. */
    private long calls;
    private Future<?> deadline;
    /** The Canonical ABI's {@code may_leave}: false while the guest runs its realloc or a post-return. */
    private boolean mayLeave = true;
    /** What the values being lifted may still take from guest memory (see {@link InstanceLimits#liftedBytes}). */
    private long liftBudget;

    /** @param guestName how errors and traps refer to the instance's guest */
    public InstanceState(String guestName) {
        this(guestName, InstanceLimits.DEFAULT);
    }

    /**
     * @param guestName how errors and traps refer to the instance's guest
     * @param limits what the instance may take
     */
    public InstanceState(String guestName, InstanceLimits limits) {
        this(guestName, limits, null);
    }

    private InstanceState(String guestName, InstanceLimits limits, InstanceState entry) {
        this.guestName = guestName;
        this.limits = limits;
        this.handles = new HandleTable(limits.handles());
        this.liftBudget = limits.liftedBytes();
        this.entry = entry == null ? this : entry;
    }

    /**
     * The state of a component instance nested in this one (an instance of a component that a component defines
     * and instantiates): a handle table and a may_leave of its own, as the Canonical ABI gives every component
     * instance, while calls, traps and interrupts are this instance's, the one the host entered.
     */
    public InstanceState nested() {
        return new InstanceState(guestName, limits, entry);
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "witbind-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** What the instance may take. */
    public InstanceLimits limits() {
        return limits;
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
        return entry.poisonedBy != null;
    }

    /**
     * Marks the instance as running a call from the host, on this thread. The Canonical ABI forbids entering an
     * instance that is calling out to the host (its {@code may_enter} rule), e.g. a host function calling back into an
     * export, and an instance that trapped cannot be entered again (its state is unspecified).
     *
     * @param function the export being entered, for the message
     * @throws WitTrapException when the instance trapped before or is calling the host
     * @throws IllegalStateException when another thread is running a call into the instance
     */
    public void enter(String function) {
        entry.enterThis(function);
    }

    private synchronized void enterThis(String function) {
        String cause = poisonedBy;
        if (cause != null) {
            throw WitTrapException.in(function, "guest '" + guestName + "' trapped earlier and cannot be entered "
                    + "again (" + cause + ")", null);
        }
        Thread current = Thread.currentThread();
        if (runner == current) {
            throw WitTrapException.in(function, "guest '" + guestName + "' is calling the host and cannot be entered "
                    + "until that call returns (the Canonical ABI forbids re-entrance)", null);
        }
        if (runner != null) {
            throw new IllegalStateException(function + ": guest '" + guestName + "' is running a call on thread '"
                    + runner.getName() + "': an instance runs one call at a time (instantiate one per thread, or "
                    + "guard it)");
        }
        runner = current;
        interruption = null;
        long call = ++calls;
        limits.callTimeout().ifPresent(timeout -> deadline = DEADLINES.schedule(
                () -> interrupt(call, "the call took longer than its deadline of " + describe(timeout)),
                timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Starts lifting one call's values: its arguments into a host function, or an export's result. */
    public void beginLift() {
        liftBudget = limits.liftedBytes();
    }

    /**
     * Counts {@code bytes} of a string or list being lifted against the call's budget.
     *
     * @param what the value, for the message
     * @param ptr where it is in guest memory, for the message
     * @throws WitTrapException when the call's values would take more than {@link InstanceLimits#liftedBytes}
     */
    public void chargeLift(long bytes, String what, int ptr) {
        long left = liftBudget - bytes;
        if (left < 0) {
            throw new WitTrapException(String.format("%s at 0x%X (%d bytes) takes the values of this call past the %d "
                    + "bytes of strings and lists guest '%s' may pass in one call (InstanceLimits.liftedBytes)", what,
                    Integer.toUnsignedLong(ptr), bytes, limits.liftedBytes(), guestName));
        }
        liftBudget = left;
    }

    /** Ends what {@link #enter} began; clears the thread's interrupt status when witbind set it. */
    public void leave() {
        if (entry != this) {
            entry.leave();
            return;
        }
        boolean ours;
        synchronized (this) {
            runner = null;
            ours = interruption != null;
            interruption = null;
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
        if (ours) {
            Thread.interrupted(); // the interrupt was ours, for this call: the thread's next call must not see it
        }
    }

    /**
     * Interrupts the call running in the instance, from any thread: the guest traps at its next interruption check
     * (the engine checks at calls and loop back-edges), and the caller gets a {@link WitTrapException} saying so.
     *
     * @return whether a call was running
     */
    public boolean interrupt() {
        return entry.interruptThis();
    }

    private synchronized boolean interruptThis() {
        return interrupt(calls, "interrupted by the host");
    }

    private synchronized boolean interrupt(long call, String reason) {
        if (runner == null || call != calls || interruption != null) {
            return false;
        }
        interruption = reason;
        runner.interrupt();
        return true;
    }

    /** Why witbind interrupted the running call, or null. */
    private synchronized String interruption() {
        return interruption;
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() > 0 ? timeout.toMillis() + " ms" : timeout.toNanos() + " ns";
    }

    /**
     * Whether the guest may call out to the host now: not while it runs the {@code realloc} the host called to
     * lower a value, nor while it runs a post-return (the Canonical ABI's {@code may_leave}).
     */
    public boolean mayLeave() {
        return mayLeave;
    }

    /**
     * Runs a post-return with the results it frees, while the guest may not call out (the Canonical ABI's
     * {@code may_leave}): after an export's results were lifted, by the host or by another component instance.
     */
    public void runPostReturn(PostReturn postReturn, long[] results) {
        forbidLeaving();
        try {
            postReturn.call(results);
        } finally {
            allowLeaving();
        }
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
        if (entry != this) {
            handles.endHostCall();
            return entry.poison(function, failure);
        }
        String interrupted = interruption();
        RuntimeException thrown = interrupted != null
                ? WitTrapException.in(function, interrupted, failure)
                : attribute(function, failure);
        poisonedBy = thrown.getMessage();
        // The instance is not entered again: the lends of a host call that failed half-way end here.
        handles.endHostCall();
        return thrown;
    }

    /**
     * Whether {@code failure} is a JVM-wide fatal one, which witbind lets through as it is (after poisoning the
     * instance): an {@link OutOfMemoryError} or another {@link VirtualMachineError}, but not a
     * {@link StackOverflowError}, which a guest's deep recursion causes and which leaves the JVM intact (it is a trap).
     * Everything else thrown out of a guest or a host function reaches the caller as one of witbind's exceptions.
     */
    public static boolean isFatal(Throwable failure) {
        return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
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
