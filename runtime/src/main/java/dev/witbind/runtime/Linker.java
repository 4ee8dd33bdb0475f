package dev.witbind.runtime;

import dev.witbind.runtime.LinkerInstance.Definition;
import dev.witbind.runtime.LinkerInstance.FunctionDefinition;
import dev.witbind.runtime.LinkerInstance.InstanceDefinition;
import dev.witbind.runtime.chicory.ChicoryInstance;
import dev.witbind.runtime.chicory.ChicoryInstance.HostImport;
import dev.witbind.runtime.chicory.ChicoryModule;
import dev.witbind.runtime.linking.NameMap;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.abi.CoreSignature;
import dev.witbind.wit.abi.CoreType;
import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.types.WitFunctionType;
import java.util.ArrayList;
import java.util.List;
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
 * <p>A linker is configured at startup on one thread, then may be used to link and instantiate guests from any
 * thread.
 */
public final class Linker {
    private final LinkerInstance root = new LinkerInstance(this, "");
    private boolean shadowing;

    /** Whether a later definition of a name replaces an earlier one (default: off, a second definition fails). */
    public Linker allowShadowing(boolean allow) {
        this.shadowing = allow;
        return this;
    }

    boolean shadowing() {
        return shadowing;
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
     * Registers an instance of a {@code @WitInterface} class through its generated bindings, found with
     * {@link java.util.ServiceLoader}.
     *
     * @throws IllegalArgumentException when the class has no generated bindings (not annotated, or the witbind
     *     processor did not run)
     */
    public <T> Linker register(T implementation) {
        Objects.requireNonNull(implementation, "implementation");
        @SuppressWarnings("unchecked")
        WitBindings<T> bindings = (WitBindings<T>) BindingsIndex.forClass(implementation.getClass());
        bindings.defineInto(this, implementation);
        return this;
    }

    /**
     * Resolves every import of {@code guest}: the module string through the semver-aware lookup at the root, the
     * field in the instance found, and the core type against the host function's flattened WIT type.
     *
     * @throws WitLinkException listing every import that does not resolve
     */
    public LinkPlan link(GuestModule guest) {
        ChicoryModule module = guest.engineModule();
        List<ImportBinding> bindings = new ArrayList<>();
        List<WitLinkException.Unresolved> unresolved = new ArrayList<>();
        for (GuestImport guestImport : guest.imports()) {
            try {
                bindings.add(resolve(guestImport, module));
            } catch (Unresolvable e) {
                unresolved.add(new WitLinkException.Unresolved(guestImport, e.getMessage()));
            }
        }
        if (!unresolved.isEmpty()) {
            throw new WitLinkException(guest.name(), guest.imports().size(), unresolved);
        }
        return new LinkPlan(guest.name(), bindings);
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
        LinkPlan plan = link(guest);
        List<HostImport> imports = new ArrayList<>(plan.bindings().size());
        for (ImportBinding binding : plan.bindings()) {
            GuestImport guestImport = binding.guestImport();
            String function = guestImport.qualifiedName();
            imports.add(new HostImport(guestImport.module(), guestImport.field(), guestImport.type().orElseThrow(),
                    binding.handles(), function));
        }
        try {
            return new GuestInstance(guest, plan, ChicoryInstance.instantiate(guest.engineModule(), imports, engine,
                    memory -> new GuestContext(guest.name(), memory)));
        } catch (WitException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw GuestInstance.trapOf("the start function of guest '" + guest.name() + "'", e);
        }
    }

    private ImportBinding resolve(GuestImport guestImport, ChicoryModule module) throws Unresolvable {
        if (!guestImport.kind().equals("func")) {
            throw new Unresolvable("the guest imports a " + guestImport.kind()
                    + "; witbind guests import only functions and define their own memory");
        }
        NameMap.Hit<Definition> instanceHit = root.table().lookup(guestImport.module())
                .orElseThrow(() -> new Unresolvable(noInstance(guestImport.module())));
        if (!(instanceHit.value() instanceof InstanceDefinition instanceDefinition)) {
            throw new Unresolvable("'" + instanceHit.name() + "' is a function, not an instance");
        }
        LinkerInstance instance = instanceDefinition.instance();
        String resolvedAs = "'" + instanceHit.name() + "'"
                + instanceHit.track().map(track -> " (the highest version on track " + track + ")").orElse("");
        Definition definition = instance.table().lookup(guestImport.field())
                .map(NameMap.Hit::value)
                .orElseThrow(() -> new Unresolvable(resolvedAs + " has no function '" + guestImport.field()
                        + "'; it has: " + String.join(", ", instance.names())));
        if (!(definition instanceof FunctionDefinition function)) {
            throw new Unresolvable("'" + guestImport.field() + "' in " + resolvedAs + " is an instance, not a function");
        }
        checkSignature(guestImport, function, resolvedAs);
        checkCanonicalOptions(guestImport, function.type(), module);
        return new ImportBinding(guestImport, instanceHit.name(), instanceHit.track(), function.type(),
                function.handles());
    }

    private static void checkSignature(GuestImport guestImport, FunctionDefinition function, String resolvedAs)
            throws Unresolvable {
        CoreSignature expected = CanonicalAbi.signature(function.type(), CanonicalAbi.Direction.LOWER);
        if (!guestImport.type().equals(Optional.of(CoreFunctionType.of(expected)))) {
            throw new Unresolvable("type mismatch: the guest imports it as " + guestImport.signature() + ", but '"
                    + function.name() + "' in " + resolvedAs + " is " + function.type() + ", whose core type is "
                    + expected);
        }
    }

    /** The memory and {@code cabi_realloc} the Canonical ABI needs for this function's values. */
    private static void checkCanonicalOptions(GuestImport guestImport, WitFunctionType type, ChicoryModule module)
            throws Unresolvable {
        CoreSignature signature = CanonicalAbi.signature(type, CanonicalAbi.Direction.LOWER);
        boolean usesMemory = signature.paramsByPointer() || signature.resultsByPointer()
                || type.params().stream().anyMatch(param -> CanonicalAbi.needsRealloc(param.type()));
        if (usesMemory && !module.definesMemory()) {
            throw new Unresolvable("'" + guestImport.field() + "' passes values through linear memory, but the guest "
                    + "defines no memory");
        }
        boolean needsRealloc = type.result().map(CanonicalAbi::needsRealloc).orElse(false);
        boolean hasRealloc = module.exportedFunction("cabi_realloc").equals(Optional.of(REALLOC_TYPE));
        if (needsRealloc && !hasRealloc) {
            throw new Unresolvable("'" + guestImport.field() + "' returns " + type.result().orElseThrow()
                    + ", which the host writes into memory it allocates with the guest's cabi_realloc, but the guest "
                    + "does not export cabi_realloc with type (i32, i32, i32, i32) -> (i32)");
        }
    }

    /** {@code cabi_realloc(old_ptr, old_size, align, new_size) -> ptr}. */
    static final CoreFunctionType REALLOC_TYPE = new CoreFunctionType(
            List.of(CoreType.I32, CoreType.I32, CoreType.I32, CoreType.I32), List.of(CoreType.I32));

    /** Why {@code requested} found no instance, with the versions the linker has. */
    private String noInstance(String requested) {
        List<String> similar = root.table().namesLike(requested);
        String has = similar.isEmpty()
                ? "the linker has no version of it"
                : "the linker has " + String.join(", ", similar);
        Optional<String> track = CompatibilityTrack.of(requested);
        if (track.isPresent()) {
            return "no instance '" + requested + "', and nothing on its track " + track.get() + "; " + has;
        }
        return "no instance '" + requested + "', which " + whyNoTrack(requested) + "; " + has;
    }

    private static String whyNoTrack(String requested) {
        if (requested.indexOf('@') < 0) {
            return "has no version and so matches only exactly";
        }
        return CompatibilityTrack.versionOf(requested)
                .map(version -> version.isPrerelease()
                        ? "is a prerelease and so matches only exactly"
                        : "is a 0.0.x version and so matches only exactly")
                .orElse("has a version that is not strict SemVer and so matches only exactly");
    }

    /** An import that does not resolve; collected into one {@link WitLinkException}. */
    private static final class Unresolvable extends Exception {
        private static final long serialVersionUID = 1L;

        Unresolvable(String problem) {
            super(problem, null, false, false);
        }
    }
}
