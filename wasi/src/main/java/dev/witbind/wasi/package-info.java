/**
 * The WASI 0.2 host of witbind: {@link dev.witbind.wasi.Wasi#register} puts every WASI interface into a linker at
 * 0.2.12 (guests built for any 0.2.x link through the {@code @0.2} track), {@link dev.witbind.wasi.Wasi#run} runs a
 * command component. Configuration is in {@code config}, the hosts in {@code host}, the Java generated from the
 * WASI WIT in {@code bindings}.
 */
package dev.witbind.wasi;
