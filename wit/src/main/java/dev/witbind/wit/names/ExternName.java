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

    /**
     * The key two names of one scope must not share (the Explainer's "strongly-unique" rule): the name lowercased,
     * with {@code [method]r.m} and {@code [static]r.m} as {@code r.m}, and {@code [method]r.r} and
     * {@code [static]r.r} as {@code r}, the name of the resource itself. So {@code [method]foo.bar} and
     * {@code [static]foo.BAR} clash, as do {@code [method]foo.foo} and the resource {@code foo}.
     */
    String uniquenessKey();

    /** The name in its canonical text form, equal to the parsed input. */
    @Override
    String toString();
}
