package dev.witbind.wit.wave;

import dev.witbind.wit.WitException;

/**
 * WAVE text that does not parse as a value of the expected WIT type, or a Java value that has no WAVE text. The
 * message names the type, says what was found and where (a character offset into the text, and a short excerpt).
 */
public final class WaveException extends WitException {
    private static final long serialVersionUID = 1L;

    /** Where in the text the problem is, in characters from its start; -1 for a value that cannot be printed. */
    private final int offset;

    WaveException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** The character offset into the parsed text where the problem is; -1 when printing failed. */
    public int offset() {
        return offset;
    }
}
