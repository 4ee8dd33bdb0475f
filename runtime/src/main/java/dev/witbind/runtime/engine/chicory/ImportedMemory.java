package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.nio.charset.Charset;

/**
 * Another instance's {@link LinearMemory} as one importing instance sees it: every access goes to that memory, but
 * the importing instance's data segments stay its own. Chicory hands a memory the data segments of each module that
 * initialises it and serves {@code memory.init} from the last ones (its memories keep one array), so without this
 * view a main module's {@code memory.init} would read the adapter's segments once the adapter has imported its
 * memory (components.md, pitfall 1).
 */
final class ImportedMemory implements Memory {
    private final LinearMemory memory;
    /** The importing instance's own segments, for its {@code memory.init} and {@code data.drop}. */
    private DataSegment[] dataSegments;

    ImportedMemory(LinearMemory memory) {
        this.memory = memory;
    }

    /** The memory this view reaches. */
    LinearMemory target() {
        return memory;
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments) {
        initialize(instance, segments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments, int memoryIndex) {
        this.dataSegments = segments;
        memory.writeActiveSegments(instance, segments, memoryIndex);
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int length) {
        memory.write(dest, dataSegments[segmentId].data(), offset, length);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    // ---- everything else is the memory's ---------------------------------------------------------------------

    @Override
    public int pages() {
        return memory.pages();
    }

    @Override
    public int grow(int delta) {
        return memory.grow(delta);
    }

    @Override
    public int initialPages() {
        return memory.initialPages();
    }

    @Override
    public int maximumPages() {
        return memory.maximumPages();
    }

    @Override
    public boolean shared() {
        return memory.shared();
    }

    @Override
    public Object lock(int address) {
        return memory.lock(address);
    }

    @Override
    public int waitOn(int address, int expected, long timeout) {
        return memory.waitOn(address, expected, timeout);
    }

    @Override
    public int waitOn(int address, long expected, long timeout) {
        return memory.waitOn(address, expected, timeout);
    }

    @Override
    public int notify(int address, int count) {
        return memory.notify(address, count);
    }

    @Override
    public void write(int address, byte[] data, int offset, int length) {
        memory.write(address, data, offset, length);
    }

    @Override
    public byte read(int address) {
        return memory.read(address);
    }

    @Override
    public byte[] readBytes(int address, int length) {
        return memory.readBytes(address, length);
    }

    @Override
    public String readString(int address, int length, Charset charset) {
        return memory.readString(address, length, charset);
    }

    @Override
    public void writeI32(int address, int value) {
        memory.writeI32(address, value);
    }

    @Override
    public int readInt(int address) {
        return memory.readInt(address);
    }

    @Override
    public void writeLong(int address, long value) {
        memory.writeLong(address, value);
    }

    @Override
    public long readLong(int address) {
        return memory.readLong(address);
    }

    @Override
    public void writeShort(int address, short value) {
        memory.writeShort(address, value);
    }

    @Override
    public short readShort(int address) {
        return memory.readShort(address);
    }

    @Override
    public long readU16(int address) {
        return memory.readU16(address);
    }

    @Override
    public void writeByte(int address, byte value) {
        memory.writeByte(address, value);
    }

    @Override
    public void writeF32(int address, float value) {
        memory.writeF32(address, value);
    }

    @Override
    public long readF32(int address) {
        return memory.readF32(address);
    }

    @Override
    public float readFloat(int address) {
        return memory.readFloat(address);
    }

    @Override
    public void writeF64(int address, double value) {
        memory.writeF64(address, value);
    }

    @Override
    public long readF64(int address) {
        return memory.readF64(address);
    }

    @Override
    public double readDouble(int address) {
        return memory.readDouble(address);
    }

    @Override
    public void zero() {
        memory.zero();
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        memory.fill(value, fromIndex, toIndex);
    }

    @Override
    public void copy(int dest, int src, int length) {
        memory.copy(dest, src, length);
    }
}
