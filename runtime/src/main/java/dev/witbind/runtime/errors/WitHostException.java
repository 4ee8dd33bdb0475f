package dev.witbind.runtime.errors;

import dev.witbind.wit.WitException;

/**
 * A host function's Java implementation threw, or returned a value that cannot be given to the guest (a
 * {@code String} with an unpaired surrogate, an invalid {@code char}); or a host factory threw while a guest was
 * instantiated. The guest call (or the instantiation) is abandoned; the Java exception is the cause.
 */
public final class WitHostException extends WitException {
    private static final long serialVersionUID = 1L;

    private final String function;

    public WitHostException(String function, String problem, Throwable cause) {
        this(cause, function, "host function " + function + " " + problem);
    }

    private WitHostException(Throwable cause, String function, String message) {
        super(message, cause);
        this.function = function;
    }

    /** A host factory, called to make the implementation of {@code interfaceName} for a new instance, threw. */
    public static WitHostException factoryFailed(String interfaceName, String guestName, Throwable cause) {
        return new WitHostException(cause, interfaceName, "the host factory of " + interfaceName + " threw " + cause
                + " while guest '" + guestName + "' was instantiated");
    }

    /**
     * The host function, e.g. {@code example:greeter/host@0.2.1#greet}; for a failed host factory, the interface
     * it makes implementations of.
     */
    public String function() {
        return function;
    }
}
