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
 *
 * <p>A track's key is itself a name: {@code x:y/z@0.2} is the canonical interface name of every {@code 0.2.x}
 * (Explainer, "Canonical Interface Name"). Such a name has no track of its own here (Wasmtime's rule, unchanged);
 * {@link #namedBy} says which track it stands for, and {@link NameMap} uses that to match canonical names.
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
        String plain = plainTrackSuffix(name, at + 1);
        if (plain != null) {
            return plain.isEmpty() ? Optional.empty() : Optional.of(base + "@" + plain);
        }
        return Version.tryParse(name.substring(at + 1)).flatMap(version -> of(base, version));
    }

    /** The track of {@code unversioned@version}, for a name whose version is already parsed. */
    public static Optional<String> of(String unversioned, Version version) {
        return version.trackSuffix().map(suffix -> unversioned + "@" + suffix);
    }

    /**
     * The track of the release a prerelease version precedes ({@code x:y/z@0.2} for {@code 0.2.2-rc.1},
     * {@code x:y/z@1} for {@code 1.2.0-rc.1}): where witbind's opt-in prerelease tracks look up a prerelease request
     * that has no exact match, so that a host of the release (or of any version on its track) serves it. Empty for a
     * release (whose track is {@link #of(String, Version)}) and for a prerelease of {@code 0.0.x}. A prerelease
     * <em>definition</em> is never placed on a track, so release candidates never stand in for each other.
     */
    public static Optional<String> ofRelease(String unversioned, Version prerelease) {
        if (!prerelease.isPrerelease()) {
            return Optional.empty();
        }
        return Version.tryParse(Long.toUnsignedString(prerelease.major()) + "." + Long.toUnsignedString(prerelease.minor())
                        + "." + Long.toUnsignedString(prerelease.patch()))
                .flatMap(release -> of(unversioned, release));
    }

    /**
     * The fast path of {@link #of} for the versions linkers see all the time, plain {@code MAJOR.MINOR.PATCH}
     * without prerelease or build: the track suffix, {@code ""} for none (0.0.x), or {@code null} for anything
     * else (leading zeros, long numbers, prereleases, build metadata), which the full SemVer parse decides. A
     * guest's every import asks for its interface's track, and the full parse costs microseconds.
     */
    private static String plainTrackSuffix(String name, int from) {
        int[] numbers = new int[3];
        int part = 0;
        int digits = 0;
        for (int i = from; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= '0' && c <= '9') {
                if ((digits > 0 && numbers[part] == 0) || ++digits > 9) {
                    return null; // a leading zero, or a number that might not fit an int
                }
                numbers[part] = numbers[part] * 10 + (c - '0');
            } else if (c == '.' && digits > 0 && part < 2) {
                part++;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 2 || digits == 0) {
            return null;
        }
        if (numbers[0] > 0) {
            return Integer.toString(numbers[0]);
        }
        return numbers[1] > 0 ? "0." + numbers[1] : "";
    }

    /**
     * The track a canonical name stands for: the name itself, when its version is a canonversion that is not also
     * SemVer ({@code x:y/z@1}, {@code x:y/z@0.2}); empty for every other name ({@code x:y/z@0.0.1} is SemVer and
     * matches only exactly, as Wasmtime's rule says).
     */
    public static Optional<String> namedBy(String name) {
        int at = name.indexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String version = name.substring(at + 1);
        return CanonicalVersion.matches(version) && !version.startsWith("0.0.") ? Optional.of(name) : Optional.empty();
    }

    /** The version part of a name, when it has a strict SemVer one. */
    public static Optional<Version> versionOf(String name) {
        int at = name.indexOf('@');
        return at < 0 ? Optional.empty() : Version.tryParse(name.substring(at + 1));
    }
}
