package dev.witbind.component.binary;

/** The core WebAssembly value types of WebAssembly 2.0. */
public enum CoreValType {
    I32,
    I64,
    F32,
    F64,
    V128,
    FUNCREF,
    EXTERNREF;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
