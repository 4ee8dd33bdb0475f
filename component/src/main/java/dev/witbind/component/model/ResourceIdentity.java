package dev.witbind.component.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The identity of one resource type of a component. Resource types are generative (the Explainer, "Type
 * Checking"): two resources are the same only if they come from the same definition or the same import, never
 * because they have the same name. So identities compare by object identity, and every alias of a resource (an
 * {@code alias export}, an {@code (eq ...)} export, an outer alias) carries the same object.
 *
 * <p>A linker tells the three origins apart with {@link #origin()}: an {@link Origin#IMPORTED} resource is the
 * host's (it comes with a component import, e.g. {@code bucket} of {@code example:kv/store@1.0.0}); a
 * {@link Origin#DEFINED} resource is the guest's own ({@code (type (resource (rep i32) (dtor ...)))}), whose handles
 * the component creates with {@code resource.new}; an {@link Origin#ABSTRACT} resource stands for a type parameter
 * of a component or instance type that nothing has instantiated yet.
 */
public final class ResourceIdentity {
    /** Where a resource type comes from. */
    public enum Origin {
        /** Provided by whoever supplies a component import. */
        IMPORTED,
        /** Defined by the component itself. */
        DEFINED,
        /** A type-level placeholder inside a component or instance type. */
        ABSTRACT
    }

    private final Origin origin;
    private final String name;
    private final String importName;
    private final int typeIndex;
    private final OptionalInt destructor;

    private ResourceIdentity(Origin origin, String name, String importName, int typeIndex, OptionalInt destructor) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.name = Objects.requireNonNull(name, "name");
        this.importName = importName;
        this.typeIndex = typeIndex;
        this.destructor = destructor;
    }

    /** A resource that the component import {@code importName} provides under the label {@code name}. */
    public static ResourceIdentity imported(String importName, String name) {
        return new ResourceIdentity(Origin.IMPORTED, name, Objects.requireNonNull(importName, "importName"), -1,
                OptionalInt.empty());
    }

    /**
     * A resource the component defines at type index {@code typeIndex}, with its core destructor function.
     *
     * @param name a label for diagnostics until an export names it (the validator uses {@code resource-N})
     */
    public static ResourceIdentity defined(String name, int typeIndex, OptionalInt destructor) {
        return new ResourceIdentity(Origin.DEFINED, name, null, typeIndex, destructor);
    }

    /** A placeholder for an abstract {@code (sub resource)} of a component or instance type. */
    public static ResourceIdentity placeholder(String name) {
        return new ResourceIdentity(Origin.ABSTRACT, name, null, -1, OptionalInt.empty());
    }

    public Origin origin() {
        return origin;
    }

    /** The label the resource was introduced with: its import or export label, or {@code resource-N}. */
    public String name() {
        return name;
    }

    /** For an imported resource, the name of the component import that provides it. */
    public Optional<String> importName() {
        return Optional.ofNullable(importName);
    }

    /** For a defined resource, the index in the component's type index space of its definition. */
    public OptionalInt typeIndex() {
        return typeIndex < 0 ? OptionalInt.empty() : OptionalInt.of(typeIndex);
    }

    /** For a defined resource, the core function index of its destructor, if it has one. */
    public OptionalInt destructor() {
        return destructor;
    }

    @Override
    public String toString() {
        return switch (origin) {
            case IMPORTED -> "resource " + name + " of import " + importName;
            case DEFINED -> "resource " + name + " defined at type " + typeIndex;
            case ABSTRACT -> "abstract resource " + name;
        };
    }
}
