package dev.witbind.runtime.engine;

import dev.witbind.runtime.bindings.ImportHandle;

/**
 * A function import of an instance whose host function is supplied after the instance is made
 * ({@link CoreInstanceBuilder#importLateBound}): a component can instantiate a core module before the functions it
 * imports are lowered. Until {@link #bind} a call traps; after it, a call is the bound handle's call, its failure
 * handling (and {@code may_leave} check, if it has one) included, at the cost of one load and one call more.
 */
public interface LateBoundImport {

    /**
     * Makes every later call of the import a call of {@code target}, on the thread making the instance, before the
     * instance is handed to anyone else.
     *
     * @throws IllegalStateException when the import is bound already
     */
    void bind(ImportHandle target);
}
