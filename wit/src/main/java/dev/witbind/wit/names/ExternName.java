package dev.witbind.wit.names;

import java.util.Optional;

/**
 * A Component Model import or export name ({@code externname} in the Explainer): either a {@link PlainName}
 * ({@code log}, {@code [method]bucket.get}) or an {@link InterfaceName} ({@code wasi:io/streams@0.2.1}).
 */
public sealed interface ExternName permits PlainName, InterfaceName {

    /**
     * Parses and validates a name.
     *
     * @throws InvalidNameException naming the part that is wrong and why
     */
    static ExternName parse(String text) {
        return text.indexOf(':') >= 0 || text.indexOf('/') >= 0 || text.indexOf('@') >= 0
                ? InterfaceName.parse(text)
                : PlainName.parse(text);
    }

    /**
     * The name's compatibility track ({@link CompatibilityTrack}): for an interface name with a version on a track,
     * e.g. {@code wasi:io/streams@0.2}; empty for every other name.
     */
    Optional<String> compatibilityTrack();

    /** The name in its canonical text form, equal to the parsed input. */
    @Override
    String toString();
}
