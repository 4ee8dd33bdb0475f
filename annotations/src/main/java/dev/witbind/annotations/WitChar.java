package dev.witbind.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code int} parameter (or, on a method, its return value) as a WIT {@code char}: a Unicode scalar
 * value (a code point that is not a surrogate). Java's {@code char} cannot hold code points above U+FFFF, so
 * witbind uses {@code int}. A guest that passes a surrogate or a value above U+10FFFF traps before the method
 * runs; a method that returns one traps the call.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface WitChar {}
