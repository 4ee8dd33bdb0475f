package dev.witbind.runtime.errors;

import dev.witbind.wit.WitException;

/**
 * A class registered with the linker has no usable generated bindings: it is not annotated, the witbind annotation
 * processor did not run when it was compiled, or its bindings cannot be loaded. The message says which, and how to
 * fix the build.
 */
public final class WitBindingsException extends WitException {
    private static final long serialVersionUID = 1L;

    public WitBindingsException(String message) {
        super(message);
    }

    public WitBindingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
