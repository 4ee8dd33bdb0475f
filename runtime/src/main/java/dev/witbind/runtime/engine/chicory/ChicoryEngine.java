package dev.witbind.runtime.engine.chicory;

import java.util.ArrayList;
import java.util.List;

import dev.witbind.runtime.engine.CoreEngine;
import dev.witbind.runtime.engine.CoreModule;

/**
 * Chicory 1.7.5 as witbind's engine: its parser and validator, its interpreter and its compiler to JVM bytecode,
 * with witbind's {@link LinearMemory} as every instance's memory. All of witbind's Chicory-specific code is in this
 * package, apart from {@link dev.witbind.runtime.bindings.ImportHandle}, which is Chicory's handle type (see there).
 */
public final class ChicoryEngine implements CoreEngine {
    /** The engine; it holds no state (each module caches its own compilation). */
    public static final ChicoryEngine INSTANCE = new ChicoryEngine();

    private ChicoryEngine() {}

    @Override
    public CoreModule parse(String name, byte[] bytes) {
        return ChicoryModule.parse(name, bytes);
    }

    /** Chicory matches indirect calls across instances by type index: see {@link IndirectCallTypes}. */
    @Override
    public List<CoreModule> prepareTogether(List<CoreModule> modules) {
        List<ChicoryModule> ours = new ArrayList<>(modules.size());
        for (CoreModule module : modules) {
            if (!(module instanceof ChicoryModule chicory)) {
                throw new IllegalArgumentException("not a module this engine parsed: " + module);
            }
            ours.add(chicory);
        }
        return List.copyOf(IndirectCallTypes.share(ours));
    }
}
