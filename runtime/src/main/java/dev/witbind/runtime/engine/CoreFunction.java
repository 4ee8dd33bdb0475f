package dev.witbind.runtime.engine;

/** A core function of an instance, callable from the host with core values in the engine's {@code long} form. */
@FunctionalInterface
public interface CoreFunction {
    /**
     * Calls it.
     *
     * @throws dev.witbind.runtime.errors.WitTrapException when the guest traps (the engine's reason, without the
     *     function's name, which the caller adds); witbind exceptions thrown by host functions it calls pass through
     */
    long[] apply(long... args);
}
