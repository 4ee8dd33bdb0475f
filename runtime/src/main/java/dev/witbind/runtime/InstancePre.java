package dev.witbind.runtime;

import dev.witbind.runtime.abi.InstanceLimits;
import java.util.Objects;

/**
 * A component linked once, ready to be instantiated many times (Wasmtime's {@code InstancePre}): reading,
 * validating, parsing, compiling and link-checking are done, so each instantiation only evaluates the component's
 * definitions. A server makes one per component and an instance per request; it may do so from several threads at
 * once, since a pre-instantiated component holds no per-instance state. It keeps the host definitions it was linked
 * with, even if the linker changes afterwards.
 */
public final class InstancePre {
    private final GuestComponent component;
    private final ComponentLinking.Link link;
    private final InstanceLimits limits;

    InstancePre(GuestComponent component, ComponentLinking.Link link, InstanceLimits limits) {
        this.component = component;
        this.link = link;
        this.limits = limits;
    }

    /** The component. */
    public GuestComponent component() {
        return component;
    }

    /** How each import was bound. */
    public LinkPlan linkPlan() {
        return link.plan();
    }

    /** A new instance on Chicory's compiler. */
    public GuestInstance instantiate() {
        return instantiate(Engine.COMPILER, null);
    }

    /** A new instance on the given engine. */
    public GuestInstance instantiate(Engine engine) {
        return instantiate(engine, null);
    }

    /**
     * A new instance on the given engine, with {@code data} for its host factories.
     *
     * @throws dev.witbind.runtime.errors.WitTrapException when a start function traps
     * @throws dev.witbind.runtime.errors.WitHostException when a host factory fails
     */
    public GuestInstance instantiate(Engine engine, Object data) {
        return instantiate(engine, data, limits);
    }

    /** A new instance with {@code data} for its host factories, and limits of its own (not the linker's). */
    public GuestInstance instantiate(Engine engine, Object data, InstanceLimits limits) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(limits, "limits");
        return ComponentInstantiation.instantiate(component, link, engine, new Instantiation(component.name(), data),
                limits);
    }
}
