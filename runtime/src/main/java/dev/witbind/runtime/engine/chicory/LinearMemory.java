package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * A WebAssembly linear memory for Chicory that keeps the whole memory in one contiguous {@code byte[]} and hands
 * that array out: install it with {@code Instance.builder(module).withMemoryFactory(LinearMemory::new)}.
 *
 * <p>Why it exists: Chicory's own memories split the memory into 64 KiB pages and keep them private, so every
 * string or list the Canonical ABI lifts must first be copied out with {@link #readBytes} before it can be decoded,
 * and every result lowered must go through an intermediate array too. With one array, witbind decodes UTF-8 and
 * reads lists straight from {@link #array()} and copies results straight into it.
 *
 * <p>Size limit: the array is indexed by a Java {@code int}, so a memory holds at most {@value #MAX_PAGES} pages
 * (2 GiB - 64 KiB; this is also Chicory's {@link Memory#RUNTIME_MAX_PAGES}). A {@link #grow} beyond that fails with
 * -1, as WebAssembly allows any grow to fail; so does a grow the JVM has no heap for.
 *
 * <p>No shared memories: the constructor rejects shared limits, because the Component Model has no threads and
 * witbind never runs a guest on more than one thread.
 *
 * <p>Thread safety: none beyond that of Chicory's non-shared memories. One instance is used by one thread at a
 * time; handing it to another thread needs the usual happens-before edge (a lock, an executor submission).
 *
 * <p>Every access is bounds-checked against the memory's logical size ({@link #byteSize()}), never against the
 * capacity of the array, which grows ahead of the memory. Out-of-bounds accesses throw a
 * {@link WasmRuntimeException} whose message starts with {@code "out of bounds memory access"}, Chicory's trap.
 */
public final class LinearMemory implements Memory {
    /**
     * witbind's cap on a memory's size, in pages: the most pages whose bytes fit in a Java array
     * ({@code 32767 * 65536 = 2^31 - 65536}).
     */
    public static final int MAX_PAGES = 32767;

    private static final int PAGE_SHIFT = 16;

    // Little-endian views, as WebAssembly stores every multi-byte value; static final so the JIT folds them.
    private static final VarHandle SHORT = view(short[].class);
    private static final VarHandle INT = view(int[].class);
    private static final VarHandle LONG = view(long[].class);
    private static final VarHandle FLOAT = view(float[].class);
    private static final VarHandle DOUBLE = view(double[].class);

    private static VarHandle view(Class<?> arrayType) {
        return MethodHandles.byteArrayViewVarHandle(arrayType, ByteOrder.LITTLE_ENDIAN);
    }

    private final MemoryLimits limits;
    private final int maximumPages;
    private byte[] memory;
    /** The logical size in bytes, a whole number of pages; every access checks against it. */
    private int size;
    /**
     * The instance's own array, not a copy: Chicory's interpreter drops a segment through
     * {@link Instance#dropDataSegment}, which writes into that array, and {@link #initPassiveSegment} must see it.
     */
    private DataSegment[] dataSegments;

    /**
     * A zeroed memory of {@code limits.initialPages()} pages.
     *
     * @throws IllegalArgumentException if the limits are shared
     * @throws UninstantiableException if the initial size is over {@value #MAX_PAGES} pages
     */
    public LinearMemory(MemoryLimits limits) {
        this(limits, MAX_PAGES);
    }

    /**
     * A zeroed memory of {@code limits.initialPages()} pages that never grows past {@code pageLimit} pages (an
     * instance's limit), whatever the module declares.
     *
     * @throws IllegalArgumentException if the limits are shared
     * @throws UninstantiableException if the initial size is over the limit
     */
    public LinearMemory(MemoryLimits limits, int pageLimit) {
        if (limits.shared()) {
            throw new IllegalArgumentException("witbind supports no shared memories (the Component Model has no "
                    + "threads); got limits " + limits);
        }
        this.limits = limits;
        int cap = Math.min(pageLimit, Math.min(MAX_PAGES, RUNTIME_MAX_PAGES));
        this.maximumPages = Math.min(limits.maximumPages(), cap);
        int initial = limits.initialPages();
        if (initial > maximumPages) {
            throw new UninstantiableException("a memory of " + initial + " initial pages is over "
                    + (cap < MAX_PAGES ? "the instance's limit of " + cap + " pages (" + (cap >> 4) + " MiB)"
                            : "witbind's limit of " + MAX_PAGES + " pages (2 GiB - 64 KiB)"));
        }
        this.size = initial << PAGE_SHIFT;
        this.memory = new byte[size];
    }

    // ---- witbind's API ---------------------------------------------------------------------------------------

    /**
     * The array that holds this memory: bytes {@code [0, byteSize())} are the guest's memory (the array may be
     * longer; the bytes past {@link #byteSize()} are not the guest's).
     *
     * <p>Valid only until the memory grows, which any call into the guest can do: a grow may move the memory to a
     * new array. Read it again after every call into the guest, and never keep it.
     */
    public byte[] array() {
        return memory;
    }

    /** The memory's size in bytes, {@code pages() * 65536}: at most {@code 2^31 - 65536}. */
    public int byteSize() {
        return size;
    }

    // ---- size ------------------------------------------------------------------------------------------------

    @Override
    public int pages() {
        return size >>> PAGE_SHIFT;
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    @Override
    public int maximumPages() {
        return maximumPages;
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public int grow(int delta) {
        int old = pages();
        // delta is a u32: a negative int is a request for 2^31 pages or more, which can never fit.
        if (delta < 0 || delta > maximumPages - old) {
            return -1;
        }
        int newPages = old + delta;
        int newSize = newPages << PAGE_SHIFT;
        if (newSize > memory.length) {
            byte[] bigger = allocate(newSize);
            if (bigger == null) {
                return -1;
            }
            System.arraycopy(memory, 0, bigger, 0, size);
            memory = bigger;
        } else {
            // array() lets a caller write past byteSize(), so spare capacity is not trusted to be zero.
            Arrays.fill(memory, size, newSize, (byte) 0);
        }
        size = newSize;
        return old;
    }

    /**
     * A zeroed array of at least {@code needed} bytes. It doubles the capacity, so that a guest growing one page at
     * a time copies its memory O(log n) times rather than once per page; it never goes past the maximum, since the
     * memory can never use more. Null when the heap cannot hold even {@code needed} bytes.
     */
    private byte[] allocate(int needed) {
        long maxBytes = (long) maximumPages << PAGE_SHIFT;
        int doubled = (int) Math.min(2L * memory.length, maxBytes);
        if (doubled > needed) {
            try {
                return new byte[doubled];
            } catch (OutOfMemoryError e) {
                // fall through: the heap may still hold the exact size
            }
        }
        try {
            return new byte[needed];
        } catch (OutOfMemoryError e) {
            return null; // WebAssembly lets memory.grow fail; the guest sees -1
        }
    }

    // ---- bounds ----------------------------------------------------------------------------------------------

    /**
     * Whether {@code [address, address + length)}, both read as u32, leaves {@code [0, limit)}. In longs, so that
     * neither a negative int (an address or length of 2^31 or more) nor the sum can wrap.
     */
    private static boolean outside(int address, int length, int limit) {
        return Integer.toUnsignedLong(address) + Integer.toUnsignedLong(length) > limit;
    }

    /** Kept out of the accessors so that they stay small enough to inline into compiled guest code. */
    private WasmRuntimeException outOfBounds(int address, int length) {
        return new WasmRuntimeException(outOfBoundsMessage(address, length, size));
    }

    private static String outOfBoundsMessage(int address, int length, int limit) {
        return "out of bounds memory access: attempted to access address: " + Integer.toUnsignedString(address)
                + " but limit is: " + limit + " and size: " + Integer.toUnsignedString(length);
    }

    private void checkRange(int address, int length) {
        if (outside(address, length, size)) {
            throw outOfBounds(address, length);
        }
    }

    // ---- loads -----------------------------------------------------------------------------------------------

    @Override
    public byte read(int address) {
        if (Integer.toUnsignedLong(address) >= size) {
            throw outOfBounds(address, 1);
        }
        return memory[address];
    }

    @Override
    public short readShort(int address) {
        if (Integer.toUnsignedLong(address) + 2 > size) {
            throw outOfBounds(address, 2);
        }
        return (short) SHORT.get(memory, address);
    }

    @Override
    public long readU16(int address) {
        return readShort(address) & 0xFFFFL;
    }

    @Override
    public int readInt(int address) {
        if (Integer.toUnsignedLong(address) + 4 > size) {
            throw outOfBounds(address, 4);
        }
        return (int) INT.get(memory, address);
    }

    @Override
    public long readLong(int address) {
        if (Integer.toUnsignedLong(address) + 8 > size) {
            throw outOfBounds(address, 8);
        }
        return (long) LONG.get(memory, address);
    }

    @Override
    public float readFloat(int address) {
        if (Integer.toUnsignedLong(address) + 4 > size) {
            throw outOfBounds(address, 4);
        }
        return (float) FLOAT.get(memory, address);
    }

    @Override
    public double readDouble(int address) {
        if (Integer.toUnsignedLong(address) + 8 > size) {
            throw outOfBounds(address, 8);
        }
        return (double) DOUBLE.get(memory, address);
    }

    /** The raw bits, sign-extended from the int as Chicory's memories do (not zero-extended). */
    @Override
    public long readF32(int address) {
        return readInt(address);
    }

    /** The raw bits. */
    @Override
    public long readF64(int address) {
        return readLong(address);
    }

    @Override
    public byte[] readBytes(int address, int length) {
        checkRange(address, length);
        return Arrays.copyOfRange(memory, address, address + length);
    }

    /** Decodes straight from the array, without the intermediate copy of the interface's default. */
    @Override
    public String readString(int address, int length, Charset charset) {
        checkRange(address, length);
        return new String(memory, address, length, charset);
    }

    // ---- stores ----------------------------------------------------------------------------------------------

    @Override
    public void writeByte(int address, byte value) {
        if (Integer.toUnsignedLong(address) >= size) {
            throw outOfBounds(address, 1);
        }
        memory[address] = value;
    }

    @Override
    public void writeShort(int address, short value) {
        if (Integer.toUnsignedLong(address) + 2 > size) {
            throw outOfBounds(address, 2);
        }
        SHORT.set(memory, address, value);
    }

    @Override
    public void writeI32(int address, int value) {
        if (Integer.toUnsignedLong(address) + 4 > size) {
            throw outOfBounds(address, 4);
        }
        INT.set(memory, address, value);
    }

    @Override
    public void writeLong(int address, long value) {
        if (Integer.toUnsignedLong(address) + 8 > size) {
            throw outOfBounds(address, 8);
        }
        LONG.set(memory, address, value);
    }

    @Override
    public void writeF32(int address, float value) {
        if (Integer.toUnsignedLong(address) + 4 > size) {
            throw outOfBounds(address, 4);
        }
        FLOAT.set(memory, address, value);
    }

    @Override
    public void writeF64(int address, double value) {
        if (Integer.toUnsignedLong(address) + 8 > size) {
            throw outOfBounds(address, 8);
        }
        DOUBLE.set(memory, address, value);
    }

    /**
     * Copies {@code data[offset, offset + length)} to {@code address}. Like Chicory, a range outside {@code data}
     * is an out-of-bounds trap too (it is how {@code memory.init} reports a bad segment range), checked first.
     */
    @Override
    public void write(int address, byte[] data, int offset, int length) {
        if (outside(offset, length, data.length)) {
            throw new WasmRuntimeException(outOfBoundsMessage(offset, length, data.length));
        }
        checkRange(address, length);
        System.arraycopy(data, offset, memory, address, length);
    }

    // ---- bulk ------------------------------------------------------------------------------------------------

    /**
     * Sets bytes {@code [fromIndex, toIndex)}: an end index, not a length, as Chicory passes it. The length is
     * {@code toIndex - fromIndex} in int arithmetic, so an end that wrapped past 2^31 still gives the right length.
     */
    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        int length = toIndex - fromIndex;
        checkRange(fromIndex, length);
        Arrays.fill(memory, fromIndex, fromIndex + length, value);
    }

    /** {@code memory.copy}: overlapping ranges copy as if through a temporary buffer, as System.arraycopy does. */
    @Override
    public void copy(int dest, int src, int length) {
        checkRange(dest, length);
        checkRange(src, length);
        System.arraycopy(memory, src, memory, dest, length);
    }

    @Override
    public void zero() {
        Arrays.fill(memory, 0, size, (byte) 0);
    }

    // ---- data segments ---------------------------------------------------------------------------------------

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        initialize(instance, dataSegments, 0);
    }

    /**
     * Copies the active segments of memory {@code memoryIndex} to their offsets, in order, and keeps
     * {@code dataSegments} for {@code memory.init}. A segment out of bounds fails the instantiation with an
     * {@link UninstantiableException}, as with Chicory's memories (the segments before it stay written).
     */
    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        this.dataSegments = dataSegments;
        writeActiveSegments(instance, dataSegments, memoryIndex);
    }

    /**
     * Copies the active segments of memory {@code memoryIndex} of {@code instance} to their offsets, in order, without
     * keeping any: for an instance that imports this memory ({@link ImportedMemory} keeps that instance's segments).
     */
    void writeActiveSegments(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        if (dataSegments == null) {
            return;
        }
        for (DataSegment segment : dataSegments) {
            if (!(segment instanceof ActiveDataSegment)) {
                continue; // passive: only for memory.init
            }
            ActiveDataSegment active = (ActiveDataSegment) segment;
            if (active.index() != memoryIndex) {
                continue;
            }
            int offset = (int) ConstantEvaluators.computeConstantValue(instance, active.offsetInstructions())[0];
            byte[] data = active.data();
            if (outside(offset, data.length, size)) {
                throw new UninstantiableException(outOfBoundsMessage(offset, data.length, size));
            }
            System.arraycopy(data, 0, memory, offset, data.length);
        }
    }

    /** {@code memory.init}: a dropped segment is empty, so only a zero-length init of it succeeds. */
    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int length) {
        write(dest, dataSegments[segmentId].data(), offset, length);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    // ---- atomics ---------------------------------------------------------------------------------------------

    /**
     * The monitor the interface's default atomic operations hold. No other thread can see a non-shared memory, so
     * one monitor for every address is enough, and it is never contended.
     */
    @Override
    public Object lock(int address) {
        return this;
    }

    /** {@code memory.atomic.wait32} traps on a non-shared memory, with Chicory's exception and message. */
    @Override
    public int waitOn(int address, int expected, long timeout) {
        throw waitOnNonShared();
    }

    /** {@code memory.atomic.wait64} traps on a non-shared memory, with Chicory's exception and message. */
    @Override
    public int waitOn(int address, long expected, long timeout) {
        throw waitOnNonShared();
    }

    private static ChicoryException waitOnNonShared() {
        return new ChicoryException("Attempt to wait on a non-shared memory, not supported.");
    }

    /** Nothing can wait on a non-shared memory, so there is no one to wake. */
    @Override
    public int notify(int address, int count) {
        return 0;
    }
}
