package dev.witbind.component.binary;

import dev.witbind.wit.WitException;

/**
 * A component binary witbind cannot accept: it is malformed, uses a gated construct, or breaks a validation rule.
 * The message and the accessors say where (the byte offset from the start of the input, and the section) and which
 * rule; {@link #finding()} says what was found.
 */
public final class ComponentFormatException extends WitException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final Section section;
    private final Rule rule;
    private final String finding;

    public ComponentFormatException(long offset, Section section, Rule rule, String finding) {
        super("invalid component at byte " + offset + " (" + section + "): " + finding + " [rule " + rule.name()
                .toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": " + rule.statement() + "]");
        this.offset = offset;
        this.section = section;
        this.rule = rule;
        this.finding = finding;
    }

    /** The byte offset, from the start of the input, of the construct that breaks the rule. */
    public long offset() {
        return offset;
    }

    /** The section the construct is in. */
    public Section section() {
        return section;
    }

    /** The rule broken. */
    public Rule rule() {
        return rule;
    }

    /** What was found, without the location and the rule. */
    public String finding() {
        return finding;
    }
}
