package dev.witbind.runtime;

/**
 * A host function's Java implementation threw, or returned a value that cannot be given to the guest (a
 * {@code String} with an unpaired surrogate, an invalid {@code char}). The guest call is abandoned; the
 * Java exception is the cause.
 */
public final class WitHostException extends WitException {
    private static final long serialVersionUID = 1L;

    private final String function;

    public WitHostException(String function, String problem, Throwable cause) {
        super("host function " + function + " " + problem, cause);
        this.function = function;
    }

    /** The host function, e.g. {@code example:greeter/host@0.2.1#greet}. */
    public String function() {
        return function;
    }
}
