package dev.witbind.runtime.abi;

import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.runtime.resources.HandleTable;
import dev.witbind.wit.types.ResourceType;
import java.util.Arrays;
import java.util.Objects;

/**
 * What lifting and lowering one function's values needs (the spec's {@code LiftLowerContext}): the function's
 * {@link CanonicalOptions} (its memory, its {@code realloc}, its string encoding) and the {@link InstanceState} of
 * the instance it belongs to (its resource handles). Generated bindings and the dynamic codecs lift strings and
 * lists out of guest memory and lower results into it through one of these, with every check the Canonical ABI
 * requires: a violation is a {@link WitTrapException} thrown before anything is written, to which the caller adds
 * the function's name. Strings follow the function's {@code string-encoding}: UTF-8 here, on the generated bindings'
 * hot path, {@code utf16} and {@code latin1+utf16} in {@link StringRanges}.
 *
 * <p>Made when a guest is instantiated, one per set of options (a core module's functions share one), and handed to
 * every import handle and export caller; it holds no per-call state.
 */
public final class LiftLowerContext {
    /** The memory of options that have none: any access is a trap (validation keeps it from happening). */
    private static final GuestMemory NO_MEMORY = new NoMemory();

    private final GuestMemory memory;
    private final Realloc realloc;
    private final StringEncoding stringEncoding;
    private final InstanceState instance;
    private final HandleTable handles;

    /**
     * Whether values pass between two component instances of one component (a composition), not between the host
     * and a guest: then a resource that one instance defines may go into the other's handle table, which the host
     * may never do.
     */
    private final boolean betweenComponents;

    public LiftLowerContext(CanonicalOptions options, InstanceState instance) {
        this(options, instance, false);
    }

    private LiftLowerContext(CanonicalOptions options, InstanceState instance, boolean betweenComponents) {
        this.memory = options.memory().orElse(NO_MEMORY);
        this.realloc = options.realloc().orElse(null);
        this.stringEncoding = options.stringEncoding();
        this.instance = Objects.requireNonNull(instance, "instance");
        this.handles = instance.handles();
        this.betweenComponents = betweenComponents;
    }

    /**
     * A context for one side of a call from one component instance into another of the same component (a function
     * one lifts and the other lowers): owning handles of a resource that either instance defines move between their
     * tables, and a borrow of one goes to the instance that defines it as its representation, to the other as a
     * borrow handle (the Canonical ABI's {@code lower_own} and {@code lower_borrow}).
     */
    public static LiftLowerContext betweenComponents(CanonicalOptions options, InstanceState instance) {
        return new LiftLowerContext(options, instance, true);
    }

    /** The name the guest was loaded under. */
    public String guestName() {
        return instance.guestName();
    }

    /** The instance these values belong to. */
    public InstanceState instance() {
        return instance;
    }

    /** The memory strings pass through, for {@link StringRanges}. */
    GuestMemory memory() {
        return memory;
    }

    /** The {@code string-encoding} of these options. */
    StringEncoding stringEncoding() {
        return stringEncoding;
    }

    // ---- lifting (guest -> host) ------------------------------------------------------------------------------

    /**
     * {@code load_string_from_range}. For UTF-8: the bytes at {@code [ptr, ptr + len)}, decoded where they lie in
     * guest memory by {@link Utf8#decode}, which is as cheap as {@code new String(bytes, UTF_8)} for well-formed
     * text. For {@code utf16} and {@code latin1+utf16}, {@code len} counts code units (with {@code latin1+utf16}'s
     * tag bit for UTF-16), and {@link StringRanges#lift} decodes them.
     *
     * @throws WitTrapException when the string is longer than the Canonical ABI's limit, misaligned, leaves memory,
     *     or is not well-formed UTF-8 or UTF-16
     */
    public String liftString(int ptr, int len) {
        if (stringEncoding != StringEncoding.UTF8) {
            return StringRanges.lift(this, stringEncoding, ptr, len);
        }
        checkByteRange(ptr, len, "string");
        byte[] bytes = memory.array();
        String text = Utf8.decode(bytes, ptr, len);
        if (text == null) {
            throw new WitTrapException(String.format("invalid UTF-8 at byte %d of the %d-byte string at 0x%X",
                    Utf8.firstInvalid(bytes, ptr, len), len, Integer.toUnsignedLong(ptr)));
        }
        return text;
    }

    /**
     * A {@code list<u8>} at {@code [ptr, ptr + len)}: a copy, which the host may keep.
     *
     * @throws WitTrapException when the range leaves memory
     */
    public byte[] liftBytes(int ptr, int len) {
        checkByteRange(ptr, len, "list<u8>");
        return Arrays.copyOfRange(memory.array(), ptr, ptr + len);
    }

