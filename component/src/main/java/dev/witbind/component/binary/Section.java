package dev.witbind.component.binary;

/** Where in a component binary a problem is: the preamble or one of the sections of Binary.md. */
public enum Section {
    PREAMBLE("preamble"),
    CUSTOM("custom section"),
    CORE_MODULE("core module section"),
    CORE_INSTANCE("core instance section"),
    CORE_TYPE("core type section"),
    COMPONENT("component section"),
    INSTANCE("instance section"),
    ALIAS("alias section"),
    TYPE("type section"),
    CANON("canon section"),
    START("start section"),
    IMPORT("import section"),
    EXPORT("export section"),
    VALUE("value section");

    private final String description;

    Section(String description) {
        this.description = description;
    }

    /** The section with this id, or {@code null} for an id Binary.md does not define. */
    static Section forId(int id) {
        return switch (id) {
            case 0 -> CUSTOM;
            case 1 -> CORE_MODULE;
            case 2 -> CORE_INSTANCE;
            case 3 -> CORE_TYPE;
            case 4 -> COMPONENT;
            case 5 -> INSTANCE;
            case 6 -> ALIAS;
            case 7 -> TYPE;
            case 8 -> CANON;
            case 9 -> START;
            case 10 -> IMPORT;
            case 11 -> EXPORT;
            case 12 -> VALUE;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return description;
    }
}
