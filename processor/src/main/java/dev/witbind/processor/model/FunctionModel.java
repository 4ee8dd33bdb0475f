package dev.witbind.processor.model;

import dev.witbind.wit.names.PlainName;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One WIT function and the Java code that implements it.
 *
 * @param witName the WIT function name: a kebab-case label, or {@code [constructor]r}, {@code [method]r.m},
 *     {@code [static]r.m} for the functions of a resource
 * @param javaName the name of the Java method to call (the resource's simple name for a constructor)
 * @param parameters the parameters in declaration order; for {@link Invocation.OnSelf} the first is {@code self}
 * @param result the result; empty for a {@code void} method
 * @param invocation how the bindings call the Java code
 */
public record FunctionModel(String witName, String javaName, List<ParameterModel> parameters,
        Optional<ValueType> result, Invocation invocation) {
    public FunctionModel {
        PlainName.parse(witName);
        Objects.requireNonNull(javaName, "javaName");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(invocation, "invocation");
        if (invocation instanceof Invocation.OnSelf && parameters.isEmpty()) {
            throw new IllegalArgumentException("a resource method has at least the parameter self");
        }
    }

    /** A function implemented by a method of the {@code @WitInterface} class. */
    public FunctionModel(String witName, String javaName, List<ParameterModel> parameters,
            Optional<ValueType> result) {
        this(witName, javaName, parameters, result, new Invocation.OnImplementation());
    }

    /** The function's WIT type, e.g. {@code func(name: string) -> string}. */
    public WitFunctionType witType() {
        List<WitParam> params = parameters.stream()
                .map(parameter -> new WitParam(parameter.witName(), parameter.type().witType()))
                .toList();
        return result.map(type -> WitFunctionType.of(params, type.witType())).orElseGet(() -> WitFunctionType.of(params));
    }
}
