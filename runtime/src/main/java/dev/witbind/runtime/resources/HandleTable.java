package dev.witbind.runtime.resources;

import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.ResourceType;
import java.util.Arrays;

/**
 * One guest instance's table of resource handles (the Canonical ABI's {@code handles} table of
 * {@code ResourceHandle}s). A handle is the index of an entry; index 0 is never issued, so that 0 can serve the guest
 * as a sentinel. Freed indexes are reused.
 *
 * <p>The rules, each a trap when broken: a handle must have been issued and not dropped; it must be of the resource
 * type the function expects; ownership moves only out of an {@code own} handle that is not lent out at the moment;
 * a handle lent to a host call (passed as {@code borrow}) is lent until that call returns; a {@code borrow} handle
 * given to the guest for one call must be dropped before the call returns.
 *
 * <p>Not thread-safe, like the instance it belongs to. Kept allocation-light: entries live in parallel arrays.
 */
public final class HandleTable {
    /** The Canonical ABI's limit, which leaves the high 4 bits of a handle free for guests to use. */
    public static final int MAX_LENGTH = 1 << 28;

    /** The most handles the table holds at once: an instance's limit, at most {@link #MAX_LENGTH}. */
    private final int capacity;
    private Object[] reps = new Object[8];
    private ResourceType[] types = new ResourceType[8];
    private boolean[] owned = new boolean[8];
    private int[] lends = new int[8];
    private int length = 1; // index 0 is reserved
    private int[] free = new int[8];
    private int freeCount;
    private int[] lent = new int[8];
    private int lentCount;
    /** The borrow handles given to the guest for the current call into it that it has not dropped yet, in order. */
    private int[] borrows = new int[8];
    private int borrowCount;

    /** A table of at most {@link #MAX_LENGTH} handles. */
    public HandleTable() {
        this(MAX_LENGTH);
    }

    /** A table of at most {@code capacity} handles at once. */
    public HandleTable(int capacity) {
        if (capacity < 1 || capacity > MAX_LENGTH) {
            throw new IllegalArgumentException("a handle table holds between 1 and " + MAX_LENGTH + " handles, not "
                    + capacity);
        }
        this.capacity = capacity;
    }

    /** {@code lower_own}: the guest now owns {@code rep}; returns the new handle. */
    public int addOwn(ResourceType type, Object rep) {
        return add(type, rep, true);
    }

    /**
     * {@code lower_borrow}: the guest may use {@code rep} until the current call into it returns, and must drop the
     * handle before then ({@link #checkNoOutstandingBorrows}).
     */
    public int addBorrow(ResourceType type, Object rep) {
        int handle = add(type, rep, false);
        if (borrowCount == borrows.length) {
            borrows = Arrays.copyOf(borrows, borrowCount * 2);
        }
        borrows[borrowCount++] = handle;
        return handle;
    }

    private int add(ResourceType type, Object rep, boolean own) {
        int index;
        if (freeCount > 0) {
            index = free[--freeCount];
        } else {
            if (length - 1 >= capacity) {
                throw new WitTrapException("the handle table is full (" + capacity + " handles, the instance's "
                        + "limit)");
            }
            if (length == reps.length) {
                grow();
            }
            index = length++;
        }
        reps[index] = rep;
        types[index] = type;
        owned[index] = own;
        lends[index] = 0;
        return index;
    }

    private void grow() {
        int capacity = reps.length * 2;
        reps = Arrays.copyOf(reps, capacity);
        types = Arrays.copyOf(types, capacity);
        owned = Arrays.copyOf(owned, capacity);
        lends = Arrays.copyOf(lends, capacity);
    }

