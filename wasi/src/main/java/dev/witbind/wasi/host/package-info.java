/**
 * The WASI 0.2 hosts: one witbind host class per WASI interface, named after its package and interface
 * ({@code IoStreams} is {@code wasi:io/streams}, {@code FilesystemTypes} {@code wasi:filesystem/types}), each
 * implementing the interface {@code @WitBindgen} generated in {@code dev.witbind.wasi.bindings} and registered by
 * {@link dev.witbind.wasi.host.WasiHosts} as a factory, so that each guest instance gets its own objects around
 * one shared {@code WasiContext}. Beside them: the byte sources and sinks the stream resources wrap, the
 * filesystem sandbox ({@code SandboxPath}, the one place a guest path is resolved) and the one mapping of Java's
 * I/O exceptions to WASI error codes ({@code FilesystemErrorCodes}). The classes are public because the processor
 * binds only public classes; use {@link dev.witbind.wasi.Wasi} rather than them.
 */
package dev.witbind.wasi.host;
