package dev.witbind.runtime.abi;

import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ResourceType;

/**
 * {@code own<r>} and {@code borrow<r>} of a resource the host implements: the Java value is the resource object
 * itself, the core value an {@code i32} index into the guest instance's handle table ({@link LiftLowerContext}).
 *
 * <p>Lowering an {@code own} moves the object to the guest ({@code lower_own}); lowering a {@code borrow} lends it for
 * the call into the guest that is starting, which must drop the handle before it returns ({@code lower_borrow}).
 * Lifting an {@code own} takes the object back out of the guest's table ({@code lift_own}); lifting a {@code borrow}
 * lends the guest's handle to the host until {@link LiftLowerContext#endBorrows} ({@code lift_borrow}).
 */
final class HandleCodec extends ValueCodec {
    private final boolean own;
    private final ResourceType resource;

    HandleCodec(HandleType type) {
        super(type);
        this.own = type.ownership() == HandleType.Ownership.OWN;
        this.resource = type.resource();
    }

    @Override
    void check(Object value, Path path) {
        // Any object can be a resource: the WIT type does not say which Java class implements it.
        if (value == null) {
            throw invalid(path, "must be the resource's Java object, not null");
        }
        if (value instanceof GuestResource guest) {
            if (path.instance() != null && guest.owner() != path.instance()) {
                throw invalid(path, "is " + guest + ", which another instance made: a guest's resource goes back "
                        + "only to the instance that defines it");
            }
            if (!guest.type().equals(resource)) {
                throw invalid(path, "is " + guest + ", not a " + resource.name());
            }
            if (guest.isDropped()) {
                throw invalid(path, "is " + guest + ", which was dropped");
            }
            if (own && !guest.isOwnedByHost()) {
                throw invalid(path, "is " + guest + ", which the host does not own (it is the guest's)");
            }
        }
    }

    @Override
    public Object liftFlat(LiftLowerContext cx, long[] flat, int at) {
        return lift(cx, (int) flat[at]);
    }

    @Override
    public void lowerFlat(LiftLowerContext cx, Object value, long[] flat, int at) {
        flat[at] = i32(lower(cx, value));
    }

    @Override
    Object loadAt(LiftLowerContext cx, int ptr) {
        return lift(cx, cx.loadI32(ptr));
    }

    @Override
    void storeAt(LiftLowerContext cx, Object value, int ptr) {
        cx.storeI32(ptr, lower(cx, value));
    }

    private Object lift(LiftLowerContext cx, int handle) {
        return own ? cx.liftOwn(resource, handle) : cx.liftBorrow(resource, handle);
    }

    private int lower(LiftLowerContext cx, Object value) {
        return own ? cx.lowerOwn(resource, value) : cx.lowerBorrow(resource, value);
    }
}
