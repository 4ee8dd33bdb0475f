package dev.witbind.wit.parser;

import dev.witbind.wit.WitException;
import java.util.Objects;

/**
 * The only exception the WIT parser throws on bad input: a file that cannot be read, text that is not WIT, or WIT
 * that does not resolve. It names the file, line and column, says what is wrong, and carries an excerpt of the
 * line with a caret under the column.
 *
 * <p>{@link #getMessage()} is the whole report ({@code path:line:column: reason} and the excerpt);
 * {@link #reason()} is the sentence alone, for tests and for callers that render their own diagnostics.
 */
public final class WitParseException extends WitException {
    private static final long serialVersionUID = 1L;

    /** Which stage found the problem. */
    public enum Kind {
        /** A file or directory could not be read. */
        IO,
        /** The text does not follow the WIT grammar (including unsupported gated features). */
        SYNTAX,
        /** The text parses, but names, types, packages or worlds do not resolve. */
        RESOLVE
    }

    private final Kind kind;
    private final transient SourceLocation location;
    private final String reason;
    private final String excerpt;

    public WitParseException(Kind kind, SourceLocation location, String reason, String excerpt) {
        super(render(location, reason, excerpt));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.location = Objects.requireNonNull(location, "location");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.excerpt = Objects.requireNonNull(excerpt, "excerpt");
    }

    private static String render(SourceLocation location, String reason, String excerpt) {
        String head = location + ": " + reason;
        return excerpt.isEmpty() ? head : head + "\n" + excerpt;
    }

    public Kind kind() {
        return kind;
    }

    public SourceLocation location() {
        return location;
    }

    public String path() {
        return location.path();
    }

    /** 1-based; 0 when the problem concerns a whole file. */
    public int line() {
        return location.line();
    }

    /** 1-based, in code points; 0 when the problem concerns a whole file. */
    public int column() {
        return location.column();
    }

    /** What is wrong, without the location and excerpt. */
    public String reason() {
        return reason;
    }

    /** The offending line with a caret under the column; empty for whole-file problems. */
    public String excerpt() {
        return excerpt;
    }
}
