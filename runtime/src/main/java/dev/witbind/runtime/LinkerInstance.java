package dev.witbind.runtime;

import dev.witbind.runtime.chicory.ImportHandleFactory;
import dev.witbind.runtime.linking.NameMap;
import dev.witbind.wit.names.ExternName;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.types.WitFunctionType;
import java.util.List;
import java.util.Objects;

/**
 * One level of a {@link Linker}'s namespace: the root, an interface instance such as
 * {@code example:greeter/host@0.2.1}, or an instance nested in one. Each level is a {@link NameMap}, so every
 * level resolves names exactly first, then by compatibility track.
 */
public final class LinkerInstance {
    private final Linker linker;
    private final String path;
    private final NameMap<Definition> names = new NameMap<>();

    LinkerInstance(Linker linker, String path) {
        this.linker = linker;
        this.path = path;
    }

    /** What a name stands for at one level. */
    sealed interface Definition permits FunctionDefinition, InstanceDefinition {}

    /** A host function: its WIT type and what makes its handle for each guest instance. */
    record FunctionDefinition(String name, WitFunctionType type, ImportHandleFactory handles) implements Definition {}

    /** A nested instance. */
    record InstanceDefinition(LinkerInstance instance) implements Definition {}

    /**
     * Defines a host function with its WIT type.
     *
     * @throws WitDefinitionException if the name is already defined here and shadowing is off
     * @throws InvalidNameException if the name is not a valid extern name
     */
    public LinkerInstance func(String name, WitFunctionType type, HostCall call) {
        Objects.requireNonNull(call, "call");
        return funcHandle(name, type, HostCalls.handles(call, Objects.requireNonNull(type, "type")));
    }

    /**
     * Defines a host function by the {@link dev.witbind.runtime.chicory.ImportHandle} each guest instance calls:
     * what generated bindings use, so that the engine calls their code with no adapter in between. The handles must
     * return exactly the flat core results of {@code type} (nothing checks it, unlike {@link #func}).
     *
     * @throws WitDefinitionException if the name is already defined here and shadowing is off
     * @throws InvalidNameException if the name is not a valid extern name
     */
    public LinkerInstance funcHandle(String name, WitFunctionType type, ImportHandleFactory handles) {
        ExternName.parse(name);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handles, "handles");
        define(name, new FunctionDefinition(name, type, handles));
        return this;
    }

    /**
     * The nested instance called {@code name}: created on first use, re-opened afterwards (so several bindings may
     * add functions to one instance). With shadowing on, an instance replaces a function of the same name.
     *
     * @throws WitDefinitionException if {@code name} is already a function here and shadowing is off
     * @throws InvalidNameException if the name is not a valid extern name
     */
    public LinkerInstance instance(String name) {
        ExternName.parse(name);
        var existing = names.getExact(name);
        if (existing.isPresent()) {
            if (existing.get() instanceof InstanceDefinition instance) {
                return instance.instance();
            }
            if (!linker.shadowing()) {
                throw new WitDefinitionException(describe(name) + " is a function, not an instance");
            }
        }
        LinkerInstance instance = new LinkerInstance(linker, path.isEmpty() ? name : path + "/" + name);
        define(name, new InstanceDefinition(instance));
        return instance;
    }

    private void define(String name, Definition definition) {
        try {
            names.define(name, definition, linker.shadowing());
        } catch (NameMap.DuplicateNameException e) {
            throw new WitDefinitionException(describe(name) + " defined twice (enable shadowing with "
                    + "Linker.allowShadowing(true) to replace the earlier definition)");
        }
    }

    private String describe(String name) {
        return path.isEmpty() ? "'" + name + "'" : "'" + name + "' in instance '" + path + "'";
    }

    /** The path from the root, e.g. {@code example:greeter/host@0.2.1}; empty for the root. */
    public String path() {
        return path;
    }

    /** The names defined at this level, sorted. */
    public List<String> names() {
        return names.names();
    }

    NameMap<Definition> table() {
        return names;
    }
}
