package dev.witbind.wit.names;

import java.util.Optional;

/**
 * The compatibility track of a name: the one rule that both the processor (at compile time) and the linker
 * (at run time) use to decide which versions of an interface stand in for each other.
 *
 * <p>It is Wasmtime's {@code alternate_lookup_key} (unchanged since Wasmtime 19): a name without {@code '@'} has
 * no track; otherwise the text after {@code '@'} must be a strict SemVer version, and the track is the text
 * before it followed by {@code @MAJOR} (for {@code MAJOR >= 1}) or {@code @0.MINOR} (for {@code 0.MINOR.x},
 * {@code MINOR >= 1}). {@code 0.0.x}, prereleases and versions that are not full SemVer have no track, so they
 * only ever match exactly.
 */
public final class CompatibilityTrack {
    private CompatibilityTrack() {}

    /** The track of any name, e.g. {@code "x:y/z@0.2"} for {@code "x:y/z@0.2.3+abc"}; empty when it has none. */
    public static Optional<String> of(String name) {
        int at = name.indexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String base = name.substring(0, at);
        return Version.tryParse(name.substring(at + 1))
                .flatMap(Version::trackSuffix)
                .map(suffix -> base + "@" + suffix);
    }

    /** The version part of a name, when it has a strict SemVer one. */
    public static Optional<Version> versionOf(String name) {
        int at = name.indexOf('@');
        return at < 0 ? Optional.empty() : Version.tryParse(name.substring(at + 1));
    }
}
