package dev.witbind.runtime.errors;

import dev.witbind.wit.WitException;
import java.util.Optional;

/**
 * A guest broke a Canonical ABI rule (invalid UTF-8, an out-of-bounds or misaligned pointer, an invalid
 * {@code char}, ...) or trapped itself. The call is abandoned; nothing was written past the fault. The guest
 * instance that trapped cannot be entered again, while the host and other instances stay usable.
 */
public final class WitTrapException extends WitException {
    private static final long serialVersionUID = 1L;

    private final String function;
    private final String reason;

    /** A trap whose function is not known yet; the caller that knows it adds it with {@link #in(String)}. */
    public WitTrapException(String reason) {
        this(reason, (Throwable) null);
    }

    /** A trap whose function is not known yet, caused by {@code cause} (an engine's own trap, say). */
    public WitTrapException(String reason, Throwable cause) {
        super("trap: " + reason, cause);
        this.function = null;
        this.reason = reason;
    }

    private WitTrapException(String function, String reason, Throwable cause) {
        super("trap in " + function + ": " + reason, cause);
        this.function = function;
        this.reason = reason;
    }

    /** A trap in the named function, e.g. {@code example:greeter/host@0.2.1#log} or export {@code run}. */
    public static WitTrapException in(String function, String reason, Throwable cause) {
        return new WitTrapException(function, reason, cause);
    }

    /** This trap, attributed to {@code function} unless it already names one. */
    public WitTrapException in(String function) {
        return this.function != null ? this : new WitTrapException(function, reason, this);
    }

    /** The function the trap happened in, once known. */
    public Optional<String> function() {
        return Optional.ofNullable(function);
    }

    /** What the guest did wrong. */
    public String reason() {
        return reason;
    }
}