    /**
     * Checks a string's or byte list's range: the Canonical ABI's length limit, then memory bounds, then the call's
     * {@linkplain InstanceLimits#liftedBytes lift budget}.
     */
    private void checkByteRange(int ptr, int len, String what) {
        if (Integer.toUnsignedLong(len) > ValueCodec.MAX_STRING_BYTE_LENGTH) {
            throw new WitTrapException(String.format("the %s at 0x%X is %d bytes long, more than the Canonical ABI's "
                    + "limit of %d", what, Integer.toUnsignedLong(ptr), Integer.toUnsignedLong(len),
                    ValueCodec.MAX_STRING_BYTE_LENGTH));
        }
        checkLiftedRange(ptr, Integer.toUnsignedLong(len), 1, what);
    }

    /**
     * {@code load_list_from_range}'s checks, before any element is loaded: the Canonical ABI's length limit, the
     * alignment of the element type, memory bounds, then the call's {@linkplain InstanceLimits#liftedBytes lift
     * budget}.
     *
     * @param length the element count, unsigned
     * @return {@code ptr}
     * @throws WitTrapException saying which check the list fails and where it is
     */
    public int checkListRange(int ptr, int length, int elementSize, int alignment, String what) {
        long count = Integer.toUnsignedLong(length);
        long byteLength = count * elementSize;
        if (byteLength > ValueCodec.MAX_LIST_BYTE_LENGTH) {
            throw new WitTrapException(String.format("the %s at 0x%X has %d elements of %d bytes, more than the "
                    + "Canonical ABI's limit of %d bytes", what, Integer.toUnsignedLong(ptr), count, elementSize,
                    ValueCodec.MAX_LIST_BYTE_LENGTH));
        }
        return checkLiftedRange(ptr, byteLength, alignment, what);
    }

    /**
     * Starts lifting one host call's arguments with a full {@linkplain InstanceLimits#liftedBytes lift budget}.
     * Generated code calls it first in the functions whose parameters hold strings or lists, and only there, so that
     * a call of scalars pays nothing for the budget.
     */
    public void beginLift() {
        instance.beginLift();
    }

    /**
     * {@link #checkRange}, then charges the range to the call's lift budget: what a string or list being lifted
     * copies out of guest memory.
     */
    int checkLiftedRange(int ptr, long size, int alignment, String what) {
        checkRange(ptr, size, alignment, what);
        instance.chargeLift(size, what, ptr); // the message is made only when the budget is exceeded
        return ptr;
    }

    /**
     * Checks that {@code [ptr, ptr + size)} lies in memory and that {@code ptr} is aligned, as the Canonical ABI
     * requires of every pointer it follows (an empty range may end exactly at the end of memory, not past it).
     *
     * @return {@code ptr}
     * @throws WitTrapException otherwise
     */
    public int checkRange(int ptr, long size, int alignment, String what) {
        long start = Integer.toUnsignedLong(ptr);
        if ((start & (alignment - 1)) != 0) {
            throw new WitTrapException(String.format("misaligned pointer 0x%X for %s (alignment %d)", start, what,
                    alignment));
        }
        long memorySize = memory.byteSize();
        if (start + size > memorySize) {
            throw new WitTrapException(String.format("%s at 0x%X (%d bytes) is out of bounds of the %d-byte memory",
                    what, start, size, memorySize));
        }
        return ptr;
    }

    /** Loads an {@code i8}/{@code u8} at a checked address (parameters passed through memory). */
    public byte loadI8(int address) {
        return memory.loadI8(address);
    }

    public short loadI16(int address) {
        return memory.loadI16(address);
    }

    public int loadI32(int address) {
        return memory.loadI32(address);
    }

    public long loadI64(int address) {
        return memory.loadI64(address);
    }

    // ---- lowering (host -> guest) -----------------------------------------------------------------------------

    /**
     * Stores a string result at the guest's return pointer: allocates its bytes with {@code cabi_realloc}, copies
     * them, then writes {@code (ptr, len)} at {@code retptr}.
     *
     * @throws WitTrapException when {@code retptr} is misaligned or out of bounds, or {@code cabi_realloc} returns
     *     a bad pointer
     * @throws HostValueException when {@code value} has an unpaired surrogate (a host bug)
     */
    public void storeString(int retptr, String value) {
        checkRange(retptr, 8, 4, "the return pointer");
        long ptrAndLength = lowerString(value);
        memory.storeI32(retptr, (int) ptrAndLength);
        memory.storeI32(retptr + 4, (int) (ptrAndLength >>> 32));
    }

