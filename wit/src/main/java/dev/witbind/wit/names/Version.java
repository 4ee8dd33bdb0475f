package dev.witbind.wit.names;

import dev.witbind.wit.Excerpt;
import java.util.Optional;

/**
 * A strict SemVer 2.0 version as it appears after {@code '@'} in an interface name: all three numbers (each at most
 * 2^64-1, no leading zeros), no {@code v} prefix, optional prerelease and build metadata. Every text that SemVer 2.0
 * allows is accepted, {@code 1.0.1--} and {@code 1.0.0-0A.is.legal} included.
 *
 * <p>Parsing is one pass over the text, without recursion or regular expressions, so its time is linear in the
 * length of the text whatever the input.
 *
 * <p>Ordering is the Rust {@code semver} crate's (what wasm-tools and Wasmtime use): SemVer precedence (numbers,
 * then a prerelease before its release, prerelease identifiers left to right, numeric ones compared as numbers of
 * any size and below alphanumeric ones), then build metadata, which SemVer leaves unordered but the crate orders
 * the same way, numeric identifiers by value and then by length ({@code +9 < +10}, {@code +1 < +01}). So two
 * versions compare equal exactly when their texts are equal, and "the highest version on a track" never depends on
 * insertion order.
 */
public final class Version implements Comparable<Version> {
    private static final String MAX_NUMBER = Long.toUnsignedString(-1L);

    private final long major;
    private final long minor;
    private final long patch;
    private final String prerelease;
    private final String build;
    private final String text;

