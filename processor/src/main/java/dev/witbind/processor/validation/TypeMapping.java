package dev.witbind.processor.validation;

import dev.witbind.processor.model.ValueType;

/** What {@link JavaTypes} makes of a Java type and the {@code @Unsigned}/{@code @WitChar} markers on it. */
public sealed interface TypeMapping {

    /** The type maps to a WIT type. */
    record Mapped(ValueType type) implements TypeMapping {}

    /** {@code void}: a method without a result. */
    record NoResult() implements TypeMapping {}

    /** The Java type has no WIT type; {@code fix} says what to write instead. */
    record NoWitType(String fix) implements TypeMapping {}

    /** {@code @Unsigned} is on a type that is not integral. */
    record UnsignedNotIntegral() implements TypeMapping {}

    /** {@code @WitChar} is on a type that is not {@code int}. */
    record WitCharNotInt() implements TypeMapping {}

    /** Both markers are present. */
    record UnsignedAndWitChar() implements TypeMapping {}
}
