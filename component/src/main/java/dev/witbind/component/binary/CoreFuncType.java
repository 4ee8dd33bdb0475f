package dev.witbind.component.binary;

import java.util.List;
import java.util.stream.Collectors;

/** A core function type, {@code [params] -> [results]}. */
public record CoreFuncType(List<CoreValType> params, List<CoreValType> results) implements CoreDefType {
    public CoreFuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    @Override
    public String toString() {
        return join(params) + " -> " + join(results);
    }

    private static String join(List<CoreValType> types) {
        return types.stream().map(CoreValType::toString).collect(Collectors.joining(" ", "[", "]"));
    }
}
