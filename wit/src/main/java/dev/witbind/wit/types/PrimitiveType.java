package dev.witbind.wit.types;

import java.util.Optional;

/** The primitive WIT types, {@code bool} through {@code string}. */
public enum PrimitiveType implements WitType {
    BOOL("bool"),
    S8("s8"),
    U8("u8"),
    S16("s16"),
    U16("u16"),
    S32("s32"),
    U32("u32"),
    S64("s64"),
    U64("u64"),
    F32("f32"),
    F64("f64"),
    CHAR("char"),
    STRING("string");

    private final String witName;

    PrimitiveType(String witName) {
        this.witName = witName;
    }

    /** The type for a WIT keyword such as {@code "u32"}. */
    public static Optional<PrimitiveType> forWitName(String witName) {
        for (PrimitiveType type : values()) {
            if (type.witName.equals(witName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return witName;
    }
}
