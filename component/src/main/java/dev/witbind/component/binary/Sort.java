package dev.witbind.component.binary;

/**
 * The index spaces of a component ({@code sort} in Binary.md): the core sorts, then the component-level ones. Every
 * definition appends to exactly one of them.
 */
public enum Sort {
    CORE_FUNC("core func", true),
    CORE_TABLE("core table", true),
    CORE_MEMORY("core memory", true),
    CORE_GLOBAL("core global", true),
    CORE_TAG("core tag", true),
    CORE_TYPE("core type", true),
    CORE_MODULE("core module", true),
    CORE_INSTANCE("core instance", true),
    FUNC("func", false),
    VALUE("value", false),
    TYPE("type", false),
    COMPONENT("component", false),
    INSTANCE("instance", false);

    private final String text;
    private final boolean core;

    Sort(String text, boolean core) {
        this.text = text;
        this.core = core;
    }

    /** Whether this is one of the core index spaces. */
    public boolean isCore() {
        return core;
    }

    /** The sort as the text format writes it, e.g. {@code core func}. */
    @Override
    public String toString() {
        return text;
    }
}
