package dev.witbind.wit;

/**
 * How messages quote text a guest or a user handed us: whole when short, else its first {@value #LIMIT} characters,
 * an ellipsis and the total length, so that a 100 KB name in a hostile binary does not become a 100 KB exception
 * message, log line or link report.
 */
public final class Excerpt {
    /** The most characters of one quoted text a message holds. */
    public static final int LIMIT = 80;

    private Excerpt() {}

    /** {@code text} itself when it has at most {@value #LIMIT} characters, else its start, "..." and its length. */
    public static String of(String text) {
        if (text == null || text.length() <= LIMIT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(LIMIT - 1)) ? LIMIT - 1 : LIMIT; // never half a pair
        return text.substring(0, end) + "... (" + text.length() + " characters)";
    }
}
