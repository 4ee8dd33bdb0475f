package dev.witbind.runtime;

/** The root of the exceptions witbind throws at run time. */
public abstract class WitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected WitException(String message) {
        super(message);
    }

    protected WitException(String message, Throwable cause) {
        super(message, cause);
    }
}
