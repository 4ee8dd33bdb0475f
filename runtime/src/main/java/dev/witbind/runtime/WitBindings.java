package dev.witbind.runtime;

import java.util.Optional;

/**
 * The generated bindings of one {@code @WitInterface} class. The annotation processor writes one implementation
 * per annotated class ({@code <Class>_WitBindings}) and lists them all in
 * {@code META-INF/services/dev.witbind.runtime.WitBindings}, so that {@link Linker#register(Object)} finds the
 * bindings of any annotated class through {@link java.util.ServiceLoader}.
 *
 * @param <T> the annotated class
 */
public interface WitBindings<T> {

    /** The annotated class these bindings call. */
    Class<T> implementationType();

    /** The interface name exactly as annotated, e.g. {@code example:greeter/host@0.2.1}. */
    String interfaceName();

    /** The interface name's compatibility track, e.g. {@code example:greeter/host@0.2}; empty when it has none. */
    Optional<String> compatibilityTrack();

    /** Defines one host function per WIT function of the interface in {@code linker}, calling {@code implementation}. */
    void defineInto(Linker linker, T implementation);
}
