package dev.witbind.runtime.bindings;

import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.Version;
import java.util.Map;

/**
 * The generated bindings of one {@code @WitInterface} class. The annotation processor writes one implementation
 * per annotated class ({@code <Class>_WitBindings}) and lists them all in
 * {@code META-INF/services/dev.witbind.runtime.bindings.WitBindings}, so that {@code Linker.register} finds the
 * bindings of any annotated class.
 *
 * @param <T> the annotated class
 */
public interface WitBindings<T> {

    /** The annotated class these bindings call. */
    Class<T> implementationType();

    /** The interface name exactly as annotated, e.g. {@code example:greeter/host@0.2.1}, with its track. */
    InterfaceName interfaceName();

    /** Defines one host function per WIT function of the interface (and the drop of each resource). */
    void defineFunctions(FunctionDefinitions<T> functions);

    /**
     * The version of the interface that added each function, by WIT name ({@code shout}, {@code [method]bucket.get}),
     * from the {@code @since} gates of the WIT the processor checked the class against; functions without a gate,
     * and every function of bindings made without WIT, are absent. The linker's strict mode uses it to refuse a guest
     * that imports an older version of the interface and calls a function added after it
     * (see {@code Linker.versioning}).
     */
    default Map<String, Version> functionsSince() {
        return Map.of();
    }
}
