package dev.witbind.wit.names;

import dev.witbind.wit.Excerpt;
import java.util.Locale;

/**
 * The kebab-case {@code label} and {@code words} productions of the Component Model name grammar.
 *
 * <p>A label is fragments joined by {@code '-'}; each fragment is all lowercase letters and digits (a word) or
 * all uppercase letters and digits (an acronym), and the first fragment starts with a letter. {@code words} (used
 * for namespaces and package names) allows only lowercase words.
 */
public final class Label {
    private Label() {}

    /** Why {@code text} is not a label, or {@code null} when it is one. */
    static String labelProblem(String text) {
        return problem(text, true);
    }

    /** Why {@code text} is not a {@code words} production (lowercase only), or {@code null} when it is one. */
    static String wordsProblem(String text) {
        return problem(text, false);
    }

    /** Whether {@code text} is a valid kebab-case label such as {@code get}, {@code list-keys}, {@code get-HTTP-header}. */
    public static boolean isLabel(String text) {
        return labelProblem(text) == null;
    }

    /**
     * Checks a label and returns it.
     *
     * @throws InvalidNameException naming the fragment that is wrong and suggesting a kebab-case form
     */
    public static String checkLabel(String text) {
        String problem = labelProblem(text);
        if (problem != null) {
            throw new InvalidNameException(text, "the label '" + Excerpt.of(text) + "'", problem, suggestionFor(text));
        }
        return text;
    }

    private static String problem(String text, boolean acronymsAllowed) {
        if (text.isEmpty()) {
            return "is empty";
        }
        String[] fragments = text.split("-", -1);
        for (int i = 0; i < fragments.length; i++) {
            String fragment = fragments[i];
            if (fragment.isEmpty()) {
                return "has an empty fragment (a '-' at the start or end, or two in a row)";
            }
            boolean lower = isWordChars(fragment, 'a', 'z');
            boolean upper = acronymsAllowed && isWordChars(fragment, 'A', 'Z');
            if (!lower && !upper) {
                return "has the fragment '" + Excerpt.of(fragment) + "', which is not "
                        + (acronymsAllowed
                                ? "all lowercase or all uppercase ASCII letters and digits"
                                : "lowercase ASCII letters and digits");
            }
            if (i == 0 && !Character.isLetter(fragment.charAt(0))) {
                return "must start with a letter, not '" + fragment.charAt(0) + "'";
            }
        }
        return null;
    }

    private static boolean isWordChars(String fragment, char first, char last) {
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            boolean letter = c >= first && c <= last;
            boolean digit = c >= '0' && c <= '9';
            if (!letter && !digit) {
                return false;
            }
        }
        return true;
    }

    /**
     * The kebab-case label for a Java identifier: {@code getHttpHeader} and {@code getHTTPHeader} become
     * {@code get-http-header}, {@code utf8Length} becomes {@code utf8-length}. Digits stay with the word before
     * them. Underscores and dollar signs separate words.
     */
    public static String fromJavaName(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (c == '_' || c == '$' || c == '-' || c == ' ') {
                separate(out);
                continue;
            }
            if (Character.isUpperCase(c) && i > 0) {
                char previous = javaName.charAt(i - 1);
                boolean nextIsLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                // A new word starts at an upper-case letter after a lower-case letter or digit ("getHttp"),
                // and at the last capital of an acronym run that is followed by lower case ("HTTPHeader").
                if (!Character.isUpperCase(previous) || nextIsLower) {
                    separate(out);
                }
            }
            out.append(Character.toLowerCase(c));
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') {
            end--;
        }
        return out.substring(0, end);
    }

    private static void separate(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
            out.append('-');
        }
    }

    /** A label derived from invalid text, or {@code null} when none can be derived. */
    static String suggestionFor(String text) {
        String candidate = fromJavaName(text).toLowerCase(Locale.ROOT);
        // Drop characters that no label may contain and leading digits/dashes.
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && kept.length() > 0)) {
                if (kept.length() == 0 && c >= '0' && c <= '9') {
                    continue;
                }
                if (c == '-' && kept.charAt(kept.length() - 1) == '-') {
                    continue;
                }
                kept.append(c);
            }
        }
        while (kept.length() > 0 && kept.charAt(kept.length() - 1) == '-') {
            kept.setLength(kept.length() - 1);
        }
        String suggestion = kept.toString();
        return suggestion.isEmpty() || suggestion.equals(text) || problem(suggestion, true) != null ? null : suggestion;
    }
}
