package dev.witbind.runtime.abi;

import java.util.Objects;
import java.util.Optional;

/**
 * The canonical options of one {@code canon lift} or {@code canon lower} (the spec's {@code CanonicalOptions}): which
 * memory the function's values pass through, which function allocates in it, which function frees a lifted call's
 * results, and how strings are encoded. Each function has its own: in a component, the imports of one core module
 * may use another module's memory with a third one's {@code realloc}, and no two functions need agree. A core module
 * is the special case where every function uses the module's own memory and {@code cabi_realloc}.
 *
 * @param memory the linear memory values pass through; absent when no value needs memory
 * @param realloc what allocates guest memory for values the host lowers; absent when none are lowered into memory
 * @param postReturn what runs after a lifted call's results have been read; absent when nothing needs freeing, and
 *     always for lowered (imported) functions
 * @param stringEncoding how strings are encoded in {@code memory}
 */
public record CanonicalOptions(Optional<GuestMemory> memory, Optional<Realloc> realloc,
        Optional<PostReturn> postReturn, StringEncoding stringEncoding) {

    /** No memory, no functions, UTF-8: for functions whose values are all scalars. */
    public static final CanonicalOptions NONE =
            new CanonicalOptions(Optional.empty(), Optional.empty(), Optional.empty(), StringEncoding.UTF8);

    public CanonicalOptions {
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(realloc, "realloc");
        Objects.requireNonNull(postReturn, "postReturn");
        Objects.requireNonNull(stringEncoding, "stringEncoding");
    }

    /** These options with {@code postReturn} instead. */
    public CanonicalOptions withPostReturn(Optional<PostReturn> postReturn) {
        return new CanonicalOptions(memory, realloc, postReturn, stringEncoding);
    }
}
