package dev.witbind.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates Java bindings from a WIT world, the way Wasmtime's {@code bindgen!} does: for each interface the world
 * imports, its types (records, enums, flags, variants) and a Java interface {@code <Interface>Host} ({@code Host}
 * alone for an interface named {@code host}) that a {@link WitInterface} class implements; for the functions the
 * world exports, a typed proxy {@code <World>Guest} over a guest instance. An interface with resources gets a host
 * interface generic in one type parameter per resource, and a nested interface per resource with its methods, which
 * the host's nested {@link WitResource} classes implement.
 *
 * <p>Put it on a {@code package-info.java} or on a marker class: the sources are generated into that package, in
 * the first round, from this annotation's values and the WIT alone, so a class in the same compilation may
 * implement the generated interfaces and use the generated types.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface WitBindgen {
    /**
     * The world: its full name ({@code "example:greeter/greeter@0.2.1"}; a version on the same compatibility
     * track finds the highest loaded one, as for interfaces) or its name in the root package ({@code "greeter"}).
     */
    String world();

    /**
     * The WIT: package directories (with their {@code deps/}) or single {@code .wit} files, as for
     * {@code -Awitbind.wit}; relative paths are resolved against the compiler's working directory. Empty (the
     * default): the value of {@code -Awitbind.wit}, else the {@code src/main/wit/} beside the sources.
     */
    String[] wit() default {};
}
