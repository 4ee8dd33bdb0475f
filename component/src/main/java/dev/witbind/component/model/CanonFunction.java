package dev.witbind.component.model;

import dev.witbind.component.binary.CoreFuncType;
import dev.witbind.component.binary.Definition;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.WitFunctionType;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A canonical function definition with the types an instantiator needs: for {@code canon lift} the component
 * function type it lifts to and the core type of the core function it wraps; for {@code canon lower} the component
 * function type it lowers and the core type of the function it defines; for the resource built-ins their core type
 * and the resource they act on.
 */
public final class CanonFunction {
    private final Definition.CanonDef definition;
    private final Optional<WitFunctionType> functionType;
    private final CoreFuncType coreType;
    private final Optional<ResourceIdentity> resource;
    private final Function<Function<ResourceIdentity, ResourceType>, WitFunctionType> withResources;

    /**
     * @param functionType the component function type (lift and lower only), its resources named for the ABI only
     * @param coreType the core function type on the core side
     * @param resource the resource of {@code resource.new}, {@code resource.rep} and {@code resource.drop}
     * @param withResources the component function type with the resources the caller names (lift and lower only)
     */
    public CanonFunction(Definition.CanonDef definition, Optional<WitFunctionType> functionType, CoreFuncType coreType,
            Optional<ResourceIdentity> resource,
            Function<Function<ResourceIdentity, ResourceType>, WitFunctionType> withResources) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.functionType = Objects.requireNonNull(functionType, "functionType");
        this.coreType = Objects.requireNonNull(coreType, "coreType");
        this.resource = Objects.requireNonNull(resource, "resource");
        this.withResources = withResources;
    }

    /** The definition, with its options and indices. */
    public Definition.CanonDef definition() {
        return definition;
    }

    /**
     * The component function type (lift and lower only). Its handles name placeholder resources, enough for
     * flattening and sizes; {@link #functionType(Function)} names the real ones.
     */
    public Optional<WitFunctionType> functionType() {
        return functionType;
    }

    /**
     * The component function type (lift and lower only) with each resource it mentions named by {@code resources}:
     * how an instantiator gives the handles of a lifted function the resource types of one instance (a host's
     * resource for an imported one, a type of the instance's own for one the component defines).
     */
    public Optional<WitFunctionType> functionType(Function<ResourceIdentity, ResourceType> resources) {
        return functionType.map(type -> withResources.apply(resources));
    }

    /** The core function type on the core side. */
    public CoreFuncType coreType() {
        return coreType;
    }

    /** The resource that {@code resource.new}, {@code resource.rep} or {@code resource.drop} acts on. */
    public Optional<ResourceIdentity> resource() {
        return resource;
    }

    @Override
    public String toString() {
        return definition.canon() + " " + functionType.map(Object::toString).orElse(coreType.toString());
    }
}