    /**
     * {@code lift_own}: takes {@code rep} out of the guest's table; ownership moves to the host.
     *
     * @throws WitTrapException when the handle is unknown, of another type, a borrow, or lent out
     */
    public Object liftOwn(ResourceType type, int handle) {
        check(type, handle, "own<" + type.name() + ">");
        if (!owned[handle]) {
            throw new WitTrapException(describe(handle) + " is a borrow<" + type.name() + ">, so ownership of it "
                    + "cannot move to the host");
        }
        if (lends[handle] != 0) {
            throw new WitTrapException(describe(handle) + " is lent to the current call, so ownership of it cannot "
                    + "move to the host");
        }
        return remove(handle);
    }

    /**
     * {@code lift_borrow}: the resource behind {@code handle}, lent to the host until {@link #endHostCall()}.
     *
     * @throws WitTrapException when the handle is unknown or of another type
     */
    public Object liftBorrow(ResourceType type, int handle) {
        check(type, handle, "borrow<" + type.name() + ">");
        lends[handle]++;
        if (lentCount == lent.length) {
            lent = Arrays.copyOf(lent, lentCount * 2);
        }
        lent[lentCount++] = handle;
        return reps[handle];
    }

    /**
     * The resource behind {@code handle}, which stays where it is ({@code canon resource.rep}).
     *
     * @throws WitTrapException when the handle is unknown or of another type
     */
    public Object get(ResourceType type, int handle) {
        check(type, handle, type.name());
        return reps[handle];
    }

    /** Ends the lends that {@link #liftBorrow} took during the host call that is returning. */
    public void endHostCall() {
        while (lentCount > 0) {
            lends[lent[--lentCount]]--;
        }
    }

    /**
     * {@code canon resource.drop}: removes the handle.
     *
     * @return the resource when the guest owned it (so the host can release it), {@code null} for a borrow
     * @throws WitTrapException when the handle is unknown, of another type, or lent out
     */
    public Object drop(ResourceType type, int handle) {
        check(type, handle, type.name());
        if (lends[handle] != 0) {
            throw new WitTrapException(describe(handle) + " is lent to the current call and cannot be dropped");
        }
        boolean own = owned[handle];
        Object rep = remove(handle);
        if (own) {
            return rep;
        }
        settleBorrow(handle);
        return null;
    }

    /** Takes a dropped borrow handle off the list of outstanding ones (a short list: the borrows of one call). */
    private void settleBorrow(int handle) {
        for (int i = borrowCount - 1; i >= 0; i--) {
            if (borrows[i] == handle) {
                System.arraycopy(borrows, i + 1, borrows, i, borrowCount - i - 1);
                borrowCount--;
                return;
            }
        }
    }

    /**
     * Checks, when a call into the guest returns, that it dropped every borrow it was given for the call.
     *
     * @throws WitTrapException otherwise
     */
    public void checkNoOutstandingBorrows() {
        if (borrowCount == 0) {
            return;
        }
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < borrowCount; i++) {
            message.append(i == 0 ? "" : i == borrowCount - 1 ? " and " : ", ").append(describe(borrows[i]));
        }
        message.append(borrowCount == 1 ? " outlived the call it was lent for"
                : " outlived the call they were lent for");
        message.append(" (a guest must drop the borrow handles it is given before the call returns)");
        // The trap poisons the instance, which is not entered again; the handles stay, the list starts afresh.
        borrowCount = 0;
        throw new WitTrapException(message.toString());
    }

    /** The number of live handles. */
    public int size() {
        return length - 1 - freeCount;
    }

    private void check(ResourceType type, int handle, String expected) {
        if (handle <= 0 || handle >= length || types[handle] == null) {
            throw new WitTrapException("handle " + Integer.toUnsignedString(handle) + " for " + expected
                    + " was never issued or has been dropped");
        }
        if (!types[handle].equals(type)) {
            throw new WitTrapException(describe(handle) + " is not a handle to " + type.name() + " of "
                    + type.owner());
        }
    }

    private String describe(int handle) {
        return "handle " + handle + " (" + (owned[handle] ? "own" : "borrow") + "<" + types[handle].name() + ">)";
    }

    private Object remove(int handle) {
        Object rep = reps[handle];
        reps[handle] = null;
        types[handle] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = handle;
        return rep;
    }
}
