package dev.witbind.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static class nested in a {@link WitInterface} class as a WIT resource of that interface. Its
 * public constructor is {@code [constructor]r}, its public instance methods are {@code [method]r.m} (called on the
 * instance the guest's handle refers to), its public static methods are {@code [static]r.m}. When the guest drops its
 * last owning handle, the instance is closed if it is {@link AutoCloseable} ({@code close()} is not a WIT function).
 *
 * <p>{@code @WitBindgen} also puts it, with {@link #interfaceName()}, on the nested interface it generates for each
 * resource: a record or variant it generates may hold that interface (WASI's {@code stream-error} holds
 * {@code wasi:io/error}'s {@code error}), and a host passes any object of its {@code @WitResource} class there.
 *
 * <p>A parameter or result of the resource's class is an owning handle ({@code own<r>}); mark a parameter
 * {@link Borrow} to borrow it for the duration of the call instead.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WitResource {
    /** The resource's WIT name; empty (the default) derives it from the class name ({@code Bucket} is {@code bucket}). */
    String value() default "";

    /**
     * The WIT interface that defines the resource, such as {@code "wasi:io/error@0.2.12"}: set by
     * {@code @WitBindgen} on the resource interfaces it generates, which are nested in no {@link WitInterface}
     * class. Leave it empty on a class: its interface is its enclosing class's.
     */
    String interfaceName() default "";
}
