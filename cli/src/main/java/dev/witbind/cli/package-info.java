/**
 * The {@code witbind} command: {@code run} (a WASI 0.2 command component, or one export of a reactor with
 * {@code --invoke}, following {@code wasmtime run}'s syntax), {@code inspect} (a component's world as WIT) and
 * {@code check} (how its imports resolve against the built-in WASI host). Not an API: the jar is run, not linked.
 */
package dev.witbind.cli;
