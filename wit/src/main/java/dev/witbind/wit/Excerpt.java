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
        return of(text, LIMIT);
    }

    /**
     * {@link #of(String)} with another limit: for a whole sentence of ours that quotes input (a link problem), whose
     * own words should survive.
     */
    public static String of(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit; // never half a pair
        return text.substring(0, end) + "... (" + text.length() + " characters)";
    }
}
