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

    /**
     * The spec's {@code store_string_into_range(cx, (value, sourceEncoding, sourceTaggedCodeUnits))}, for the
     * conformance port, whose strings come with the encoding they were loaded in.
     *
     * @return the pointer in the low 32 bits, the tagged code units in the high 32 bits
     */
    public static long storeStringIntoRange(LiftLowerContext cx, String value, StringEncoding sourceEncoding,
            int sourceTaggedCodeUnits) {
        return StringRanges.store(cx, value, sourceEncoding, sourceTaggedCodeUnits);
    }
}
