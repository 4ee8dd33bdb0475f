package dev.witbind.runtime;

import dev.witbind.runtime.abi.GuestMemory;

/** Test access to {@link GuestContext}'s package-private constructor, for codec tests over a memory of their own. */
public final class TestGuestContexts {
    private TestGuestContexts() {}

    /** A context over {@code memory}, as a guest named {@code guestName} would have. */
    public static GuestContext over(String guestName, GuestMemory memory) {
        return new GuestContext(guestName, memory);
    }
}
