/**
 * The embedding API: a {@link dev.witbind.runtime.Linker} of host definitions by Component Model name (hosts
 * registered as one shared object or through a {@link dev.witbind.runtime.HostFactory} per instance), a
 * {@link dev.witbind.runtime.GuestModule} parsed once, a {@link dev.witbind.runtime.GuestInstance} per
 * instantiation, and its exports as {@link dev.witbind.runtime.GuestFunction}s. Errors are in
 * {@code dev.witbind.runtime.errors}, all of them {@link dev.witbind.wit.WitException}s; WIT values in Java
 * ({@code Result}, {@code VariantValue}) are in {@code dev.witbind.wit.values}.
 *
 * <p>The other packages: {@code bindings} supports generated code, {@code abi} is the Canonical ABI,
 * {@code resources} the handle tables, {@code engine} the engine adapter's interface and {@code engine.chicory} its
 * implementation on Chicory. Nothing below this package depends on it.
 */
package dev.witbind.runtime;
