package dev.witbind.runtime;

import dev.witbind.component.binary.Canon;
import dev.witbind.component.binary.CanonOptions;
import dev.witbind.component.binary.Definition;
import dev.witbind.runtime.CoreSources.FromInstance;
import dev.witbind.runtime.CoreSources.Made;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.engine.CoreModule;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether an instance's imports need the Canonical ABI's may_leave check, decided before any of them is bound. A
 * component instance may not call out while it runs a {@code realloc} or a post-return, and an import called then
 * traps. But if each such function provably stays inside its own core instance ({@link CoreModule#mayCallOut}), no
 * import can be reached while the instance may not leave: the check can never fail, and the engine is given the
 * imports' own handles, without it ({@link ImportHandle#checkingMayLeave} is the checked handle). Deciding it from
 * the binary, before the handles are made, is what lets the unchecked call test nothing at all.
 *
 * <p>Where the proof is not at hand the check stays: a realloc or post-return that is not a top-level core
 * instance's export (a lowered function, an item the static walk does not follow), and every component instance
 * nested in another, whose definitions are not analysed.
 */
final class LeaveChecks {
    private LeaveChecks() {}

    /**
     * Whether the instance of a core module needs the check: its {@code cabi_realloc} or one of its
     * {@code cabi_post_*} exports, the functions a core module's canonical options may name, may call out.
     */
    static boolean needed(CoreModule module) {
        for (String function : module.functionExports()) {
            if ((function.equals("cabi_realloc") || function.startsWith("cabi_post_")) && module.mayCallOut(function)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the top-level instance of {@code component} needs the check: some realloc or post-return its
     * top-level canonical functions name may call out, or cannot be followed to a core module's export.
     */
    static boolean neededAtTop(GuestComponent component) {
        Optional<CoreSources> sources = component.coreSources();
        if (sources.isEmpty()) {
            return true;
        }
        for (Definition definition : component.model().definitions()) {
            if (definition instanceof Definition.CanonDef canon) {
                CanonOptions options = canon.canon() instanceof Canon.Lower lower ? lower.options()
                        : canon.canon() instanceof Canon.Lift lift ? lift.options() : null;
                if (options != null && (mayCallOut(component, sources.get(), options.realloc())
                        || mayCallOut(component, sources.get(), options.postReturn()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code handle} as the engine is to be given it: checked when {@code needed}. */
    static ImportHandle applied(boolean needed, ImportHandle handle) {
        return needed ? handle.checkingMayLeave() : handle;
    }

    private static boolean mayCallOut(GuestComponent component, CoreSources sources, OptionalInt function) {
        if (function.isEmpty()) {
            return false;
        }
        if (!(sources.function(function.getAsInt()) instanceof FromInstance from)
                || !(sources.instances().get(from.instance()) instanceof Made made)) {
            return true;
        }
        CoreModule module = component.coreModule(made.module());
        return module == null || module.mayCallOut(from.name());
    }
}
