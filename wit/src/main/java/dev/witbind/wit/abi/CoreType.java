package dev.witbind.wit.abi;

/** The core WebAssembly value types that Canonical ABI values flatten to. */
public enum CoreType {
    I32,
    I64,
    F32,
    F64;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
