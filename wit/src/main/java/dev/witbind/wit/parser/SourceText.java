package dev.witbind.wit.parser;

import java.util.Arrays;

/**
 * A WIT source with its line table: turns character offsets into {@link SourceLocation}s and renders the excerpt
 * with a caret that every {@link WitParseException} carries. The lexer and the resolver share it so that an error found
 * late (an unknown type, say) points at the same text as a syntax error would.
 */
public final class SourceText {
    private final WitSource source;
    private final int[] lineStarts;

    public SourceText(WitSource source) {
        this.source = source;
        String text = source.text();
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    public String path() {
        return source.path();
    }

    public String text() {
        return source.text();
    }

    /** The location of a character offset (clamped to the text, so the end of the file is a location too). */
    public SourceLocation location(int offset) {
        int clamped = Math.max(0, Math.min(offset, source.text().length()));
        int line = Arrays.binarySearch(lineStarts, clamped);
        if (line < 0) {
            line = -line - 2;
        }
        int column = source.text().codePointCount(lineStarts[line], clamped) + 1;
        return new SourceLocation(source.path(), line + 1, column);
    }

    /** An error of the given kind at an offset of this text. */
    public WitParseException error(WitParseException.Kind kind, int offset, String message) {
        SourceLocation location = location(offset);
        return new WitParseException(kind, location, message, excerpt(location));
    }

    /** An error of the given kind at a location in this text. */
    public WitParseException error(WitParseException.Kind kind, SourceLocation location, String message) {
        return new WitParseException(kind, location, message, excerpt(location));
    }

    /**
     * The line of {@code location} with a caret under its column, rustc-style:
     *
     * <pre>
     *   |
     * 3 |   log func(message: string);
     *   |       ^
     * </pre>
     */
    public String excerpt(SourceLocation location) {
        if (location.line() < 1 || location.line() > lineStarts.length) {
            return "";
        }
        String text = source.text();
        int start = lineStarts[location.line() - 1];
        int end = location.line() < lineStarts.length ? lineStarts[location.line()] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        String line = text.substring(start, end);
        String number = Integer.toString(location.line());
        String gutter = " ".repeat(number.length());
        StringBuilder caret = new StringBuilder();
        // Copy tabs so the caret stays under the column however wide the reader's tabs are.
        int codePoints = 0;
        for (int i = 0; i < line.length() && codePoints < location.column() - 1; i = line.offsetByCodePoints(i, 1)) {
            caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
            codePoints++;
        }
        while (codePoints < location.column() - 1) {
            caret.append(' ');
            codePoints++;
        }
        caret.append('^');
        return gutter + " |\n" + number + " | " + line + "\n" + gutter + " | " + caret;
    }
}
