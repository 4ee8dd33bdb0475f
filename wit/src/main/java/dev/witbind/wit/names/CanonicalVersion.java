package dev.witbind.wit.names;

import dev.witbind.wit.Excerpt;
import java.util.Optional;

/**
 * A {@code canonversion} of the Explainer ("Canonical Interface Name", 🔗): a version cut to its compatibility track,
 * {@code 1}, {@code 0.2} or {@code 0.0.1}. This class holds the one implementation of its grammar:
 *
 * <pre>
 * canonversion ::= [1-9] [0-9]*  |  '0.' [1-9] [0-9]*  |  '0.0.' [1-9] [0-9]*  |  '0.0.0'
 * </pre>
 *
 * so {@code 0}, {@code 01}, {@code 0.0}, {@code 0.02} and {@code 1.2} are not canonversions. Its number is at most
 * 2^64-1, as {@link Version}'s are: a canonversion is the head of a SemVer version (what {@link #of(Version)} cuts
 * and {@link #withSuffix} joins back), and no SemVer version has a larger one. A canonversion is not
 * a SemVer version: it prints as written ({@code 0.2}, never {@code 0.2.0}). {@code 0.0.x} texts are both, and
 * {@link InterfaceName} keeps reading them as SemVer (their track is none either way).
 */
public final class CanonicalVersion {
    private static final String MAX_NUMBER = Long.toUnsignedString(-1L);

    private final String text;

    private CanonicalVersion(String text) {
        this.text = text;
    }

    /**
     * Parses a canonversion.
     *
     * @throws InvalidNameException saying why {@code text} is not one
     */
    public static CanonicalVersion parse(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new InvalidNameException(text, "the version '" + Excerpt.of(text) + "'", problem, null);
        }
        return new CanonicalVersion(text);
    }

    /** The canonversion, or empty when {@code text} is not one. */
    public static Optional<CanonicalVersion> tryParse(String text) {
        return problem(text) == null ? Optional.of(new CanonicalVersion(text)) : Optional.empty();
    }

    /** Whether {@code text} matches the {@code canonversion} production. */
    public static boolean matches(String text) {
        return problem(text) == null;
    }

    /**
     * The canonversion of a SemVer version, the Explainer's split: after {@code MAJOR} when it is not 0
     * ({@code 1.2.3 -> 1}), else after {@code MINOR} when it is not 0 ({@code 0.2.6-rc.1 -> 0.2}), else after
     * {@code PATCH} ({@code 0.0.1-alpha -> 0.0.1}).
     */
    public static CanonicalVersion of(Version version) {
        if (version.major() != 0) {
            return new CanonicalVersion(Long.toUnsignedString(version.major()));
        }
        if (version.minor() != 0) {
            return new CanonicalVersion("0." + Long.toUnsignedString(version.minor()));
        }
        return new CanonicalVersion("0.0." + Long.toUnsignedString(version.patch()));
    }

    /** The {@code semversuffix} the split of {@link #of(Version)} leaves: {@code .2.3} of {@code 1.2.3}. */
    public static String suffixOf(Version version) {
        return version.toString().substring(of(version).text.length());
    }

    /**
     * The full version a component named with this canonversion and a {@code versionsuffix} attribute was built
     * against: {@code 0.2} and {@code .6} make {@code 0.2.6}.
     *
     * @throws InvalidNameException when the two do not make a valid SemVer version (Binary.md's rule)
     */
    public Version withSuffix(String suffix) {
        String joined = text + suffix;
        return Version.tryParse(joined).orElseThrow(() -> new InvalidNameException(joined, "the version suffix '"
                + Excerpt.of(suffix) + "'", "does not make the canonical version " + text + " a valid SemVer version",
                null));
    }

    /** Why {@code text} is not a canonversion, or {@code null} when it is one. */
    private static String problem(String text) {
        // The three prefixes the production allows before its last number: '', '0.' and '0.0.'.
        int start = text.startsWith("0.0.") ? 4 : text.startsWith("0.") ? 2 : 0;
        if (start == 4 && text.length() == 5 && text.charAt(4) == '0') {
            return null; // '0.0.0', the one canonversion whose last number is 0
        }
        if (start == text.length()) {
            return text.isEmpty() ? "is empty" : "ends with '.'; a canonversion is 1, 0.2 or 0.0.1";
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return c == '.'
                        ? "has more numbers than a canonversion (MAJOR, 0.MINOR or 0.0.PATCH) keeps"
                        : "contains '" + c + "'; a canonversion is only digits and dots";
            }
        }
        String number = text.substring(start);
        if (number.length() > MAX_NUMBER.length()
                || (number.length() == MAX_NUMBER.length() && number.compareTo(MAX_NUMBER) > 0)) {
            return "has a number larger than " + MAX_NUMBER + " (2^64-1)";
        }
        if (text.charAt(start) == '0') {
            return start == 0 && text.length() == 1
                    ? "is 0; the canonversion of 0.x versions is 0.MINOR (or 0.0.PATCH)"
                    : "has a number with a leading zero, or 0 where the canonversion would keep the next number";
        }
        return null;
    }

    /** The canonversion as written. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CanonicalVersion version && version.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
