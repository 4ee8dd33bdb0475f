package dev.witbind.runtime;

/**
 * Makes a host object for each guest instance: the per-instance state of a host (Wasmtime keeps it in a
 * {@code Store<T>}'s data). Register one with {@link Linker#register(Class, HostFactory)}; the linker calls it once
 * per guest instance that imports the interface, while that instance is being instantiated, and every function the
 * instance imports from the interface calls the object it made.
 *
 * @param <T> the class annotated {@code @WitInterface}
 */
@FunctionalInterface
public interface HostFactory<T> {
    /**
     * Makes the host object of one new guest instance.
     *
     * @param instantiation the guest being instantiated, and the data its instantiation was given
     * @return a host object; never {@code null}
     */
    T create(Instantiation instantiation);
}
