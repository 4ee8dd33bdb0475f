package dev.witbind.component.binary;

/** A canonical function definition of the stable component model. */
public sealed interface Canon {

    /** {@code (canon lift (core func f) opts (type t))}: a component function of type {@code t}. */
    record Lift(int coreFuncIndex, CanonOptions options, int typeIndex) implements Canon {}

    /** {@code (canon lower (func f) opts)}: a core function calling component function {@code f}. */
    record Lower(int funcIndex, CanonOptions options) implements Canon {}

    /** {@code (canon resource.new t)}: core {@code [rep] -> [handle]}. */
    record ResourceNew(int typeIndex) implements Canon {}

    /** {@code (canon resource.drop t)}: core {@code [handle] -> []}. */
    record ResourceDrop(int typeIndex) implements Canon {}

    /** {@code (canon resource.rep t)}: core {@code [handle] -> [rep]}. */
    record ResourceRep(int typeIndex) implements Canon {}
}
