/**
 * The Canonical ABI ({@code spec/CanonicalABI.md}), engine-free: the canonical options of a function
 * ({@link dev.witbind.runtime.abi.CanonicalOptions}: memory, realloc, post-return, string encoding), the state of an
 * instance ({@link dev.witbind.runtime.abi.InstanceState}: handles, may-enter, poison), and lifting and lowering
 * through both ({@link dev.witbind.runtime.abi.LiftLowerContext}), for generated bindings and, through the codecs
 * ({@link dev.witbind.runtime.abi.ValueCodec}), for dynamic calls of Java objects. The sizes, alignments and
 * flattening rules it follows are the {@code wit} module's {@code dev.witbind.wit.abi.CanonicalAbi}.
 */
package dev.witbind.runtime.abi;
