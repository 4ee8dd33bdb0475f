package dev.witbind.runtime;

import dev.witbind.runtime.abi.CanonicalOptions;
import dev.witbind.runtime.abi.InstanceLimits;
import dev.witbind.runtime.abi.InstanceState;
import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.abi.PostReturn;
import dev.witbind.runtime.abi.Realloc;
import dev.witbind.runtime.abi.StringEncoding;
import dev.witbind.runtime.engine.CoreFunction;
import dev.witbind.runtime.engine.CoreInstance;
import dev.witbind.runtime.engine.CoreInstanceBuilder;
import dev.witbind.runtime.engine.CoreModule;
import dev.witbind.runtime.errors.WitExportException;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.abi.CoreFunctionType;
import dev.witbind.wit.abi.CoreSignature;
import dev.witbind.wit.types.WitFunctionType;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running guest: its linked imports and its exports, callable with WIT types.
 *
 * <p>After a trap the instance cannot be entered again (the Canonical ABI leaves its state unspecified); other
 * instances and the host are unaffected. An instance is not thread-safe: call it from one thread at a time.
 */
public final class GuestInstance {
    private final String name;
    private final LinkPlan plan;
    private final InstanceState state;
    /** A core module's: the module, its instance, and the options every function of it shares; else null. */
    private final GuestModule module;
    private final CoreInstance instance;
    private final CanonicalOptions options;
    private final LiftLowerContext context;
    /** A component's exports; null for a core module. */
    private final GuestExports exports;

    private GuestInstance(String name, LinkPlan plan, InstanceState state, GuestModule module, CoreInstance instance,
            CanonicalOptions options, LiftLowerContext context, GuestExports exports) {
        this.name = name;
        this.plan = plan;
        this.state = state;
        this.module = module;
        this.instance = instance;
        this.options = options;
        this.context = context;
        this.exports = exports;
    }

    /** An instance of a component, whose exports its instantiation made. */
    static GuestInstance ofComponent(String name, LinkPlan plan, InstanceState state, GuestExports exports) {
        return new GuestInstance(name, plan, state, null, null, null, null, exports);
    }

    /**
     * Instantiates a linked core module. A core module is the Component Model's special case of one core instance
     * whose own memory and {@code cabi_realloc} are the canonical options of every function, imported or exported:
     * this is the one place that says so. Each import's handle is bound to those options, calling the host object
     * its registration gives this instance.
     */
    static GuestInstance instantiate(GuestModule guest, LinkPlan plan, Engine engine, Instantiation instantiation,
            InstanceLimits limits) {
        CoreModule module = guest.coreModule();
        CoreInstanceBuilder builder = module.newInstance(engine.mode()).memoryLimit(limits.memoryPages());
        Optional<Realloc> realloc = Optional.empty();
        if (module.exportedFunction("cabi_realloc").equals(Optional.of(CoreModuleLinking.REALLOC_TYPE))) {
            CoreFunction function = builder.exportedFunction("cabi_realloc");
            realloc = Optional.of((oldPointer, oldSize, alignment, newSize) ->
                    (int) function.apply(oldPointer, oldSize, alignment, newSize)[0]);
        }
        CanonicalOptions options = new CanonicalOptions(
                module.definesMemory() ? Optional.of(builder.ownMemory()) : Optional.empty(), realloc,
                Optional.empty(), StringEncoding.UTF8);
        InstanceState state = new InstanceState(guest.name(), limits);
        LiftLowerContext context = new LiftLowerContext(options, state);

        Map<HostSource<?>, Object> made = new IdentityHashMap<>();
        boolean leaveChecked = LeaveChecks.needed(module);
        for (ImportBinding binding : plan.bindings()) {
            String function = binding.guestImport().qualifiedName();
            builder.importFunction(binding.guestImport().module(), binding.guestImport().field(),
                    LeaveChecks.applied(leaveChecked, binding.definition().bind(context, function, made,
                            instantiation)));
        }
        try {
            return new GuestInstance(guest.name(), plan, state, guest, builder.instantiate(), options, context, null);
        } catch (RuntimeException | StackOverflowError e) {
            throw InstanceState.attribute("the start function of guest '" + guest.name() + "'", e);
        }
    }

