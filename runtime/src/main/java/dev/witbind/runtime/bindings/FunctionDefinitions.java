package dev.witbind.runtime.bindings;

import dev.witbind.wit.types.WitFunctionType;

/**
 * Where {@link WitBindings#defineFunctions} defines an interface's functions: the linker hands one to the bindings of
 * each registration, already bound to the interface's instance and to the host object (or factory) registered.
 *
 * @param <T> the annotated class
 */
@FunctionalInterface
public interface FunctionDefinitions<T> {
    /**
     * Defines a function of the interface.
     *
     * @param name its WIT name, e.g. {@code greet} or {@code [method]bucket.get}
     * @param type its WIT type
     * @param handles makes the handle each guest instance calls; the handles must return exactly the flat core
     *     results of {@code type} (generated code does; nothing checks it)
     */
    void define(String name, WitFunctionType type, ImportHandleFactory<T> handles);
}
