package dev.witbind.wit.parser.syntax;

import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.Label;
import dev.witbind.wit.parser.SourceText;
import dev.witbind.wit.parser.WitParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns WIT text into tokens on demand (WIT.md "Lexical structure"). Whitespace and comments are skipped; doc
 * comments are attached to the next token. Versions are not tokens: {@code 0.2.12} in
 * {@code wasi:io/streams@0.2.12.{...}} only makes sense in context, so the parser asks for one with
 * {@link #scanVersion(int)} where the grammar expects it.
 */
final class Lexer {
    static final Set<String> KEYWORDS = Set.of(
            "as", "async", "bool", "borrow", "char", "constructor", "enum", "error-context", "export", "f32", "f64",
            "flags", "from",
            "func", "future", "import", "include", "interface", "list", "map", "option", "own", "package", "record",
            "resource", "result", "s16", "s32", "s64", "s8", "static", "stream", "string", "tuple", "type", "u16",
            "u32", "u64", "u8", "use", "variant", "with", "world");

    private final SourceText source;
    private final String text;
    private int position;

    Lexer(SourceText source) {
        this.source = source;
        this.text = source.text();
        checkCharacters();
        // A byte-order mark is not part of the text.
        this.position = text.startsWith("\uFEFF") ? 1 : 0;
    }

    /** WIT files must not contain control codes other than tab, newline and carriage return, nor bidi overrides. */
    private void checkCharacters() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
            boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (control || bidi) {
                throw error(i, String.format("the character U+%04X is not allowed in WIT (%s)", (int) c,
                        control ? "a control code other than tab, newline or carriage return"
                                : "a bidirectional override"));
            }
        }
    }

    /** Continues lexing at {@code offset}, e.g. after the parser has read a version by hand. */
    void seek(int offset) {
        position = offset;
    }

    Token next() {
        List<String> docs = new ArrayList<>();
        skipTrivia(docs);
        String docText = String.join("\n", docs);
        int start = position;
        if (position >= text.length()) {
            return new Token(Token.Kind.END_OF_FILE, "", start, start, docText);
        }
        char c = text.charAt(position);
        if (c == '%') {
            position++;
            if (position >= text.length() || !isAsciiLetter(text.charAt(position))) {
                throw error(start, "expected an identifier after '%'");
            }
            return identifier(start, position, docText, true);
        }
        if (isAsciiLetter(c)) {
            return identifier(start, position, docText, false);
        }
        if (c >= '0' && c <= '9') {
            while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                position++;
            }
            return new Token(Token.Kind.INTEGER, text.substring(start, position), start, position, docText);
        }
        if (c == '"') {
            return string(start, docText);
        }
        if (c == '-' && position + 1 < text.length() && text.charAt(position + 1) == '>') {
            position += 2;
            return new Token(Token.Kind.OPERATOR, "->", start, position, docText);
        }
        if ("=,:;(){}<>*/.@_".indexOf(c) >= 0) {
            position++;
            return new Token(Token.Kind.OPERATOR, String.valueOf(c), start, position, docText);
        }
        int codePoint = text.codePointAt(position);
        throw error(start, "unexpected character '" + new String(Character.toChars(codePoint)) + "'");
    }

    private Token identifier(int start, int nameStart, String docs, boolean escaped) {
        // Take underscores too, so that 'foo_bar' is reported as a bad identifier rather than as 'foo' then '_'.
        while (position < text.length() && isIdentifierChar(text.charAt(position))) {
            position++;
        }
        String name = text.substring(nameStart, position);
        if (!escaped && KEYWORDS.contains(name)) {
            return new Token(Token.Kind.KEYWORD, name, start, position, docs);
        }
        try {
            Label.checkLabel(name);
        } catch (InvalidNameException e) {
            String hint = e.suggestion().map(s -> " (did you mean '" + s + "'?)").orElse("");
            throw error(start, "invalid identifier '" + name + "': it " + e.reason()
                    + "; WIT identifiers are kebab-case" + hint);
        }
        return new Token(Token.Kind.IDENTIFIER, name, start, position, docs);
    }

    private Token string(int start, String docs) {
        position++;
        while (position < text.length() && text.charAt(position) != '"' && text.charAt(position) != '\n') {
            position += text.charAt(position) == '\\' && position + 1 < text.length() ? 2 : 1;
        }
        if (position >= text.length() || text.charAt(position) != '"') {
            throw error(start, "unterminated string literal");
        }
        position++;
        return new Token(Token.Kind.STRING, text.substring(start, position), start, position, docs);
    }

    private void skipTrivia(List<String> docs) {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                position++;
            } else if (text.startsWith("//", position)) {
                int end = text.indexOf('\n', position);
                end = end < 0 ? text.length() : end;
                String comment = text.substring(position, end);
                if (comment.startsWith("///") && !comment.startsWith("////")) {
                    docs.add(stripOneSpace(comment.substring(3)).stripTrailing());
                }
                position = end;
            } else if (text.startsWith("/*", position)) {
                blockComment(docs);
            } else {
                return;
            }
        }
    }

    /** Block comments nest, and their delimiters must balance. */
    private void blockComment(List<String> docs) {
        int start = position;
        int depth = 0;
        while (position < text.length()) {
            if (text.startsWith("/*", position)) {
                depth++;
                position += 2;
            } else if (text.startsWith("*/", position)) {
                depth--;
                position += 2;
                if (depth == 0) {
                    String comment = text.substring(start, position);
                    if (comment.startsWith("/**") && !comment.startsWith("/***") && comment.length() > 4) {
                        docs.add(blockDocs(comment.substring(3, comment.length() - 2)));
                    }
                    return;
                }
            } else {
                position++;
            }
        }
        throw error(start, "unterminated block comment: '/*' without a matching '*/'");
    }

    private static String blockDocs(String body) {
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\r?\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("*")) {
                trimmed = stripOneSpace(trimmed.substring(1));
            }
            lines.add(trimmed.stripTrailing());
        }
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    private static String stripOneSpace(String text) {
        return text.startsWith(" ") ? text.substring(1) : text;
    }

    /**
     * Reads a SemVer version starting at {@code offset} (after optional spaces). The version ends at the first
     * character that cannot be part of one; a trailing {@code '.'} right before {@code '{'} belongs to
     * {@code use path@1.2.3.{names}}, not to the version. Returns the version's start and end; the caller checks it.
     */
    int[] scanVersion(int offset) {
        int start = offset;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        int end = start;
        while (end < text.length() && isVersionChar(text.charAt(end))) {
            end++;
        }
        if (end > start && text.charAt(end - 1) == '.' && end < text.length() && text.charAt(end) == '{') {
            end--;
        }
        position = end;
        return new int[] {start, end};
    }

    private static boolean isVersionChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isIdentifierChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private WitParseException error(int offset, String message) {
        return source.error(WitParseException.Kind.SYNTAX, offset, message);
    }
}
