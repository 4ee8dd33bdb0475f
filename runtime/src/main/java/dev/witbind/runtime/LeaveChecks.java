package dev.witbind.runtime;

import dev.witbind.runtime.abi.InstanceState;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.engine.CoreInstance;
import dev.witbind.runtime.engine.CoreModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which imports of one instantiation can go without the Canonical ABI's may_leave check. A component instance may
 * not call out while it runs a {@code realloc} or a post-return, and every import call checks that. But if each
 * function it runs then provably stays inside its own core instance ({@link CoreModule#mayCallOut}), no import of
 * the component instance can be reached while it may not leave: the check can never fail, and {@link #settle}
 * leaves it out, which takes a tenth off a scalar host call. One per instantiation; each component instance (a
 * nested one has its own may_leave) is settled on its own.
 */
final class LeaveChecks {
    private final Map<InstanceState, List<ImportHandle>> imports = new IdentityHashMap<>();
    /** The instances that run, while they may not leave, a function that may call out. */
    private final Set<InstanceState> mayCallOut = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Records {@code handle}, an import whose check is on {@code state}; returns it. */
    ImportHandle add(InstanceState state, ImportHandle handle) {
        imports.computeIfAbsent(state, s -> new ArrayList<>()).add(handle);
        return handle;
    }

    /** Records that {@code state} runs the export {@code function} of {@code instance} while it may not leave. */
    void runsWhileForbidden(InstanceState state, CoreInstance instance, String function) {
        if (instance.mayCallOut(function)) {
            mayCallOut.add(state);
        }
    }

    /**
     * Records that {@code state} runs, while it may not leave, the module's {@code cabi_realloc} and its
     * {@code cabi_post_*} exports, the functions a core module's canonical options may name.
     */
    void runsWhileForbidden(InstanceState state, CoreModule module) {
        for (String function : module.functionExports()) {
            if ((function.equals("cabi_realloc") || function.startsWith("cabi_post_")) && module.mayCallOut(function)) {
                mayCallOut.add(state);
            }
        }
    }

    /**
     * Leaves the check out of every recorded import of an instance none of whose forbidden-time functions may call
     * out. Called once every realloc and post-return of the instantiation is known.
     */
    void settle() {
        imports.forEach((state, handles) -> {
            if (!mayCallOut.contains(state)) {
                handles.forEach(ImportHandle::omitLeaveCheck);
            }
        });
    }
}
