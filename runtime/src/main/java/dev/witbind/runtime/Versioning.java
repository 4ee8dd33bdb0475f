package dev.witbind.runtime;

import java.util.Objects;

/**
 * How a {@link Linker} matches a guest's imports to the versions its hosts provide. The default,
 * {@link #wasmtime()}, is exactly Wasmtime's rule (the exact name, else the highest version on the requested name's
 * compatibility track) plus canonical interface names, which only ever link what would otherwise be refused. Each
 * other mode is opt-in, because each changes what links:
 *
 * <ul>
 * <li>{@linkplain #withPrereleaseTracks prerelease tracks}: a guest built against {@code 1.2.0-rc.1} that finds no
 *     host of exactly that version is served by the highest version on the track of its release ({@code @1}).
 *     Prerelease hosts still match only exactly, so release candidates never stand in for each other.
 * <li>{@linkplain #withStrictness strict versions}: a guest that imports a newer version than the host it links to
 *     ({@code @0.2.3} from a host of {@code @0.2.1}), or that calls a function added after the version it imports
 *     (by the host's {@code @since} gates, {@link dev.witbind.runtime.bindings.WitBindings#functionsSince()}), is
 *     refused or warned about, even though every function it uses exists. Wasmtime links both.
 * <li>{@linkplain #withTrapStubs trap stubs}: a function the host a guest links to lacks (the guest is newer than the
 *     host) is bound to a stub that traps when called, naming the function and both versions, so the rest of the
 *     guest runs. A fallback defined with {@link Linker#fallbacks()} is used before a stub. Stubs never replace a
 *     definition: only functions the resolved host lacks are stubbed, and an import no host provides at all stays
 *     unresolved.
 * </ul>
 *
 * <p>{@link Linker#explain(GuestModule)} says, per import, which rule linked it or why it did not.
 *
 * @param prereleaseTracks whether a prerelease request without an exact match looks on its release's track
 * @param strictness what to do with a guest newer than its host, or one that calls a function added after its version
 * @param trapStubs whether functions the resolved host lacks (and no fallback provides) are bound to trapping stubs
 */
public record Versioning(boolean prereleaseTracks, Strictness strictness, boolean trapStubs) {
    private static final Versioning WASMTIME = new Versioning(false, Strictness.OFF, false);

    public Versioning {
        Objects.requireNonNull(strictness, "strictness");
    }

    /** What strict versions do with a finding. */
    public enum Strictness {
        /** Link as Wasmtime does (the default). */
        OFF,
        /** Link, list the finding in the report and log it as a warning when the guest links. */
        WARN,
        /** Refuse the import, with the finding as the reason. */
        REFUSE
    }

    /** Wasmtime's rule and canonical interface names, nothing else: the default. */
    public static Versioning wasmtime() {
        return WASMTIME;
    }

    /** This versioning with prerelease tracks on or off. */
    public Versioning withPrereleaseTracks(boolean enabled) {
        return new Versioning(enabled, strictness, trapStubs);
    }

    /** This versioning with strict versions set to {@code strictness}. */
    public Versioning withStrictness(Strictness strictness) {
        return new Versioning(prereleaseTracks, strictness, trapStubs);
    }

    /** This versioning with trap stubs for the functions a guest's host lacks on or off. */
    public Versioning withTrapStubs(boolean enabled) {
        return new Versioning(prereleaseTracks, strictness, enabled);
    }
}
