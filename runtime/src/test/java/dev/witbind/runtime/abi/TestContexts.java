package dev.witbind.runtime.abi;

import java.util.Optional;

/** Contexts for codec tests over a memory of their own, as a core module with that memory and realloc would have. */
public final class TestContexts {
    private TestContexts() {}

    /** A context over {@code memory} whose {@code realloc} is {@code realloc}, for a guest named {@code guestName}. */
    public static LiftLowerContext over(String guestName, GuestMemory memory, Realloc realloc) {
        return over(guestName, memory, realloc, StringEncoding.UTF8);
    }

    /** {@link #over(String, GuestMemory, Realloc)} with strings in {@code stringEncoding}. */
    public static LiftLowerContext over(String guestName, GuestMemory memory, Realloc realloc,
            StringEncoding stringEncoding) {
        CanonicalOptions options = new CanonicalOptions(Optional.of(memory), Optional.ofNullable(realloc),
                Optional.empty(), stringEncoding);
        return new LiftLowerContext(options, new InstanceState(guestName));
    }
}
