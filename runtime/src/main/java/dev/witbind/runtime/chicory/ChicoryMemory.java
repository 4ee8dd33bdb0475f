package dev.witbind.runtime.chicory;

import dev.witbind.runtime.abi.GuestMemory;

/**
 * {@link GuestMemory} over witbind's {@link LinearMemory}: the linear-memory half, shared by guest instances and by
 * tests that run the Canonical ABI on a bare memory. Subclasses say where {@code cabi_realloc} comes from.
 */
public abstract class ChicoryMemory implements GuestMemory {
    /** Set once, before the first access (an instance's memory exists only once Chicory has built it). */
    protected LinearMemory memory;

    @Override
    public long byteSize() {
        return memory.byteSize();
    }

    @Override
    public byte[] array() {
        return memory.array();
    }

    @Override
    public byte loadI8(int address) {
        return memory.read(address);
    }

    @Override
    public short loadI16(int address) {
        return memory.readShort(address);
    }

    @Override
    public int loadI32(int address) {
        return memory.readInt(address);
    }

    @Override
    public long loadI64(int address) {
        return memory.readLong(address);
    }

    @Override
    public void storeI8(int address, byte value) {
        memory.writeByte(address, value);
    }

    @Override
    public void storeI16(int address, short value) {
        memory.writeShort(address, value);
    }

    @Override
    public void storeI32(int address, int value) {
        memory.writeI32(address, value);
    }

    @Override
    public void storeI64(int address, long value) {
        memory.writeLong(address, value);
    }
}
