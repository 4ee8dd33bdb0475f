package dev.witbind.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a Java record a WIT {@code tuple<T1, ..., Tn>} instead of a WIT {@code record}: the tuple's elements are
 * the record's component types, in declaration order; the component names do not matter. The record has at least
 * one component and no type parameters; {@code @Unsigned} and {@code @WitChar} on components work as for any
 * record. For example {@code @WitTuple record NameAndCount(String name, @Unsigned int count)} is
 * {@code tuple<string, u32>}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WitTuple {}
