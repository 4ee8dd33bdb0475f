package dev.witbind.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one import of a guest links, or why it does not: a line of {@link Linker#explain(GuestModule)}.
 *
 * @param importName the import as the guest names it, {@code example:greeter/host@0.2.0#greet} (a component's
 *     resource import is {@code instance#resource})
 * @param outcome which rule linked it, or why not
 * @param guestVersion the version the guest was built against, when it says: its name's version, or for a canonical
 *     name the full version the component keeps ({@code versionsuffix})
 * @param provider what serves it: the host or fallback function ({@code example:greeter/host@0.2.1#greet}), or for a
 *     trap stub the host instance that lacks it; empty when nothing does
 * @param findings what a user should know: strict versions' warnings, the reason of a refusal, the host version a
 *     stub stands in for
 */
public record ImportExplanation(String importName, Outcome outcome, Optional<String> guestVersion,
        Optional<String> provider, List<String> findings) {
    public ImportExplanation {
        Objects.requireNonNull(importName, "importName");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(guestVersion, "guestVersion");
        Objects.requireNonNull(provider, "provider");
        findings = List.copyOf(findings);
    }

    /** Which rule linked an import, or why it did not. */
    public enum Outcome {
        /** The host's exact name. */
        EXACT("exact"),
        /** The highest version on the requested name's compatibility track (Wasmtime's rule). */
        TRACK("track"),
        /** Through a canonical interface name ({@code a:b/c@0.2}). */
        CANONICAL_NAME("canonical name"),
        /** A prerelease request served on its release's track ({@link Versioning#prereleaseTracks()}). */
        PRERELEASE_TRACK("prerelease track"),
        /** A fallback ({@link Linker#fallbacks()}) serves a function the host lacks. */
        FALLBACK("fallback"),
        /** A stub that traps when called stands in for a function the host lacks ({@link Versioning#trapStubs()}). */
        TRAP_STUB("trap stub"),
        /** Strict versions refused it ({@link Versioning.Strictness#REFUSE}). */
        STRICT_REFUSED("refused by strict versions"),
        /** Nothing provides it. */
        UNRESOLVED("unresolved");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        /** The outcome in words, as {@link ImportExplanation#describe()} writes it. */
        public String words() {
            return words;
        }
    }

    /** Whether the import links (whatever warnings it has). */
    public boolean links() {
        return outcome != Outcome.STRICT_REFUSED && outcome != Outcome.UNRESOLVED;
    }

    /**
     * One line: {@code example:greeter/host@0.2.0#greet -> example:greeter/host@0.2.1#greet (track)}, with the
     * findings after it.
     */
    public String describe() {
        StringBuilder line = new StringBuilder(importName);
        guestVersion.filter(version -> !importName.contains("@" + version + "#"))
                .ifPresent(version -> line.append(" (").append(version).append(')'));
        provider.ifPresent(name -> line.append(" -> ").append(name));
        line.append(" (").append(outcome.words()).append(')');
        findings.forEach(finding -> line.append("; ").append(finding));
        return line.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