    /** Stores a {@code list<u8>} result at the guest's return pointer (see {@link #storeString}). */
    public void storeBytes(int retptr, byte[] value) {
        checkRange(retptr, 8, 4, "the return pointer");
        int ptr = lowerBytes(value, "list<u8>");
        memory.storeI32(retptr, ptr);
        memory.storeI32(retptr + 4, value.length);
    }

    /**
     * Copies a string into guest memory ({@code store_string_into_range}): UTF-8 in one exact allocation, the other
     * encodings through {@link StringRanges#lowerHostString}.
     *
     * @return the pointer in the low 32 bits and the length in the high 32 bits: bytes for UTF-8, code units for
     *     the others (with {@code latin1+utf16}'s tag bit for UTF-16)
     * @throws HostValueException when {@code value} has an unpaired surrogate (a host bug), or, in {@code utf16} and
     *     {@code latin1+utf16}, is longer than the Canonical ABI's limit
     */
    public long lowerString(String value) {
        if (stringEncoding != StringEncoding.UTF8) {
            return StringRanges.lowerHostString(this, stringEncoding, value);
        }
        byte[] bytes = Utf8.encode(value);
        if (bytes == null) {
            throw new HostValueException("returned a string with an unpaired surrogate at index "
                    + (-1 - Utf8.encodedLength(value)) + " of a string, which cannot be encoded as UTF-8");
        }
        int ptr = lowerBytes(bytes, "string");
        return (ptr & 0xFFFFFFFFL) | ((long) bytes.length << 32);
    }

    /** Copies bytes into memory that the guest's {@code cabi_realloc} allocates; returns the pointer. */
    public int lowerBytes(byte[] bytes, String what) {
        int ptr = allocate(1, bytes.length, what);
        // The array is read after cabi_realloc, which may have grown memory into a new one.
        System.arraycopy(bytes, 0, memory.array(), ptr, bytes.length);
        return ptr;
    }

    /**
     * {@code cx.reallocate}: calls {@code cabi_realloc(oldPointer, oldSize, alignment, size)} and checks what it
     * returns as {@link #allocate} does, for the string encodings that reallocate what they allocated.
     */
    int reallocate(int oldPointer, int oldSize, int alignment, int size, String what) {
        if (realloc == null) {
            throw new WitTrapException("the guest exports no cabi_realloc to allocate a " + what + " in");
        }
        int ptr = realloc.realloc(oldPointer, oldSize, alignment, size);
        return checkRange(ptr, Integer.toUnsignedLong(size), alignment,
                "the memory cabi_realloc returned for a " + what);
    }

    /**
     * Calls {@code cabi_realloc(0, 0, alignment, size)} and checks what it returns.
     *
     * @throws WitTrapException when the options have no {@code realloc} or it returns a misaligned or out-of-bounds
     *     pointer
     */
    public int allocate(int alignment, int size, String what) {
        if (realloc == null) {
            throw new WitTrapException("the guest exports no cabi_realloc to allocate a " + what + " in");
        }
        int ptr;
        instance.forbidLeaving();
        try {
            ptr = realloc.realloc(0, 0, alignment, size);
        } finally {
            instance.allowLeaving();
        }
        return checkRange(ptr, Integer.toUnsignedLong(size), alignment, "the memory cabi_realloc returned for a " + what);
    }

    // ---- resources --------------------------------------------------------------------------------------------

    /** {@code lower_own}: gives the guest an owning handle to {@code resource}. */
    public int lowerOwn(ResourceType type, Object resource) {
        if (resource instanceof GuestResource guest) {
            if (betweenComponents) {
                checkType(guest, type);
            } else {
                checkOwnResource(guest, type);
            }
            if (!guest.isOwnedByHost()) {
                throw new HostValueException("passed " + guest + " as own<" + type.name() + ">, but the host does not "
                        + "own it (it was dropped, or is the guest's already)");
            }
            guest.movedToGuest();
        }
        return handles.addOwn(type, Objects.requireNonNull(resource, "resource"));
    }

    /**
     * {@code lower_borrow}: lends {@code resource} to the guest for the call into it that is starting; the guest must
     * drop the handle before that call returns ({@link #checkBorrowsDropped}).
     */
    public int lowerBorrow(ResourceType type, Object resource) {
        if (resource instanceof GuestResource guest && betweenComponents && guest.owner() != instance) {
            checkType(guest, type);
            // another instance's resource, lent to this one: a borrow handle, dropped before the call returns
            return handles.addBorrow(type, guest);
        }
        if (resource instanceof GuestResource guest) {
            checkOwnResource(guest, type);
            if (guest.isDropped()) {
                throw new HostValueException("passed " + guest + " as borrow<" + type.name() + ">, but it was dropped");
            }
            // lower_borrow into the instance that implements the resource: the representation itself, no handle
            return guest.rep();
        }
        return handles.addBorrow(type, Objects.requireNonNull(resource, "resource"));
    }

