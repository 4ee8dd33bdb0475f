package dev.witbind.wit.parser;

import java.util.Objects;

/**
 * A place in a WIT source: the file's path as the loader named it, and a 1-based line and column (columns count
 * Unicode code points, so a caret lines up under non-ASCII text). Line and column are 0 for problems that concern
 * a whole file, such as one that cannot be read.
 */
public record SourceLocation(String path, int line, int column) {
    public SourceLocation {
        Objects.requireNonNull(path, "path");
    }

    /** A location for a whole file. */
    public static SourceLocation file(String path) {
        return new SourceLocation(path, 0, 0);
    }

    /** {@code path:line:column}, or just the path for a whole-file location. */
    @Override
    public String toString() {
        return line == 0 ? path : path + ":" + line + ":" + column;
    }
}
