package dev.witbind.runtime.abi;

import dev.witbind.wit.types.ResourceType;
import java.util.Objects;

/**
 * A resource that a component defines itself ({@code (resource (rep i32) (dtor ...))}), as the host holds it: what
 * an export returns for {@code own<r>} of such a resource, and what the host passes back (as {@code borrow<r>} or
 * {@code own<r>}) to the instance that made it. Its {@linkplain #rep() representation} is the guest's own value
 * (typically a pointer into its memory); only that instance can use it.
 *
 * <p>While the host owns it, {@link #drop()} runs the guest's destructor; passing it back as {@code own<r>} moves it
 * into the guest, after which the host can no longer drop it. Not thread-safe, like the instance it belongs to.
 */
public final class GuestResource {
    /** Where a resource is: in the instance's handle table, owned by the host, or dropped. */
    private enum Where { GUEST, HOST, DROPPED }

    /** The guest function that destroys a representation (the resource's {@code dtor}). */
    @FunctionalInterface
    public interface Destructor {
        void destroy(int rep);
    }

    private final ResourceType type;
    private final int rep;
    private final InstanceState owner;
    private final Destructor destructor;
    private Where where = Where.GUEST;

    /**
     * @param destructor the resource's destructor; {@code null} when it has none
     */
    public GuestResource(ResourceType type, int rep, InstanceState owner, Destructor destructor) {
        this.type = Objects.requireNonNull(type, "type");
        this.rep = rep;
        this.owner = Objects.requireNonNull(owner, "owner");
        this.destructor = destructor;
    }

    public ResourceType type() {
        return type;
    }

    /** The guest's representation of the resource. */
    public int rep() {
        return rep;
    }

    /** The instance that defines the resource; only it can use it. */
    public InstanceState owner() {
        return owner;
    }

    /** Whether the host owns it now (an export returned it and it was neither dropped nor passed back). */
    public boolean isOwnedByHost() {
        return where == Where.HOST;
    }

    /** Whether it has been dropped. */
    public boolean isDropped() {
        return where == Where.DROPPED;
    }

    /**
     * Drops the host's ownership: runs the guest's destructor, if the resource has one, in its instance.
     *
     * @throws IllegalStateException when the host does not own it (it was dropped, or passed back into the guest)
     * @throws dev.witbind.runtime.errors.WitTrapException when the destructor traps (the instance is poisoned)
     */
    public void drop() {
        if (where != Where.HOST) {
            throw new IllegalStateException(this + " is not the host's to drop: it "
                    + (where == Where.DROPPED ? "was dropped already" : "belongs to the guest"));
        }
        String function = "the destructor of " + type.name() + " in guest '" + owner.guestName() + "'";
        owner.enter(function);
        try {
            destroyed();
        } catch (Throwable e) {
            RuntimeException ours = owner.poison(function, e);
            if (InstanceState.isFatal(e)) {
                throw (Error) e;
            }
            throw ours;
        } finally {
            owner.leave();
        }
    }

    /** The instance's handle table took it back (a lifted {@code own} moved it out: now the host's). */
    void movedToHost() {
        where = Where.HOST;
    }

    /** The host passed it into the guest as {@code own}. */
    void movedToGuest() {
        where = Where.GUEST;
    }

    /** Its last owner dropped it: runs the destructor. */
    void destroyed() {
        where = Where.DROPPED;
        if (destructor != null) {
            destructor.destroy(rep);
        }
    }

    @Override
    public String toString() {
        return type.name() + " " + Integer.toUnsignedString(rep) + " of guest '" + owner.guestName() + "'";
    }
}
