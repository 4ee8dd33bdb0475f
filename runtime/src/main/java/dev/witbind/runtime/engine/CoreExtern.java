package dev.witbind.runtime.engine;

/**
 * A memory, table, global or function exported by one core instance, to be imported by another: the wiring of a
 * component's core instances, where the adapter module imports the main module's memory and the fixup module writes
 * into the shim's table. Opaque outside the engine that made it; shared by identity, never copied.
 */
public interface CoreExtern {
    /** {@code func}, {@code memory}, {@code table} or {@code global}. */
    String kind();
}
