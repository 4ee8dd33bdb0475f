package dev.witbind.cli;

import dev.witbind.component.model.ComponentItem;
import dev.witbind.component.model.InstanceInterface;
import dev.witbind.component.model.ItemType;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.wit.names.NameMap;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.wave.Wave;
import dev.witbind.wit.wave.WaveException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@code --invoke 'name(arguments)'} call resolved against a component's exports: the function (by the name
 * {@link GuestInstance#function} takes), its type, and the arguments parsed as WAVE against its parameters.
 *
 * <p>{@code name} is a world-level function ({@code greet}), a function of an exported interface
 * ({@code example:api/greeter#greet}, the interface found exactly or on its compatibility track, as exports are
 * found), or the bare name of a function that exactly one exported interface has.
 */
final class InvokeCall {
    private final String function;
    private final WitFunctionType type;
    private final Object[] arguments;

    private InvokeCall(String function, WitFunctionType type, Object[] arguments) {
        this.function = function;
        this.type = type;
        this.arguments = arguments;
    }

    /** The function as {@link GuestInstance#function} names it: {@code greet} or {@code iface@1.0.0#greet}. */
    String function() {
        return function;
    }

    WitFunctionType type() {
        return type;
    }

    /** The parsed arguments, as {@link dev.witbind.runtime.GuestFunction#call} takes them. */
    List<Object> arguments() {
        return Arrays.asList(arguments.clone());
    }

    /**
     * Resolves {@code text} against {@code component}'s exports and parses its arguments.
     *
     * @throws CommandLine.UsageException when the call is malformed, names no exported function (or several), or
     *     its arguments do not fit the parameters; the message lists what there is
     */
    static InvokeCall resolve(GuestComponent component, String text) throws CommandLine.UsageException {
        Wave.Call call;
        try {
            call = Wave.parseCall(text);
        } catch (WaveException e) {
            throw new CommandLine.UsageException("--invoke " + text + ": " + e.getMessage());
        }
        Found found = find(component, call.function());
        try {
            return new InvokeCall(found.name(), found.type(), Wave.parseArguments(found.type().params(),
                    call.arguments()));
        } catch (WaveException e) {
            throw new CommandLine.UsageException("--invoke " + text + ": the arguments of " + found.name() + ": "
                    + found.type() + " do not parse: " + e.getMessage());
        }
    }

    /** Calls the function on {@code instance}; the result as one line of WAVE, nothing for a function without. */
    Optional<String> call(GuestInstance instance) {
        Object result = instance.function(function, type).call(arguments);
        return type.result().map(resultType -> Wave.print(resultType, result));
    }

    /** The functions a component exports, as {@code --invoke} names them: for messages that say what there is. */
    static String describeFunctions(GuestComponent component) {
        List<String> names = new ArrayList<>();
        for (ComponentItem export : component.exports()) {
            if (export.type() instanceof ItemType.Function) {
                names.add(export.name());
            } else if (export.type() instanceof ItemType.Instance instance) {
                instance.members().functions().keySet().forEach(name -> names.add(export.name() + "#" + name));
            }
        }
        return names.isEmpty() ? "it exports no function" : "it exports " + String.join(", ", names);
    }

    private record Found(String name, WitFunctionType type) {}

    private static Found find(GuestComponent component, String name) throws CommandLine.UsageException {
        NameMap<InstanceInterface> interfaces = new NameMap<>();
        List<Found> byBareName = new ArrayList<>();
        for (ComponentItem export : component.exports()) {
            if (export.type() instanceof ItemType.Function function && export.name().equals(name)) {
                return new Found(name, function.type());
            }
            if (export.type() instanceof ItemType.Instance instance) {
                interfaces.define(export.name(), instance.members(), true);
                instance.members().function(name).ifPresent(type -> byBareName.add(
                        new Found(export.name() + "#" + name, type)));
            }
        }
        int hash = name.lastIndexOf('#');
        if (hash >= 0) {
            String interfaceName = name.substring(0, hash);
            String functionName = name.substring(hash + 1);
            Optional<NameMap.Hit<InstanceInterface>> hit = interfaces.lookup(interfaceName);
            if (hit.isPresent()) {
                Optional<WitFunctionType> type = hit.get().value().function(functionName);
                if (type.isPresent()) {
                    return new Found(hit.get().name() + "#" + functionName, type.get());
                }
            }
        } else if (byBareName.size() == 1) {
            return byBareName.get(0);
        } else if (byBareName.size() > 1) {
            throw new CommandLine.UsageException("--invoke: several exported interfaces have a function '" + name
                    + "': " + String.join(", ", byBareName.stream().map(Found::name).toList())
                    + "; name one as interface#function");
        }
        throw new CommandLine.UsageException("--invoke: " + component.name() + " exports no function '" + name
                + "'; " + describeFunctions(component));
    }
}
