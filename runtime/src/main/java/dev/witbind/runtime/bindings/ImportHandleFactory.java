package dev.witbind.runtime.bindings;

import dev.witbind.runtime.abi.LiftLowerContext;

/**
 * Makes the {@link ImportHandle} of one host function for each guest instance that imports it.
 *
 * @param <T> the implementation the handle calls
 */
@FunctionalInterface
public interface ImportHandleFactory<T> {
    /**
     * @param cx the import's context: the canonical options of its {@code canon lower} and the importing instance
     * @param function the import's qualified name, as the guest spells it, for errors
     * @param implementation the host object for this guest instance: the registered one, or the one a host factory
     *     made for this instance
     */
    ImportHandle bind(LiftLowerContext cx, String function, T implementation);
}
