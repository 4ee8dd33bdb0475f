package dev.witbind.wit.names;

import java.util.Optional;
import org.semver4j.Semver;

/**
 * A strict SemVer 2.0 version as it appears after {@code '@'} in an interface name: all three numbers, no leading
 * zeros, no {@code v} prefix, optional prerelease and build metadata. Parsing is semver4j's; the extra checks here
 * reject the lenient inputs semver4j accepts ({@code v1.2.3}, surrounding whitespace).
 *
 * <p>Ordering is SemVer precedence; two versions that differ only in build metadata are ordered by their text so
 * that "the highest version on a track" never depends on insertion order.
 */
public final class Version implements Comparable<Version> {
    private final Semver semver;
    private final String text;

    private Version(Semver semver, String text) {
        this.semver = semver;
        this.text = text;
    }

    /**
     * Parses a strict SemVer 2.0 version.
     *
     * @throws InvalidNameException saying why the text is not one and, where possible, suggesting a fix
     */
    public static Version parse(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new InvalidNameException(text, "the version '" + text + "'", problem, suggestionFor(text));
        }
        return new Version(Semver.parse(text), text);
    }

    /** The version, or empty when {@code text} is not a strict SemVer 2.0 version. */
    public static Optional<Version> tryParse(String text) {
        return problem(text) == null ? Optional.of(new Version(Semver.parse(text), text)) : Optional.empty();
    }

    private static String problem(String text) {
        if (text.isEmpty()) {
            return "is empty";
        }
        if (text.charAt(0) == 'v' || text.charAt(0) == 'V') {
            return "has a 'v' prefix, which SemVer does not allow";
        }
        if (!Character.isDigit(text.charAt(0)) || !Character.isLetterOrDigit(text.charAt(text.length() - 1))) {
            return "must start with a digit and end with a letter or digit";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || c == '.' || c == '-' || c == '+';
            if (!allowed) {
                return "contains '" + c + "'; SemVer allows only ASCII letters, digits, '.', '-' and '+'";
            }
        }
        String core = text.split("[-+]", 2)[0];
        String[] numbers = core.split("\\.", -1);
        if (numbers.length != 3) {
            return "is not MAJOR.MINOR.PATCH: SemVer needs all three numbers";
        }
        for (String number : numbers) {
            if (number.length() > 1 && number.charAt(0) == '0') {
                return "has the number '" + number + "' with a leading zero";
            }
        }
        if (Semver.parse(text) == null) {
            return "is not a valid SemVer 2.0 version (numbers must fit in an int; prerelease and build "
                    + "identifiers are non-empty, and numeric prerelease identifiers have no leading zeros)";
        }
        return null;
    }

    /** A mechanically corrected version, or {@code null}. */
    static String suggestionFor(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("v") || trimmed.startsWith("V")) {
            trimmed = trimmed.substring(1);
        }
        String[] coreAndRest = trimmed.split("(?=[-+])", 2);
        String[] numbers = coreAndRest[0].split("\\.", -1);
        if (numbers.length == 0 || numbers.length > 3) {
            return null;
        }
        StringBuilder fixed = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String number = i < numbers.length ? numbers[i] : "0";
            if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
                return null;
            }
            String stripped = number.replaceFirst("^0+(?=\\d)", "");
            fixed.append(i == 0 ? "" : ".").append(stripped);
        }
        if (coreAndRest.length > 1) {
            fixed.append(coreAndRest[1]);
        }
        String suggestion = fixed.toString();
        return !suggestion.equals(text) && problem(suggestion) == null ? suggestion : null;
    }

    public int major() {
        return semver.getMajor();
    }

    public int minor() {
        return semver.getMinor();
    }

    public int patch() {
        return semver.getPatch();
    }

    public boolean isPrerelease() {
        return !semver.getPreRelease().isEmpty();
    }

    /**
     * The compatibility-track suffix of this version, Wasmtime's rule: {@code MAJOR} for {@code MAJOR >= 1},
     * {@code 0.MINOR} for {@code 0.MINOR.x} with {@code MINOR >= 1}, and none for {@code 0.0.x} and for every
     * prerelease. Build metadata is ignored.
     */
    public Optional<String> trackSuffix() {
        if (isPrerelease()) {
            return Optional.empty();
        }
        if (major() > 0) {
            return Optional.of(Integer.toString(major()));
        }
        if (minor() > 0) {
            return Optional.of("0." + minor());
        }
        return Optional.empty();
    }

    @Override
    public int compareTo(Version other) {
        int precedence = semver.compareTo(other.semver);
        return precedence != 0 ? precedence : text.compareTo(other.text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Version version && version.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The version exactly as written. */
    @Override
    public String toString() {
        return text;
    }
}
