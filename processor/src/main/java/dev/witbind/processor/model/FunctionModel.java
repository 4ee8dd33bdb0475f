package dev.witbind.processor.model;

import dev.witbind.wit.names.Label;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One WIT function and the Java method that implements it.
 *
 * @param witName the WIT function name, a kebab-case label
 * @param javaName the name of the Java method to call
 * @param parameters the parameters in declaration order
 * @param result the result; empty for a {@code void} method
 */
public record FunctionModel(String witName, String javaName, List<ParameterModel> parameters,
        Optional<ValueType> result) {
    public FunctionModel {
        Label.checkLabel(witName);
        Objects.requireNonNull(javaName, "javaName");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(result, "result");
    }

    /** The function's WIT type, e.g. {@code func(name: string) -> string}. */
    public WitFunctionType witType() {
        List<WitParam> params = parameters.stream()
                .map(parameter -> new WitParam(parameter.witName(), parameter.type().witType()))
                .toList();
        return result.map(type -> WitFunctionType.of(params, type.witType())).orElseGet(() -> WitFunctionType.of(params));
    }
}
