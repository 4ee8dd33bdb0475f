package dev.witbind.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a parameter of a {@link WitResource} type as {@code borrow<r>}: the guest lends the resource for the
 * duration of the call and keeps its handle. Without it, the parameter is {@code own<r>} and ownership moves to
 * the host. On a type argument ({@code List<@Borrow Bucket>}) it marks the elements.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.TYPE_USE})
public @interface Borrow {}
