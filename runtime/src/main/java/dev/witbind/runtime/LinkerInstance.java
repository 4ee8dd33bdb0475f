package dev.witbind.runtime;

import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.bindings.ImportHandleFactory;
import dev.witbind.runtime.errors.WitDefinitionException;
import dev.witbind.wit.names.ExternName;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.NameMap;
import dev.witbind.wit.names.Version;
import dev.witbind.wit.types.WitFunctionType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * A host function: its WIT type, where its host object comes from, what makes its handle for each guest
     * instance, and the version of its interface that added it, when the host's WIT says ({@code @since}).
     */
    record FunctionDefinition<T>(String name, WitFunctionType type, HostSource<T> host, ImportHandleFactory<T> handles,
            Optional<Version> since) implements Definition {

        /** The handle of this function for one guest instance, calling that instance's host object. */
        ImportHandle bind(LiftLowerContext cx, String function, Map<HostSource<?>, Object> made,
                Instantiation instantiation) {
            return handles.bind(cx, function, host.forInstance(made, instantiation));
        }
    }

    /** A nested instance. */
    record InstanceDefinition(LinkerInstance instance) implements Definition {}

    /**
     * Defines a host function with its WIT type, written by hand in core-value form. The linker checks that it
     * returns as many core values as {@code type} flattens to.
     *
     * @throws WitDefinitionException if the name is already defined here and shadowing is off
     * @throws InvalidNameException if the name is not a valid extern name
     */
    public LinkerInstance func(String name, WitFunctionType type, HostCall call) {
        return func(name, type, Optional.empty(), call);
    }

    /**
     * {@link #func(String, WitFunctionType, HostCall)} for a function that the version {@code since} of its interface
     * added (its WIT's {@code @since} gate), which {@linkplain Versioning.Strictness strict versions} check.
     */
    public LinkerInstance func(String name, WitFunctionType type, Version since, HostCall call) {
        return func(name, type, Optional.of(since), call);
    }

    private LinkerInstance func(String name, WitFunctionType type, Optional<Version> since, HostCall call) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(type, "type");
        define(name, type, HostSource.none(), CheckedHostCall.handles(call, type), since);
        return this;
    }

    /** Defines a function without a known {@code @since} version. */
    <T> void define(String name, WitFunctionType type, HostSource<T> host, ImportHandleFactory<T> handles) {
        define(name, type, host, handles, Optional.empty());
    }

    /** Defines a function of generated bindings (see {@link dev.witbind.runtime.bindings.FunctionDefinitions}). */
    <T> void define(String name, WitFunctionType type, HostSource<T> host, ImportHandleFactory<T> handles,
            Optional<Version> since) {
        linker.checkNotFrozen(describe(name));
        ExternName.parse(name);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handles, "handles");
        Objects.requireNonNull(since, "since");
        define(name, new FunctionDefinition<>(name, type, host, handles, since));
    }

    /**
     * The nested instance called {@code name}: created on first use, re-opened afterwards (so several bindings may
     * add functions to one instance). With shadowing on, an instance replaces a function of the same name.
     *
     * @throws WitDefinitionException if {@code name} is already a function here and shadowing is off
     * @throws InvalidNameException if the name is not a valid extern name
     */
    public LinkerInstance instance(String name) {
        ExternName parsed = ExternName.parse(name);
        return parsed instanceof InterfaceName interfaceName ? instance(interfaceName) : instance(name, null);
    }

    /** {@link #instance(String)} for a name parsed already: nothing is parsed or derived again. */
    public LinkerInstance instance(InterfaceName name) {
        return instance(name.toString(), name);
    }

    private LinkerInstance instance(String name, InterfaceName parsed) {
        var existing = names.getExact(name);
        if (existing.isEmpty()) {
            linker.checkNotFrozen(describe(name));
        }
        if (existing.isPresent()) {
            if (existing.get() instanceof InstanceDefinition instance) {
                return instance.instance();
            }
            if (!linker.shadowing()) {
                throw new WitDefinitionException(describe(name) + " is a function, not an instance");
            }
        }
        LinkerInstance instance = new LinkerInstance(linker, path.isEmpty() ? name : path + "/" + name);
        InstanceDefinition definition = new InstanceDefinition(instance);
        try {
            if (parsed != null) {
                names.define(parsed, definition, linker.shadowing());
            } else {
                names.define(name, definition, linker.shadowing());
            }
        } catch (NameMap.DuplicateNameException e) {
            throw duplicate(name);
        }
        return instance;
    }

    private void define(String name, Definition definition) {
        try {
            names.define(name, definition, linker.shadowing());
        } catch (NameMap.DuplicateNameException e) {
            throw duplicate(name);
        }
    }

    private WitDefinitionException duplicate(String name) {
        return new WitDefinitionException(describe(name) + " defined twice (enable shadowing with "
                + "Linker.allowShadowing(true) to replace the earlier definition)");
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
