package dev.witbind.runtime.errors;

import dev.witbind.wit.WitException;

/**
 * A guest does not export what the host asked for: no export of that name, or one whose core type is not what the
 * requested WIT function type lifts to.
 */
public final class WitExportException extends WitException {
    private static final long serialVersionUID = 1L;

    private final String guestName;
    private final String export;

    public WitExportException(String guestName, String export, String problem) {
        super("guest '" + guestName + "' " + problem);
        this.guestName = guestName;
        this.export = export;
    }

    public String guestName() {
        return guestName;
    }

    /** The export that was asked for. */
    public String export() {
        return export;
    }
}
