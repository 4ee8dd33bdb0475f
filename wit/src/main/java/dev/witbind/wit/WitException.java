package dev.witbind.wit;

/**
 * The root of every exception witbind throws because of what it was handed: WIT that does not parse or resolve, a
 * binary that is not a module or component witbind can run, a guest that does not link, traps or misuses the
 * Canonical ABI, a host function that fails. A service that isolates plugins from each other catches this one type.
 *
 * <p>Mistakes in the host's own code are not in this family: a {@code null} argument is a
 * {@link NullPointerException}, a malformed name the host passes to the linker an
 * {@link dev.witbind.wit.names.InvalidNameException} (an {@link IllegalArgumentException}), as in any Java API.
 */
public abstract class WitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected WitException(String message) {
        super(message);
    }

    protected WitException(String message, Throwable cause) {
        super(message, cause);
    }
}
