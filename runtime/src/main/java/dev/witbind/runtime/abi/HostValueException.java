package dev.witbind.runtime.abi;

/**
 * A value a host function returned that the Canonical ABI cannot give to the guest: a {@code String} with an
 * unpaired surrogate, an {@code int} that is not a Unicode scalar value where a {@code char} is expected. The
 * engine adapter turns it into a {@link WitHostException} naming the function.
 */
public final class HostValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public HostValueException(String problem) {
        super(problem);
    }
}
