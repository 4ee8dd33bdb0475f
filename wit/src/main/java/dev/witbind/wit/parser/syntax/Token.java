package dev.witbind.wit.parser.syntax;

/**
 * One token of WIT text.
 *
 * @param kind what sort of token
 * @param text an identifier's name (without a leading {@code %}), a keyword, an operator, an integer's digits or a
 *     string literal's raw text
 * @param start offset of the first character (for an escaped identifier, of the {@code %})
 * @param end offset after the last character
 * @param docs the doc comments ({@code ///} or {@code /** ... *}{@code /}) right before the token, joined with
 *     newlines; empty when there are none
 */
record Token(Kind kind, String text, int start, int end, String docs) {

    enum Kind {
        IDENTIFIER,
        KEYWORD,
        OPERATOR,
        INTEGER,
        STRING,
        END_OF_FILE
    }

    boolean is(Kind kind, String text) {
        return this.kind == kind && this.text.equals(text);
    }

    boolean isOperator(String operator) {
        return is(Kind.OPERATOR, operator);
    }

    boolean isKeyword(String keyword) {
        return is(Kind.KEYWORD, keyword);
    }

    /** How an error message names this token, e.g. {@code 'record'}, {@code identifier 'foo'}, {@code end of file}. */
    String describe() {
        return switch (kind) {
            case IDENTIFIER -> "identifier '" + text + "'";
            case KEYWORD -> "keyword '" + text + "'";
            case OPERATOR -> "'" + text + "'";
            case INTEGER -> "integer " + text;
            case STRING -> "string " + text;
            case END_OF_FILE -> "end of file";
        };
    }
}
