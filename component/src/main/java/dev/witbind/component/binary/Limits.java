package dev.witbind.component.binary;

/**
 * The bounds that keep the work on hostile input small: nesting depth (recursion) and the size of a type's
 * structure (which can grow exponentially when types refer to each other by index).
 */
public final class Limits {
    /** Nested components, component types and instance types, together. wasm-tools has no smaller limit. */
    public static final int MAX_NESTING = 100;
    /** How deeply a value type may nest (a list of a list of ...). */
    public static final int MAX_TYPE_DEPTH = 100;
    /**
     * How many type constructors a value type may contain when written out as a tree. wasm-tools refuses types
     * whose "effective type size" exceeds 1,000,000; witbind is stricter, since every type it keeps is walked.
     */
    public static final int MAX_TYPE_SIZE = 100_000;

    private Limits() {}
}
