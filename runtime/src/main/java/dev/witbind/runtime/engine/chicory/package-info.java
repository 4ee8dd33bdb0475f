/**
 * The engine adapter on Chicory: {@link dev.witbind.runtime.engine.chicory.ChicoryEngine} and the module, builder and
 * instance behind the {@code dev.witbind.runtime.engine} interfaces, plus witbind's own
 * {@link dev.witbind.runtime.engine.chicory.LinearMemory} (one contiguous array, so that strings are decoded where
 * they lie). The only package that knows the engine, with {@code bindings.ImportHandle}.
 */
package dev.witbind.runtime.engine.chicory;
