package dev.witbind.wit.names;

import dev.witbind.wit.Excerpt;
import java.util.Optional;

/**
 * A Component Model name (or one of its parts) that does not follow the grammar. The message names the whole
 * input, the part that is wrong and why; {@link #suggestion()} offers a corrected name where one can be derived.
 */
public final class InvalidNameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final String part;
    private final String reason;
    private final String suggestion;

    InvalidNameException(String input, String part, String reason, String suggestion) {
        super(message(input, part, reason, suggestion));
        this.input = input;
        this.part = part;
        this.reason = reason;
        this.suggestion = suggestion;
    }

    private static String message(String input, String part, String reason, String suggestion) {
        // The input may be a guest's: every quoted piece is an excerpt (the parsers cut the parts and the reasons;
        // the accessors keep the input whole).
        String message = "invalid name '" + Excerpt.of(input) + "': " + part + " " + reason;
        return suggestion == null ? message : message + " (did you mean '" + Excerpt.of(suggestion) + "'?)";
    }

    /** The text that failed to parse. */
    public String input() {
        return input;
    }

    /** Which part is wrong, e.g. {@code "the version '0.2'"} or {@code "the namespace 'Wasi'"}. */
    public String part() {
        return part;
    }

    /** Why the part is wrong. */
    public String reason() {
        return reason;
    }

    /** A corrected version of the whole input, when one can be derived mechanically. */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }
}
