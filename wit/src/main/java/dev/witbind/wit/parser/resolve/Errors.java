package dev.witbind.wit.parser.resolve;

import dev.witbind.wit.parser.SourceLocation;
import dev.witbind.wit.parser.SourceText;
import dev.witbind.wit.parser.WitParseException;
import java.util.Map;

/** Makes resolution errors with the same excerpt-and-caret rendering as syntax errors. */
final class Errors {
    private final Map<String, SourceText> sources;

    Errors(Map<String, SourceText> sources) {
        this.sources = Map.copyOf(sources);
    }

    WitParseException at(SourceLocation location, String reason) {
        SourceText source = sources.get(location.path());
        String excerpt = source == null ? "" : source.excerpt(location);
        return new WitParseException(WitParseException.Kind.RESOLVE, location, reason, excerpt);
    }
}
