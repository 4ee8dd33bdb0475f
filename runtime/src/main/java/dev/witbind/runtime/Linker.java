package dev.witbind.runtime;

import dev.witbind.runtime.abi.InstanceLimits;
import dev.witbind.runtime.bindings.WitBindings;
import dev.witbind.runtime.errors.WitBindingsException;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.wit.names.Version;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Host definitions, by Component Model name, that guests link against: the JVM counterpart of Wasmtime's component
 * {@code Linker}.
 *
 * <p>Every level (the root, each interface instance, nested instances) is a name map with an exact table and a
 * compatibility-track table, so a guest built against {@code example:greeter/host@0.2.0} links to a host that
 * provides {@code @0.2.1}, and a guest built against {@code @0.2.1} that only uses 0.2.0's functions links to a host
 * that provides {@code @0.2.0}. Defining a name twice is an error unless {@link #allowShadowing(boolean) shadowing}
 * is on.
 *
 * <p>That is Wasmtime's rule, the default; {@link #versioning(Versioning)} opts into witbind's other modes (prerelease
 * tracks, strict versions, trap stubs; fallbacks are defined with {@link #fallbacks()}), and {@link #explain} says
 * how each import of a guest links.
 *
 * <p>A host is registered as one object that every guest instance shares ({@link #register(Object)}), or as a
 * factory that makes one object per guest instance ({@link #register(Class, HostFactory)}).
 *
 * <p>A linker is configured on one thread, then used to link and instantiate guests from any number of threads: the
 * first link, check or instantiation freezes it, and defining into a frozen linker is an
 * {@link IllegalStateException} (so no thread ever links against a linker another thread is changing). Hand it to
 * the other threads as any object is handed over (a final field, a concurrent collection, an executor).
 */
public final class Linker {
    private static final System.Logger LOG = System.getLogger(Linker.class.getName());
    private final LinkerInstance root = new LinkerInstance(this, "");
    private final LinkerInstance fallbacks = new LinkerInstance(this, "");
    private Versioning versioning = Versioning.wasmtime();
    private boolean shadowing;
    private InstanceLimits limits = InstanceLimits.DEFAULT;
    private volatile boolean frozen;

    /** Whether a later definition of a name replaces an earlier one (default: off, a second definition fails). */
    public Linker allowShadowing(boolean allow) {
        checkNotFrozen("shadowing");
        this.shadowing = allow;
        return this;
    }

    boolean shadowing() {
        return shadowing;
    }

    /** Throws when the linker is frozen; every definition calls it. */
    void checkNotFrozen(String what) {
        if (frozen) {
            throw new IllegalStateException("cannot define " + what + ": this linker has linked or instantiated "
                    + "guests and is frozen; define everything first, or make a new Linker");
        }
    }

    /** Freezes the linker (see the class comment) and returns the version rules over its hosts and fallbacks. */
    private ImportResolver resolver() {
        frozen = true;
        return new ImportResolver(root, fallbacks, versioning);
    }

    /**
     * What every instance this linker makes may take: memory, handles, how long a call may run (default
     * {@link InstanceLimits#DEFAULT}). {@link InstancePre#instantiate(Engine, Object, InstanceLimits)} overrides it
     * for one instance.
     */
    public Linker limits(InstanceLimits limits) {
        checkNotFrozen("limits");
        this.limits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /**
     * How imports match the versions the hosts provide (default {@link Versioning#wasmtime()}: Wasmtime's rule, with
     * canonical interface names): prerelease tracks, strict versions and trap stubs are opt-in.
     */
    public Linker versioning(Versioning versioning) {
        checkNotFrozen("versioning");
        this.versioning = Objects.requireNonNull(versioning, "versioning");
        return this;
    }

    /** How imports match versions. */
    public Versioning versioning() {
        return versioning;
    }

    /**
     * Where fallbacks are defined: functions that serve a guest only when the host it links to lacks them (a guest
     * built against a newer version than the host). A fallback is found as a host is, by the guest's requested
     * interface name through the same name rules, then by function name; it is type-checked as a host function is,
     * and the link report says which functions it serves. Define them as hosts are defined, with
     * {@link LinkerInstance#func} or {@link #registerFallback(Object)}; fallbacks never replace a host's own
     * function, and never make an interface no host provides link.
     */
    public LinkerInstance fallbacks() {
        return fallbacks;
    }

    /**
     * Registers a {@code @WitInterface} object as a fallback ({@link #fallbacks()}): for example the host of the
     * newer version of an interface, serving only the functions that an older host, registered as the host,
     * lacks.
     *
     * @throws WitBindingsException when the class has no generated bindings
     */
    public <T> Linker registerFallback(T implementation) {
        Objects.requireNonNull(implementation, "implementation");
        @SuppressWarnings("unchecked") // the bindings of an object's class bind that class
        WitBindings<T> bindings = (WitBindings<T>) BindingsIndex.forClass(implementation.getClass());
        define(fallbacks, bindings, HostSource.shared(implementation));
        return this;
    }

    /** The limits of the instances this linker makes. */
    public InstanceLimits limits() {
        return limits;
    }

    /** The root level. */
    public LinkerInstance root() {
        return root;
    }

    /** The instance at the root called {@code name}, created on first use and re-opened afterwards. */
    public LinkerInstance instance(String name) {
        return root.instance(name);
    }

    /**
     * Registers an instance of a {@code @WitInterface} class through its generated bindings; every guest instance
     * calls this one object.
     *
     * @throws WitBindingsException when the class has no generated bindings (not annotated, or the witbind
     *     processor did not run)
     */
    public <T> Linker register(T implementation) {
        Objects.requireNonNull(implementation, "implementation");
        @SuppressWarnings("unchecked") // the bindings of an object's class bind that class
        WitBindings<T> bindings = (WitBindings<T>) BindingsIndex.forClass(implementation.getClass());
        return register(bindings, implementation);
    }

    /**
     * Registers a {@code @WitInterface} class through its generated bindings with a factory that makes one object
     * per guest instance: the factory runs while a guest that imports the interface is instantiated, and that
     * instance's calls go to the object it made (per-instance host state).
     *
     * @throws WitBindingsException when the class has no generated bindings
     */
    public <T> Linker register(Class<T> type, HostFactory<? extends T> factory) {
        Objects.requireNonNull(type, "type");
        @SuppressWarnings("unchecked") // the bindings of a class bind that class
        WitBindings<T> bindings = (WitBindings<T>) BindingsIndex.forClass(type);
        return register(bindings, factory);
    }

    /** {@link #register(Object)} with bindings the caller names, without looking them up. */
    public <T> Linker register(WitBindings<T> bindings, T implementation) {
        define(root, bindings, HostSource.shared(implementation));
        return this;
    }

    /** {@link #register(Class, HostFactory)} with bindings the caller names, without looking them up. */
    public <T> Linker register(WitBindings<T> bindings, HostFactory<? extends T> factory) {
        define(root, bindings, HostSource.perInstance(bindings.interfaceName().toString(), factory));
        return this;
    }

    private static <T> void define(LinkerInstance level, WitBindings<T> bindings, HostSource<T> host) {
        LinkerInstance instance = level.instance(bindings.interfaceName());
        Map<String, Version> since = bindings.functionsSince();
        bindings.defineFunctions((name, type, handles) ->
                instance.define(name, type, host, handles, Optional.ofNullable(since.get(name))));
    }

    /**
     * Resolves every import of {@code guest}: the module string through the semver-aware lookup at the root, the
     * field in the instance found, and the core type against the host function's flattened WIT type.
     *
     * @throws WitLinkException listing every import that does not resolve
     */
    public LinkPlan link(GuestModule guest) {
        return logWarnings(new CoreModuleLinking(resolver()).link(guest));
    }

    /** How every import of a core module would resolve, and every problem, without failing or instantiating. */
    public LinkReport check(GuestModule guest) {
        return new CoreModuleLinking(resolver()).check(guest);
    }

    /**
     * How every import of a component would resolve (exactly, through which track, or why not: no such version, a
     * function or resource the host lacks, a type that differs), without failing or instantiating.
     */
    public LinkReport check(GuestComponent component) {
        return new ComponentLinking(resolver()).check(component);
    }

    /**
     * How every import of a core module links with this linker's {@link Versioning}, one line per import: exactly,
     * through which track (Wasmtime's, a canonical name's, a prerelease's release's), served by a fallback or a trap
     * stub, refused by strict versions, or why nothing provides it, with the versions involved. Neither fails nor
     * instantiates; {@link LinkExplanation#describe()} is what {@code witbind check} prints.
     */
    public LinkExplanation explain(GuestModule guest) {
        return check(guest).explanation();
    }

    /** {@link #explain(GuestModule)} for a component: one line per function and resource its imports list. */
    public LinkExplanation explain(GuestComponent component) {
        return check(component).explanation();
    }

    /**
     * Strict versions' warnings go to the log as the guest links ({@link Versioning.Strictness#WARN}), as one
     * record per guest, one line per import.
     */
    private static LinkPlan logWarnings(LinkPlan plan) {
        StringBuilder lines = new StringBuilder();
        int count = 0;
        for (ImportBinding binding : plan.bindings()) {
            for (String warning : binding.warnings()) {
                lines.append("\n  ").append(binding.guestImport().qualifiedName()).append(": ").append(warning);
                count++;
            }
        }
        if (count > 0) {
            LOG.log(System.Logger.Level.WARNING, "guest '" + plan.guestName() + "' links with " + count
                    + (count == 1 ? " strict-versions warning:" : " strict-versions warnings:") + lines);
        }
        return plan;
    }

    /** Links and instantiates {@code guest} on Chicory's compiler (see {@link Engine#COMPILER}). */
    public GuestInstance instantiate(GuestModule guest) {
        return instantiate(guest, Engine.COMPILER);
    }

    /**
     * Links and instantiates {@code guest} on the given engine.
     *
     * @throws WitLinkException listing every import that does not resolve
     */
    public GuestInstance instantiate(GuestModule guest, Engine engine) {
        return instantiate(guest, engine, null);
    }

    /**
     * Resolves every import of a component: each imported instance through the semver-aware lookup at the root,
     * each function it lists (a component lists only the functions it uses) by name with its type checked against
     * the host's, and each resource it lists.
     *
     * @throws WitLinkException listing every function and resource that does not resolve
     */
    public LinkPlan link(GuestComponent component) {
        return logWarnings(new ComponentLinking(resolver()).link(component).plan());
    }

    /**
     * Links a component once, for instantiating it many times, cheaply and from several threads.
     *
     * @throws WitLinkException listing every function and resource that does not resolve
     */
    public InstancePre instantiatePre(GuestComponent component) {
        ComponentLinking.Link link = new ComponentLinking(resolver()).link(component);
        logWarnings(link.plan());
        return new InstancePre(component, link, limits);
    }

    /** Links and instantiates a component on Chicory's compiler. */
    public GuestInstance instantiate(GuestComponent component) {
        return instantiatePre(component).instantiate();
    }

    /** Links and instantiates a component on the given engine. */
    public GuestInstance instantiate(GuestComponent component, Engine engine) {
        return instantiatePre(component).instantiate(engine);
    }

    /** Links and instantiates a component on the given engine, with {@code data} for its host factories. */
    public GuestInstance instantiate(GuestComponent component, Engine engine, Object data) {
        return instantiatePre(component).instantiate(engine, data);
    }

    /**
     * Links and instantiates {@code guest} on the given engine, with {@code data} for the host factories of this
     * instance ({@link Instantiation#data(Class)}): the configuration of one plugin, one request, one command.
     *
     * @throws WitLinkException listing every import that does not resolve
     * @throws dev.witbind.runtime.errors.WitHostException when a host factory fails
     * @throws dev.witbind.runtime.errors.WitTrapException when the guest's start function traps
     */
    public GuestInstance instantiate(GuestModule guest, Engine engine, Object data) {
        Objects.requireNonNull(engine, "engine");
        return GuestInstance.instantiate(guest, link(guest), engine, new Instantiation(guest.name(), data), limits);
    }
}
