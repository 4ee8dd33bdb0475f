package dev.witbind.wit.parser;

import java.util.Objects;

/**
 * One WIT file's text and the path that errors name it by (for files read from disk, the path as given to the
 * loader; for in-memory sources, any descriptive name).
 */
public record WitSource(String path, String text) {
    public WitSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
