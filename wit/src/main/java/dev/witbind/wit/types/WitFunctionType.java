package dev.witbind.wit.types;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A WIT function type: named parameters and at most one result. */
public record WitFunctionType(List<WitParam> params, Optional<WitType> result) {
    public WitFunctionType {
        params = List.copyOf(params);
        Set<String> names = new HashSet<>();
        for (WitParam param : params) {
            if (!names.add(param.name())) {
                throw new IllegalArgumentException("parameter '" + param.name() + "' appears twice in " + params);
            }
        }
    }

    /** A function type with the given parameters and no result. */
    public static WitFunctionType of(List<WitParam> params) {
        return new WitFunctionType(params, Optional.empty());
    }

    /** A function type with the given parameters and result. */
    public static WitFunctionType of(List<WitParam> params, WitType result) {
        return new WitFunctionType(params, Optional.of(result));
    }

    /** The type in WIT syntax, e.g. {@code func(name: string) -> string}. */
    @Override
    public String toString() {
        String signature = params.stream().map(WitParam::toString).collect(Collectors.joining(", ", "func(", ")"));
        return result.map(type -> signature + " -> " + type).orElse(signature);
    }
}
