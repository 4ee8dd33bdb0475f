package dev.witbind.wit.parser.resolve;

import dev.witbind.wit.parser.SourceLocation;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names defined in one scope (an interface's types and functions, a record's fields, a function's
 * parameters, ...). The Component Model requires them to differ ignoring case, so {@code get-URL} and
 * {@code get-url} clash.
 */
final class NameTable {
    private record Entry(String name, SourceLocation location) {}

    private final Errors errors;
    private final String scope;
    private final Map<String, Entry> entries = new HashMap<>();

    /** {@code scope} completes "'x' is defined twice in ...", e.g. {@code "interface 'types'"}. */
    NameTable(Errors errors, String scope) {
        this.errors = errors;
        this.scope = scope;
    }

    void define(String name, SourceLocation location) {
        Entry previous = entries.putIfAbsent(name.toLowerCase(Locale.ROOT), new Entry(name, location));
        if (previous == null) {
            return;
        }
        if (previous.name().equals(name)) {
            throw errors.at(location, "'" + name + "' is defined twice in " + scope + " (first at "
                    + previous.location() + ")");
        }
        throw errors.at(location, "'" + name + "' clashes with '" + previous.name() + "' in " + scope + " (at "
                + previous.location() + "): names must differ ignoring case");
    }

    boolean contains(String name) {
        return entries.containsKey(name.toLowerCase(Locale.ROOT));
    }
}
