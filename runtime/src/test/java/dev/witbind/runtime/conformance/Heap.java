package dev.witbind.runtime.conformance;

import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.witbind.runtime.GuestContext;
import dev.witbind.runtime.TestGuestContexts;
import dev.witbind.runtime.WitTrapException;
import dev.witbind.runtime.chicory.ChicoryMemory;
import dev.witbind.runtime.chicory.LinearMemory;
import dev.witbind.wit.abi.CanonicalAbi;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference suite's {@code Heap} on a real memory: one page of witbind's {@link LinearMemory} (it cannot grow),
 * its first bytes set as a test case wants, and a bump {@code cabi_realloc} in Java that behaves like the suite's
 * {@code Heap.realloc}: allocations start at address 0, a shrinking reallocation stays in place, a growing one
 * copies the old bytes to the next free address, and running out of memory traps.
 */
public final class Heap extends ChicoryMemory {
    private final List<String> reallocs = new ArrayList<>();
    private int lastAlloc;

    /** An empty heap. */
    public Heap() {
        memory = new LinearMemory(new MemoryLimits(1, 1));
    }

    /** A heap whose memory starts with {@code bytes} (each an unsigned byte value). */
    public Heap(int... bytes) {
        this();
        for (int i = 0; i < bytes.length; i++) {
            memory.writeByte(i, (byte) bytes[i]);
        }
    }

    /** A heap whose memory starts with {@code bytes}. */
    public static Heap of(byte[] bytes) {
        Heap heap = new Heap();
        heap.memory.write(0, bytes, 0, bytes.length);
        return heap;
    }

    /** The context the codecs work in, as a guest with this memory and realloc would give them. */
    public GuestContext context() {
        return TestGuestContexts.over("heap", this);
    }

    /** The bytes at {@code [from, to)}. */
    public byte[] bytes(int from, int to) {
        return memory.readBytes(from, to - from);
    }

    /** Each {@code cabi_realloc} call so far, as {@code (old_ptr, old_size, align, new_size) -> ptr}. */
    public List<String> reallocs() {
        return List.copyOf(reallocs);
    }

    @Override
    public int realloc(int oldPointer, int oldSize, int alignment, int newSize) {
        if (oldPointer != 0 && newSize < oldSize) {
            return log(oldPointer, oldSize, alignment, newSize, CanonicalAbi.alignTo(oldPointer, alignment));
        }
        long ret = CanonicalAbi.alignTo(lastAlloc, alignment);
        long end = ret + Integer.toUnsignedLong(newSize);
        if (end > byteSize()) {
            throw new WitTrapException("oom: have " + byteSize() + " need " + end);
        }
        lastAlloc = (int) end;
        memory.copy((int) ret, oldPointer, oldSize);
        return log(oldPointer, oldSize, alignment, newSize, (int) ret);
    }

    private int log(int oldPointer, int oldSize, int alignment, int newSize, int ptr) {
        reallocs.add("(" + oldPointer + ", " + oldSize + ", " + alignment + ", " + newSize + ") -> " + ptr);
        return ptr;
    }

    @Override
    public boolean hasRealloc() {
        return true;
    }
}
