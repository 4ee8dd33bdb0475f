package dev.witbind.runtime.errors;

import dev.witbind.wit.Excerpt;
import dev.witbind.wit.WitException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guest could not be linked: the message lists every unresolved import, with the name requested, what the linker
 * has on that name's track, and the missing function or the mismatched type.
 */
public final class WitLinkException extends WitException {
    private static final long serialVersionUID = 1L;

    /** The most characters of one problem's text: ours, with at most a few quoted names in it. */
    private static final int PROBLEM_LIMIT = 600;

    private final String guestName;
    private final transient List<Unresolved> unresolved;

    /**
     * One import that did not resolve, and why.
     *
     * @param module the import's module string (for a component: the imported instance's name)
     * @param field the imported function
     */
    public record Unresolved(String module, String field, String problem) {
        @Override
        public String toString() {
            return Excerpt.of(module) + " " + Excerpt.of(field) + ": " + Excerpt.of(problem, PROBLEM_LIMIT);
        }
    }

    /**
     * @param guestName the guest, as errors name it
     * @param importCount how many imports the guest has, resolved or not
     * @param unresolved every import that did not resolve, in the guest's import order
     */
    public WitLinkException(String guestName, int importCount, List<Unresolved> unresolved) {
        super(message(guestName, importCount, unresolved));
        this.guestName = guestName;
        this.unresolved = List.copyOf(unresolved);
    }

    private static String message(String guestName, int importCount, List<Unresolved> unresolved) {
        StringBuilder message = new StringBuilder("cannot link guest '").append(guestName).append("': ")
                .append(unresolved.size()).append(" of ").append(importCount)
                .append(importCount == 1 ? " import is" : " imports are").append(" unresolved");
        // Imports of one module that fail for the same reason (typically: no such instance) share one line.
        Map<String, List<String>> fieldsByProblem = new LinkedHashMap<>();
        for (Unresolved entry : unresolved) {
            String key = entry.module() + "\u0000" + entry.problem();
            fieldsByProblem.computeIfAbsent(key, k -> new ArrayList<>()).add(entry.field());
        }
        fieldsByProblem.forEach((key, fields) -> {
            int separator = key.indexOf('\u0000');
            // a guest chose these names: quoted as excerpts, so that a 100 KB import name stays a short line
            // a world-level import has no module (instance) part, an instance refused as a whole no field part
            String module = key.substring(0, separator);
            String joined = String.join(", ", fields);
            message.append("\n  - ").append(module.isEmpty() ? "" : Excerpt.of(module))
                    .append(module.isEmpty() || joined.isEmpty() ? "" : " ")
                    .append(joined.isEmpty() ? "" : Excerpt.of(joined, 4 * Excerpt.LIMIT)).append(": ")
                    .append(Excerpt.of(key.substring(separator + 1), PROBLEM_LIMIT));
        });
        return message.toString();
    }

    public String guestName() {
        return guestName;
    }

    /** Every import that did not resolve, in the guest's import order. */
    public List<Unresolved> unresolved() {
        return unresolved;
    }
}
