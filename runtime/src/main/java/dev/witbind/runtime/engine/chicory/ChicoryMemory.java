package dev.witbind.runtime.engine.chicory;

import dev.witbind.runtime.abi.GuestMemory;

/**
 * {@link GuestMemory} over witbind's {@link LinearMemory}: how the Canonical ABI reads and writes an instance's
 * memory. A view that an instance builder hands out before the memory exists is bound once, when the instance is
 * made; every access after that is one field load away from the array.
 */
public final class ChicoryMemory implements GuestMemory {
    private LinearMemory memory;

    /** A view of {@code memory}. */
    public ChicoryMemory(LinearMemory memory) {
        this.memory = memory;
    }

    /** A view to be {@linkplain #bind bound} later. */
    ChicoryMemory() {}

    /** Binds a view made before its memory existed; once. */
    void bind(LinearMemory memory) {
        if (this.memory != null) {
            throw new IllegalStateException("the memory view is bound already");
        }
        this.memory = memory;
    }

    /** The memory itself. */
    public LinearMemory memory() {
        return memory;
    }

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
