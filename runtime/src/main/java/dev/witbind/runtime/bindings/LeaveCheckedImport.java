package dev.witbind.runtime.bindings;

import dev.witbind.runtime.abi.InstanceState;

/**
 * An import whose calls first check the Canonical ABI's may_leave ({@link ImportHandle#checkingMayLeave}): a
 * component instance may not call out while it runs a {@code realloc} or a post-return. The import's own handle does
 * the rest; a trap here leaves through {@link ImportHandle#apply} as every failure of the import does.
 */
final class LeaveCheckedImport extends ImportHandle {
    private final ImportHandle unchecked;
    /** The instance whose may_leave is checked: the calling guest's, held here to save a load per call. */
    private final InstanceState instance;

    LeaveCheckedImport(ImportHandle unchecked) {
        super(unchecked.cx, unchecked.function);
        this.unchecked = unchecked;
        this.instance = unchecked.cx.instance();
    }

    @Override
    protected long[] call(long[] args) {
        if (!instance.mayLeave()) {
            throw unchecked.mayNotLeave();
        }
        return unchecked.call(args);
    }
}
