package dev.witbind.runtime.engine;

import dev.witbind.runtime.abi.GuestMemory;
import dev.witbind.runtime.bindings.ImportHandle;

/**
 * An instance being made: its imports are supplied here, then {@link #instantiate()} links, initialises and starts
 * it.
 *
 * <p>Host functions may need the instance's own memory and functions before it exists: a core module's imports
 * lift and lower through the memory and the {@code cabi_realloc} the module itself exports. The views this builder
 * hands out ({@link #ownMemory()}, {@link #exportedFunction}) are bound to the instance the moment it is made, before
 * its start function runs, and may be captured by the import handles added here.
 */
public interface CoreInstanceBuilder {

    /** The memory the instance defines (its memory 0), usable once it is instantiated. */
    GuestMemory ownMemory();

    /**
     * The function the instance will export as {@code name}, usable once it is instantiated.
     *
     * @throws IllegalArgumentException when the module exports no such function
     */
    CoreFunction exportedFunction(String name);

    /**
     * Caps every memory the instance defines at {@code pages} 64 KiB pages: a larger initial size fails the
     * instantiation, a {@code memory.grow} past it fails (-1).
     */
    CoreInstanceBuilder memoryLimit(int pages);

    /** Satisfies the function import {@code module#field} with a host function; its core type is the import's. */
    CoreInstanceBuilder importFunction(String module, String field, ImportHandle handle);

    /**
     * Satisfies the function import {@code module#field} with a host function supplied later through the returned
     * {@link LateBoundImport}; its core type is the import's. A call before it is bound is a
     * {@link dev.witbind.runtime.errors.WitTrapException} in {@code module#field} for {@code unboundReason}.
     */
    LateBoundImport importLateBound(String module, String field, String unboundReason);

    /**
     * Satisfies the import {@code module#field} with what another instance of this engine exports, by identity.
     *
     * @throws IllegalArgumentException when the extern is not this engine's or its kind is not the import's
     */
    CoreInstanceBuilder importExtern(String module, String field, CoreExtern extern);

    /**
     * Makes the instance: links every import, initialises memories and tables (active segments), binds the views,
     * then runs the module's start section. An exported {@code _start} is never called.
     *
     * @throws dev.witbind.runtime.errors.WitTrapException when initialisation or the start function traps
     * @throws dev.witbind.runtime.errors.WitModuleException when an import is missing or of the wrong type
     */
    CoreInstance instantiate();
}
