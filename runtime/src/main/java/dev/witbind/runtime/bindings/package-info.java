/**
 * Support for the code the witbind annotation processor generates; not for applications. Generated bindings
 * implement {@link dev.witbind.runtime.bindings.WitBindings}, define their functions into the
 * {@link dev.witbind.runtime.bindings.FunctionDefinitions} the linker hands them, and make one
 * {@link dev.witbind.runtime.bindings.ImportHandle} subclass per function, which lifts and lowers through
 * {@link dev.witbind.runtime.abi.LiftLowerContext}. These types change when the generator changes; code written by
 * hand should use {@code dev.witbind.runtime.Linker} and {@code dev.witbind.runtime.HostCall} instead.
 */
package dev.witbind.runtime.bindings;
