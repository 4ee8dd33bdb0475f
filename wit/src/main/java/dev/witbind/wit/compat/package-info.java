/**
 * Semver-aware comparison of two versions of a WIT package.
 *
 * <p>{@link dev.witbind.wit.compat.PackageCompatibility#compare} answers whether a newer version of a package is a
 * compatible addition of an older one (same package, same compatibility track, and everything the older has is
 * still there with the same type), lists what was added, and tells for every function of the newer version whether a
 * host of the older version provides it: which functions a guest built against the newer version may need from a
 * host of the older one. The rule for tracks is {@link dev.witbind.wit.names.CompatibilityTrack}'s, the one the
 * linker uses.
 */
package dev.witbind.wit.compat;
