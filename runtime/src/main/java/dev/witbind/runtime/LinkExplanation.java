package dev.witbind.runtime;

import java.util.List;

/**
 * How every import of a guest links against a linker, with its {@link Versioning}: what {@link Linker#explain}
 * returns, one {@link ImportExplanation} per import in the guest's order.
 */
public record LinkExplanation(String guestName, List<ImportExplanation> imports) {
    public LinkExplanation {
        imports = List.copyOf(imports);
    }

    /** Whether every import links. */
    public boolean links() {
        return imports.stream().allMatch(ImportExplanation::links);
    }

    /** The explanation as lines: the guest, then one line per import. */
    public String describe() {
        StringBuilder text = new StringBuilder("guest '").append(guestName).append("'")
                .append(links() ? " links" : " does not link");
        imports.forEach(line -> text.append("\n  ").append(line.describe()));
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
