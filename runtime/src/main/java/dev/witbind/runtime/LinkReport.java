package dev.witbind.runtime;

import dev.witbind.runtime.errors.WitLinkException;
import java.util.List;

/**
 * How every import of a guest would resolve against a linker, without instantiating it: the bindings that resolve
 * (exactly, or through which compatibility track) and the problems, all of them.
 *
 * @param guestName the guest
 * @param importCount how many imports the guest has (for a component: the functions and resources its imported
 *     instances list)
 * @param resolved every function import that resolves, in the guest's order
 * @param unresolved every import that does not, and why
 * @param imports every import in the guest's order, as {@link Linker#explain} says how it links
 */
public record LinkReport(String guestName, int importCount, List<ImportBinding> resolved,
        List<WitLinkException.Unresolved> unresolved, List<ImportExplanation> imports) {
    public LinkReport {
        resolved = List.copyOf(resolved);
        unresolved = List.copyOf(unresolved);
        imports = List.copyOf(imports);
    }

    /** The report as {@link Linker#explain} gives it: one line per import. */
    public LinkExplanation explanation() {
        return new LinkExplanation(guestName, imports);
    }

    /** Whether the guest links. */
    public boolean links() {
        return unresolved.isEmpty();
    }

    /** The report as lines: each resolved import, then the problems as {@link WitLinkException} lists them. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("guest '").append(guestName).append("': ").append(importCount - unresolved.size())
                .append(" of ").append(importCount).append(importCount == 1 ? " import resolves" : " imports resolve");
        resolved.forEach(binding -> text.append("\n  ").append(binding.describe()));
        if (!unresolved.isEmpty()) {
            text.append('\n').append(new WitLinkException(guestName, importCount, unresolved).getMessage());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
