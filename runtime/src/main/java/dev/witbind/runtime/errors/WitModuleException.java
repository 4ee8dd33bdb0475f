package dev.witbind.runtime.errors;

import dev.witbind.wit.WitException;

/**
 * The bytes given as a guest are not a WebAssembly core module that witbind can run: not a module at all, a module
 * the engine finds invalid (the message carries the engine's reason), or one that uses a feature witbind refuses.
 */
public final class WitModuleException extends WitException {
    private static final long serialVersionUID = 1L;

    private final String guestName;

    public WitModuleException(String guestName, String problem, Throwable cause) {
        super("guest '" + guestName + "' is " + problem, cause);
        this.guestName = guestName;
    }

    public String guestName() {
        return guestName;
    }
}
