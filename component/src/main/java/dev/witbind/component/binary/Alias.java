package dev.witbind.component.binary;

/** An alias: a new index in {@code sort} for an item of another instance or an enclosing scope. */
public record Alias(Sort sort, Target target) {

    /** What an alias refers to. */
    public sealed interface Target {}

    /** {@code (alias export i "name")}: an export of a component instance. */
    public record InstanceExport(int instanceIndex, String name) implements Target {}

    /** {@code (alias core export i "name")}: an export of a core instance. */
    public record CoreInstanceExport(int coreInstanceIndex, String name) implements Target {}

    /** {@code (alias outer count index)}: a definition {@code count} scopes out. */
    public record Outer(int count, int index) implements Target {}
}
