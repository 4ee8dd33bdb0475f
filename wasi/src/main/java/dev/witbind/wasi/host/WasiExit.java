package dev.witbind.wasi.host;

/**
 * How {@code wasi:cli/exit} ends a guest: the WASI host throws it from {@code exit} or {@code exit-with-code}, the
 * guest unwinds (its instance is then poisoned, as after any host failure: a program that exited is done), and
 * the caller finds it as the cause of the {@code WitHostException} that the call threw. {@code Wasi.run}
 * turns it into the exit status.
 */
public final class WasiExit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public WasiExit(int status) {
        super("the guest exited with status " + status, null, false, false);
        this.status = status;
    }

    /** The exit status: 0 for {@code exit(ok)}, 1 for {@code exit(err)}, the code of {@code exit-with-code}. */
    public int status() {
        return status;
    }
}
