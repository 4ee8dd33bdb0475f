package dev.witbind.wit.compat;

/**
 * Whether a host of the older package version provides a function that a guest built against the newer version
 * imports.
 */
public enum Availability {
    /** The older version has the function, stable, with the same type. */
    PROVIDED,
    /**
     * The older version has the function with the same type, but only behind an {@code @unstable} feature gate: a
     * host provides it only when built with that feature.
     */
    PROVIDED_IF_FEATURE,
    /** The older version has a function of that name with another type, which the link-time type check refuses. */
    CHANGED,
    /** The older version lacks the function (or its interface, or its resource). */
    MISSING,
    /**
     * The guest's import does not resolve to a host of the older version at all: another package, or a version on
     * another compatibility track (or with none, such as a prerelease), which only an exact match would link to.
     */
    UNLINKABLE
}
