package dev.witbind.wit.abi;

import java.util.List;
import java.util.stream.Collectors;

/** A core WebAssembly function type whose parameters and results are all numeric. */
public record CoreFunctionType(List<CoreType> params, List<CoreType> results) {
    public CoreFunctionType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /** The core type of a Canonical ABI signature. */
    public static CoreFunctionType of(CoreSignature signature) {
        return new CoreFunctionType(signature.params(), signature.results());
    }

    /** As in WAT: {@code (i32, i32) -> (i64)}, the same form as {@link CoreSignature#toString()}. */
    @Override
    public String toString() {
        return join(params) + " -> " + join(results);
    }

    private static String join(List<CoreType> types) {
        return types.stream().map(CoreType::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
