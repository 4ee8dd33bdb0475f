package dev.witbind.wit.names;

/** How a lookup in a {@link NameMap} found a name: what link reports say of each import. */
public enum Resolution {
    /** The exact name asked for. */
    EXACT,
    /** The highest version on the requested name's compatibility track (Wasmtime's rule). */
    TRACK,
    /**
     * Through a canonical interface name (Explainer, "Canonical Interface Name"), witbind's addition to Wasmtime's
     * rule: a canonical request ({@code a:b/c@0.2}) found the highest version on the track it names, or a versioned
     * request ({@code a:b/c@0.2.3}) found the definition registered under its track's canonical name.
     */
    CANONICAL_NAME
}
