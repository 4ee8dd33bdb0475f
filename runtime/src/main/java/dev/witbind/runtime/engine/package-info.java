/**
 * The engine adapter's interface: what witbind's runtime needs from a WebAssembly engine, for one core module or for
 * the several core instances of a component, whose memories, tables and globals are shared by identity
 * ({@link dev.witbind.runtime.engine.CoreInstanceBuilder#importExtern}). The runtime programs against these types
 * only; {@code engine.chicory} implements them on Chicory. Host functions reach the engine as
 * {@link dev.witbind.runtime.bindings.ImportHandle}s, which are Chicory's handle type directly (see there why).
 */
package dev.witbind.runtime.engine;