    private Version(long major, long minor, long patch, String prerelease, String build, String text) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = prerelease;
        this.build = build;
        this.text = text;
    }

    /**
     * Parses a strict SemVer 2.0 version.
     *
     * @throws InvalidNameException saying why the text is not one and, where possible, suggesting a fix
     */
    public static Version parse(String text) {
        Parser parser = new Parser(text);
        Version version = parser.parse();
        if (version == null) {
            throw new InvalidNameException(text, "the version '" + Excerpt.of(text) + "'", parser.problem, suggestionFor(text));
        }
        return version;
    }

    /** The version, or empty when {@code text} is not a strict SemVer 2.0 version. */
    public static Optional<Version> tryParse(String text) {
        return Optional.ofNullable(new Parser(text).parse());
    }

    /** Why {@code text} is not a version, or {@code null} when it is one. */
    private static String problem(String text) {
        Parser parser = new Parser(text);
        return parser.parse() == null ? parser.problem : null;
    }

    /** One pass over the text; {@link #parse()} returns null and sets {@link #problem} at the first error. */
    private static final class Parser {
        private final String text;
        private int position;
        String problem;

        Parser(String text) {
            this.text = text;
        }

        Version parse() {
            if (text.isEmpty()) {
                return fail("is empty");
            }
            char first = text.charAt(0);
            if (first == 'v' || first == 'V') {
                return fail("has a 'v' prefix, which SemVer does not allow");
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!isIdentifierChar(c) && c != '.' && c != '+') {
                    return fail("contains '" + c + "'; SemVer allows only ASCII letters, digits, '.', '-' and '+'");
                }
            }
            if (!isDigit(first)) {
                return fail("must start with a digit (MAJOR.MINOR.PATCH)");
            }
            long[] numbers = new long[3];
            for (int i = 0; i < 3; i++) {
                if (i > 0) {
                    if (position >= text.length() || text.charAt(position) != '.') {
                        return fail("is not MAJOR.MINOR.PATCH: SemVer needs all three numbers");
                    }
                    position++;
                }
                int start = position;
                while (position < text.length() && isDigit(text.charAt(position))) {
                    position++;
                }
                String number = text.substring(start, position);
                if (number.isEmpty()) {
                    return fail("is not MAJOR.MINOR.PATCH: SemVer needs all three numbers");
                }
                if (number.length() > 1 && number.charAt(0) == '0') {
                    return fail("has the number '" + Excerpt.of(number) + "' with a leading zero");
                }
                if (!fitsInUnsignedLong(number)) {
                    return fail("has the number '" + Excerpt.of(number) + "', which is larger than " + MAX_NUMBER + " (2^64-1)");
                }
                numbers[i] = Long.parseUnsignedLong(number);
            }
            String prerelease = "";
            String build = "";
            if (position < text.length() && text.charAt(position) == '.') {
                return fail("is not MAJOR.MINOR.PATCH: SemVer needs all three numbers");
            }
            if (position < text.length() && text.charAt(position) == '-') {
                position++;
                int start = position;
                if (!identifiers("prerelease", true)) {
                    return null;
                }
                prerelease = text.substring(start, position);
            }
            if (position < text.length() && text.charAt(position) == '+') {
                position++;
                int start = position;
                if (!identifiers("build metadata", false)) {
                    return null;
                }
                build = text.substring(start, position);
            }
            if (position < text.length()) {
                char c = text.charAt(position);
                return fail(c == '+'
                        ? "has a second '+'; build metadata is dot-separated identifiers of letters, digits and '-'"
                        : "has '" + c + "' after the patch number; a prerelease starts with '-' and build metadata "
                                + "with '+'");
            }
            return new Version(numbers[0], numbers[1], numbers[2], prerelease, build, text);
        }

        /** Dot-separated non-empty identifiers up to a '+' or the end; numeric prerelease ones have no leading 0. */
        private boolean identifiers(String what, boolean numericWithoutLeadingZero) {
            while (true) {
                int start = position;
                boolean numeric = true;
                while (position < text.length() && isIdentifierChar(text.charAt(position))) {
                    numeric &= isDigit(text.charAt(position));
                    position++;
                }
                if (position == start) {
                    fail("has an empty " + what + " identifier (" + what + " is dot-separated identifiers of "
                            + "letters, digits and '-')");
                    return false;
                }
                if (numericWithoutLeadingZero && numeric && position - start > 1 && text.charAt(start) == '0') {
                    fail("has the numeric " + what + " identifier '" + Excerpt.of(text.substring(start, position))
                            + "' with a leading zero");
                    return false;
                }
                if (position < text.length() && text.charAt(position) == '.') {
                    position++;
                    continue;
                }
                return true;
            }
        }

        private Version fail(String reason) {
            problem = reason;
            return null;
        }

        private static boolean fitsInUnsignedLong(String digits) {
            return digits.length() < MAX_NUMBER.length()
                    || (digits.length() == MAX_NUMBER.length() && digits.compareTo(MAX_NUMBER) <= 0);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierChar(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    /** A mechanically corrected version, or {@code null}. */
    static String suggestionFor(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("v") || trimmed.startsWith("V")) {
            trimmed = trimmed.substring(1);
        }
        int coreEnd = 0;
        while (coreEnd < trimmed.length() && trimmed.charAt(coreEnd) != '-' && trimmed.charAt(coreEnd) != '+') {
            coreEnd++;
        }
        String[] numbers = trimmed.substring(0, coreEnd).split("\\.", -1);
        if (numbers.length == 0 || numbers.length > 3) {
            return null;
        }
        StringBuilder fixed = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String number = i < numbers.length ? numbers[i] : "0";
            if (number.isEmpty() || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int nonZero = 0;
            while (nonZero < number.length() - 1 && number.charAt(nonZero) == '0') {
                nonZero++;
            }
            fixed.append(i == 0 ? "" : ".").append(number, nonZero, number.length());
        }
        fixed.append(trimmed, coreEnd, trimmed.length());
        String suggestion = fixed.toString();
        return !suggestion.equals(text) && problem(suggestion) == null ? suggestion : null;
    }

    /** The major number; numbers are unsigned 64-bit, so one above {@link Long#MAX_VALUE} reads as negative. */
    public long major() {
        return major;
    }

    /** The minor number, unsigned as {@link #major()}. */
    public long minor() {
        return minor;
    }

    /** The patch number, unsigned as {@link #major()}. */
    public long patch() {
        return patch;
    }

    /** The prerelease identifiers after {@code '-'} as written, e.g. {@code rc.1}; empty for a release. */
    public String prerelease() {
        return prerelease;
    }

    /** The build metadata after {@code '+'} as written; empty when there is none. */
    public String build() {
        return build;
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
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
        if (major != 0) {
            return Optional.of(Long.toUnsignedString(major));
        }
        if (minor != 0) {
            return Optional.of("0." + Long.toUnsignedString(minor));
        }
        return Optional.empty();
    }

    @Override
    public int compareTo(Version other) {
        int order = comparePrecedence(other);
        if (order == 0) {
            order = compareIdentifiers(build, other.build, true);
        }
        return order;
    }

    /**
     * SemVer precedence (SemVer 2.0, item 11): {@link #compareTo} without build metadata, which SemVer says does not
     * take part in it; so {@code 0.2.1+a} and {@code 0.2.1+b} have the same precedence.
     */
    public int comparePrecedence(Version other) {
        int order = Long.compareUnsigned(major, other.major);
        if (order == 0) {
            order = Long.compareUnsigned(minor, other.minor);
        }
        if (order == 0) {
            order = Long.compareUnsigned(patch, other.patch);
        }
        return order == 0 ? comparePrerelease(prerelease, other.prerelease) : order;
    }

    /** A release ranks above every prerelease of it. */
    private static int comparePrerelease(String left, String right) {
        if (left.isEmpty() || right.isEmpty()) {
            return Boolean.compare(left.isEmpty(), right.isEmpty());
        }
        return compareIdentifiers(left, right, false);
    }

    /**
     * Dot-separated identifiers left to right: numeric ones as numbers (by their digits without leading zeros, and
     * for build metadata then by length, so {@code 1 < 01}), below alphanumeric ones, which compare as ASCII; a
     * longer list ranks above its prefix.
     */
    private static int compareIdentifiers(String left, String right, boolean leadingZeros) {
        int l = 0;
        int r = 0;
        while (l < left.length() && r < right.length()) {
            int lEnd = identifierEnd(left, l);
            int rEnd = identifierEnd(right, r);
            int order = compareIdentifier(left, l, lEnd, right, r, rEnd, leadingZeros);
            if (order != 0) {
                return order;
            }
            l = lEnd + 1;
            r = rEnd + 1;
        }
        return Boolean.compare(l < left.length(), r < right.length());
    }

    private static int identifierEnd(String text, int start) {
        int end = text.indexOf('.', start);
        return end < 0 ? text.length() : end;
    }

    private static int compareIdentifier(String left, int l, int lEnd, String right, int r, int rEnd,
            boolean leadingZeros) {
        boolean lNumeric = isNumeric(left, l, lEnd);
        boolean rNumeric = isNumeric(right, r, rEnd);
        if (lNumeric != rNumeric) {
            return lNumeric ? -1 : 1;
        }
        if (!lNumeric) {
            return compareAscii(left, l, lEnd, right, r, rEnd);
        }
        int lValue = l;
        int rValue = r;
        while (lValue < lEnd - 1 && left.charAt(lValue) == '0') {
            lValue++;
        }
        while (rValue < rEnd - 1 && right.charAt(rValue) == '0') {
            rValue++;
        }
        int order = Integer.compare(lEnd - lValue, rEnd - rValue);
        if (order == 0) {
            order = compareAscii(left, lValue, lEnd, right, rValue, rEnd);
        }
        if (order == 0 && leadingZeros) {
            order = Integer.compare(lEnd - l, rEnd - r);
        }
        return order;
    }

    private static boolean isNumeric(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int compareAscii(String left, int l, int lEnd, String right, int r, int rEnd) {
        while (l < lEnd && r < rEnd) {
            int order = Character.compare(left.charAt(l++), right.charAt(r++));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(lEnd - l, rEnd - r);
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
