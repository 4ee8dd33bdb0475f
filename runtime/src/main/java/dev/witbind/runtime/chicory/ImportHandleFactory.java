package dev.witbind.runtime.chicory;

import dev.witbind.runtime.GuestContext;

/** Makes the {@link ImportHandle} of one host function for each guest instance that imports it. */
@FunctionalInterface
public interface ImportHandleFactory {
    /**
     * @param cx the importing guest instance
     * @param function the import's qualified name, as the guest spells it, for errors
     */
    ImportHandle bind(GuestContext cx, String function);
}
