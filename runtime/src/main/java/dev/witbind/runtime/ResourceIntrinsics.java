package dev.witbind.runtime;

import dev.witbind.runtime.abi.GuestResource;
import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.wit.types.ResourceType;

/**
 * The core functions of {@code canon resource.new}, {@code resource.rep} and {@code resource.drop}: what a component
 * imports (as {@code [resource-new]r} and so on) to manage handles of a resource, over its instance's handle table.
 */
final class ResourceIntrinsics {
    private ResourceIntrinsics() {}

    /** {@code (rep: i32) -> (handle: i32)}: a new owning handle to one of the component's own resources. */
    static ImportHandle resourceNew(LiftLowerContext cx, ResourceType type, GuestResource.Destructor destructor) {
        return new ImportHandle(cx, "[resource-new]" + type.name()) {
            @Override
            protected long[] call(long[] args) {
                return new long[] {Integer.toUnsignedLong(cx.resourceNew(type, (int) args[0], destructor))};
            }
        };
    }

    /** {@code (handle: i32) -> (rep: i32)}: the representation behind a handle to one of its own resources. */
    static ImportHandle resourceRep(LiftLowerContext cx, ResourceType type) {
        return new ImportHandle(cx, "[resource-rep]" + type.name()) {
            @Override
            protected long[] call(long[] args) {
                return new long[] {Integer.toUnsignedLong(cx.resourceRep(type, (int) args[0]))};
            }
        };
    }

    /**
     * {@code (handle: i32) -> ()}: drops a handle; the last owner of a host resource closes it (when it is
     * {@link AutoCloseable}), of one of the component's own resources runs its destructor.
     */
    static ImportHandle resourceDrop(LiftLowerContext cx, ResourceType type) {
        return new ImportHandle(cx, "[resource-drop]" + type.name()) {
            @Override
            protected long[] call(long[] args) {
                cx.dropResource(type, (int) args[0]);
                return NO_RESULTS;
            }
        };
    }
}
