package dev.witbind.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as the host implementation of one WIT interface.
 *
 * <p>The value is the interface's Component Model name, {@code namespace:package/interface}, with an optional
 * {@code @version} in strict SemVer 2.0, for example {@code "wasi:io/streams@0.2.1"}. Every public instance
 * method of the class becomes a function of the interface, named by converting the method name from camelCase
 * to kebab-case unless {@link WitFunction} names it.
 *
 * <p>The witbind annotation processor checks the class at compile time and generates
 * {@code <Class>_WitBindings}, which registers an instance of the class into a {@code Linker} under the exact
 * name and its semver-compatible track.
 *
 * <p>Retained at run time for one reason: when a class has no generated bindings, the runtime can tell a class that
 * was annotated but compiled without the processor (a build problem, which it explains) from one never annotated.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WitInterface {
    /** The interface name, e.g. {@code "example:greeter/host@0.2.1"}. */
    String value();
}