    /** A guest-defined resource is this instance's own, of {@code type}: no other instance can read its rep. */
    private void checkOwnResource(GuestResource guest, ResourceType type) {
        if (guest.owner() != instance) {
            throw new HostValueException("passed " + guest + " to guest '" + instance.guestName() + "', which did not "
                    + "make it: a guest's resource goes back only to the instance that defines it");
        }
        checkType(guest, type);
    }

    private static void checkType(GuestResource guest, ResourceType type) {
        if (!guest.type().equals(type)) {
            throw new HostValueException("passed " + guest + " where " + type.name() + " is expected");
        }
    }

    /**
     * {@code lift_own}: takes the resource behind an owning handle out of the guest's table.
     *
     * @throws WitTrapException for an unknown, dropped, borrowed, lent or wrong-type handle
     */
    public Object liftOwn(ResourceType type, int handle) {
        Object resource = handles.liftOwn(type, handle);
        if (resource instanceof GuestResource guest) {
            guest.movedToHost();
        }
        return resource;
    }

    /**
     * {@code lift_borrow}: the resource behind a handle, lent to the host until the current host call returns.
     *
     * @throws WitTrapException for an unknown, dropped or wrong-type handle
     */
    public Object liftBorrow(ResourceType type, int handle) {
        return handles.liftBorrow(type, handle);
    }

    /**
     * {@code canon resource.drop}: removes the guest's handle; when the guest owned the resource and it is
     * {@link AutoCloseable}, closes it.
     *
     * @throws WitTrapException for an unknown, dropped, lent or wrong-type handle
     * @throws HostValueException when closing the resource throws
     */
    public void dropResource(ResourceType type, int handle) {
        Object owned = handles.drop(type, handle);
        if (owned instanceof GuestResource guest) {
            guest.destroyed();
        } else if (owned instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new HostValueException("could not close " + type.name() + " (handle " + handle + "): " + e);
            }
        }
    }

    /**
     * {@code canon resource.new}: gives the guest an owning handle to a new resource of its own, of representation
     * {@code rep}.
     */
    public int resourceNew(ResourceType type, int rep, GuestResource.Destructor destructor) {
        return handles.addOwn(type, new GuestResource(type, rep, instance, destructor));
    }

    /**
     * {@code canon resource.rep}: the representation behind a handle to one of the guest's own resources.
     *
     * @throws WitTrapException for an unknown, dropped or wrong-type handle
     */
    public int resourceRep(ResourceType type, int handle) {
        return ((GuestResource) handles.get(type, handle)).rep();
    }

    /**
     * Ends the lends of the handles that {@link #liftBorrow} lifted in this host call. Generated bindings call it
     * when the implementation returns, in functions that borrow; a call that fails poisons the instance instead.
     */
    public void endBorrows() {
        handles.endHostCall();
    }

    /**
     * The Canonical ABI's {@code num_borrows} check when a call into the guest returns: every borrow handle
     * {@link #lowerBorrow} lent it for the call must have been dropped.
     *
     * @throws WitTrapException naming the handles that outlived the call
     */
    public void checkBorrowsDropped() {
        handles.checkNoOutstandingBorrows();
    }

    /** Stores an {@code i32} at a checked address. */
    public void storeI32(int address, int value) {
        memory.storeI32(address, value);
    }

    public void storeI64(int address, long value) {
        memory.storeI64(address, value);
    }

    public void storeI16(int address, short value) {
        memory.storeI16(address, value);
    }

    public void storeI8(int address, byte value) {
        memory.storeI8(address, value);
    }

    /** The memory of options without one: the Canonical ABI's validation keeps every access from happening. */
    private static final class NoMemory implements GuestMemory {
        private static WitTrapException noMemory() {
            return new WitTrapException("the function has no memory option, but a value passes through memory");
        }

        @Override
        public long byteSize() {
            return 0;
        }

        @Override
        public byte[] array() {
            throw noMemory();
        }

        @Override
        public byte loadI8(int address) {
            throw noMemory();
        }

        @Override
        public short loadI16(int address) {
            throw noMemory();
        }

        @Override
        public int loadI32(int address) {
            throw noMemory();
        }

        @Override
        public long loadI64(int address) {
            throw noMemory();
        }

        @Override
        public void storeI8(int address, byte value) {
            throw noMemory();
        }

        @Override
        public void storeI16(int address, short value) {
            throw noMemory();
        }

        @Override
        public void storeI32(int address, int value) {
            throw noMemory();
        }

        @Override
        public void storeI64(int address, long value) {
            throw noMemory();
        }
    }
}
