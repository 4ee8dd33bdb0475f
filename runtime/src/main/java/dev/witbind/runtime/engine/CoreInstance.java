package dev.witbind.runtime.engine;

import dev.witbind.runtime.abi.GuestMemory;

/** A core module's instance. */
public interface CoreInstance {

    /**
     * The exported function {@code name}.
     *
     * @throws IllegalArgumentException when there is no such function export
     */
    CoreFunction function(String name);

    /** {@link CoreModule#mayCallOut} of the instance's module. */
    boolean mayCallOut(String functionExport);

    /**
     * The exported memory {@code name}, as the Canonical ABI reads it.
     *
     * @throws IllegalArgumentException when there is no such memory export
     */
    GuestMemory memory(String name);

    /**
     * The export {@code name} of any kind, to be imported by another instance.
     *
     * @throws IllegalArgumentException when there is no such export
     */
    CoreExtern export(String name);
}
