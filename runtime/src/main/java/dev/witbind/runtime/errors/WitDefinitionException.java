package dev.witbind.runtime.errors;

import dev.witbind.wit.WitException;

/** A definition the linker cannot accept: a name defined twice without shadowing, or a name used for two kinds. */
public final class WitDefinitionException extends WitException {
    private static final long serialVersionUID = 1L;

    public WitDefinitionException(String message) {
        super(message);
    }
}
