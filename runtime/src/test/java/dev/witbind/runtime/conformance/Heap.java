package dev.witbind.runtime.conformance;

import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.witbind.runtime.abi.GuestMemory;
import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.abi.Realloc;
import dev.witbind.runtime.abi.StringEncoding;
import dev.witbind.runtime.abi.TestContexts;
import dev.witbind.runtime.engine.chicory.ChicoryMemory;
import dev.witbind.runtime.engine.chicory.LinearMemory;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.abi.CanonicalAbi;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference suite's {@code Heap} on a real memory: one page of witbind's {@link LinearMemory} (it cannot grow),
 * its first bytes set as a test case wants, and a bump {@code cabi_realloc} in Java that behaves like the suite's
 * {@code Heap.realloc}: allocations start at address 0, a shrinking reallocation stays in place, a growing one
 * copies the old bytes to the next free address, and running out of memory (the page, or the suite's smaller heap
 * size when one is given) traps.
 */
public final class Heap implements Realloc {
    private final LinearMemory memory = new LinearMemory(new MemoryLimits(1, 1));
    private final ChicoryMemory view = new ChicoryMemory(memory);
    private final List<String> reallocs = new ArrayList<>();
    private long capacity = memory.byteSize();
    private int lastAlloc;

    /** An empty heap. */
    public Heap() {}

    /** An empty heap whose {@code realloc} hands out at most {@code bytes} bytes: the suite's {@code Heap(bytes)}. */
    public static Heap ofCapacity(int bytes) {
        Heap heap = new Heap();
        heap.capacity = bytes;
        return heap;
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
    public LiftLowerContext context() {
        return TestContexts.over("heap", view, this);
    }

    /** {@link #context()} for a function whose strings are in {@code stringEncoding}. */
    public LiftLowerContext context(StringEncoding stringEncoding) {
        return TestContexts.over("heap", view, this, stringEncoding);
    }

    /** The heap's memory, as the Canonical ABI sees it. */
    public GuestMemory memory() {
        return view;
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
        if (end > capacity) {
            throw new WitTrapException("oom: have " + capacity + " need " + end);
        }
        lastAlloc = (int) end;
        memory.copy((int) ret, oldPointer, oldSize);
        return log(oldPointer, oldSize, alignment, newSize, (int) ret);
    }

    private int log(int oldPointer, int oldSize, int alignment, int newSize, int ptr) {
        reallocs.add("(" + oldPointer + ", " + oldSize + ", " + alignment + ", " + newSize + ") -> " + ptr);
        return ptr;
    }
}
