package dev.witbind.runtime.abi;

/**
 * A guest's linear memory as the Canonical ABI reads and writes it: the {@code memory} of a {@link CanonicalOptions}.
 * The engine adapter implements it; {@link LiftLowerContext} does every bounds, alignment and encoding check before
 * calling it, so implementations may assume valid, in-range addresses.
 */
public interface GuestMemory {
    /** The current size of linear memory in bytes (it can grow during a call). */
    long byteSize();

    /**
     * The array that holds linear memory: bytes {@code [0, byteSize())} of it are the guest's memory, so strings and
     * lists are decoded where they lie and results copied straight in. Valid only until the memory grows (any call
     * into the guest, such as {@link #realloc}, can grow it): read it again after such a call, never keep it.
     */
    byte[] array();

    byte loadI8(int address);

    short loadI16(int address);

    int loadI32(int address);

    long loadI64(int address);

    void storeI8(int address, byte value);

    void storeI16(int address, short value);

    void storeI32(int address, int value);

    void storeI64(int address, long value);
}
