package dev.witbind.wit.abi;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The core WebAssembly signature of a lifted or lowered function, with the two ways the Canonical ABI moves
 * values through memory instead of the stack.
 *
 * @param params the core parameter types, including a trailing return pointer when {@code resultsByPointer}
 *     on a lowered (imported) function
 * @param results the core result types
 * @param paramsByPointer the WIT parameters did not fit in {@code MAX_FLAT_PARAMS} and travel as one pointer to
 *     a tuple in memory
 * @param resultsByPointer the result did not fit in {@code MAX_FLAT_RESULTS}: an import gets a trailing return
 *     pointer to store it at, an export returns a pointer to where it stored it
 */
public record CoreSignature(List<CoreType> params, List<CoreType> results, boolean paramsByPointer,
        boolean resultsByPointer) {
    public CoreSignature {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /** As in WAT: {@code (i32, i32) -> (i64)}. */
    @Override
    public String toString() {
        return join(params) + " -> " + join(results);
    }

    private static String join(List<CoreType> types) {
        return types.stream().map(CoreType::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