    public String name() {
        return name;
    }

    /** How each import was bound. */
    public LinkPlan linkPlan() {
        return plan;
    }

    /** Whether a trap has made this instance unusable. */
    public boolean isPoisoned() {
        return state.isPoisoned();
    }

    /**
     * Stops the call running in this instance, from any thread: the guest traps at its next interruption check (on
     * both engines, at calls and in every loop), the caller gets a {@link dev.witbind.runtime.errors.WitTrapException}
     * saying it was interrupted, and the instance is poisoned. A call that is waiting in a host function is stopped
     * when that function returns.
     *
     * @return whether a call was running
     */
    public boolean interrupt() {
        return state.interrupt();
    }

    /** What this instance may take. */
    public InstanceLimits limits() {
        return state.limits();
    }

    /**
     * An exported function with its WIT type. For a component, a world-level export, or with
     * {@code "interface#function"} a function of an exported interface (found as {@link #exports} finds it), whose
     * type must be {@code type}. For a core module, an export whose core type must be the flattened (lifted) WIT
     * type, and whose {@code cabi_post_<name>} is called after each call if the guest exports one with the matching
     * type.
     *
     * @throws WitExportException when the guest exports no such function or its type does not match
     */
    public GuestFunction function(String name, WitFunctionType type) {
        if (exports != null) {
            // "interface#function", the core-module naming of an exported interface's function (and what
            // @WitBindgen's proxies call), means the same on a component: the function of that exported interface.
            int hash = name.lastIndexOf('#');
            return hash < 0 ? exports.function(name, type)
                    : exports(name.substring(0, hash)).function(name.substring(hash + 1), type);
        }
        CoreSignature signature = CanonicalAbi.signature(type, CanonicalAbi.Direction.LIFT);
        CoreModule exports = module.coreModule();
        String declared = exports.exportSignature(name).orElseThrow(() -> new WitExportException(name(), name,
                "exports no function '" + name + "'"));
        if (!exports.exportedFunction(name).equals(Optional.of(CoreFunctionType.of(signature)))) {
            throw new WitExportException(name(), name, "exports '" + name + "' as " + declared + ", but " + type
                    + " lifts to " + signature);
        }
        return new GuestFunction(name(), name, type, signature, instance.function(name),
                options.withPostReturn(postReturn(name, signature)), context, state);
    }

    /**
     * The interface a component exports as {@code interfaceName}, exactly or else the highest version on its
     * compatibility track; its functions are called as {@link #function} calls world-level ones.
     *
     * @throws WitExportException when the guest exports no such interface (a core module exports none)
     */
    public GuestExports exports(String interfaceName) {
        if (exports == null) {
            throw new WitExportException(name, interfaceName, "is a core module, which exports functions only: "
                    + "call function(\"" + interfaceName + "#name\", type) for a function of an exported interface");
        }
        return exports.instance(interfaceName);
    }

    /** The names a component exports at its top level, sorted; for a core module, empty. */
    public List<String> exportNames() {
        return exports == null ? List.of() : exports.names();
    }

    /** The core-module convention for an export's post-return: {@code cabi_post_<name>}, taking its results. */
    private Optional<PostReturn> postReturn(String export, CoreSignature signature) {
        String name = "cabi_post_" + export;
        boolean matches = module.coreModule().exportedFunction(name)
                .filter(post -> post.params().equals(signature.results()) && post.results().isEmpty())
                .isPresent();
        if (!matches) {
            return Optional.empty();
        }
        CoreFunction function = instance.function(name);
        return Optional.of(function::apply);
    }
}
