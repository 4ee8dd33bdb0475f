package dev.witbind.processor.model;

import com.palantir.javapoet.ClassName;
import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.Version;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A checked {@code @WitInterface} class: everything the generator needs, and nothing from javac.
 *
 * @param implementation the annotated class
 * @param interfaceName the interface name exactly as annotated, e.g. {@code example:greeter/host@0.2.1}
 * @param functions the WIT functions: those of the class in the order it declares their methods, then those of
 *     each resource
 * @param resources the {@code @WitResource} classes nested in the class, in declaration order
 * @param functionsSince the version that added each function, by WIT name, from the {@code @since} gates of the WIT
 *     the class was checked against (a function's own gate, else its resource's); empty without WIT
 */
public record InterfaceModel(ClassName implementation, String interfaceName, List<FunctionModel> functions,
        List<ResourceModel> resources, SortedMap<String, Version> functionsSince) {
    /** What every bindings class name ends with. */
    public static final String BINDINGS_SUFFIX = "_WitBindings";

    public InterfaceModel {
        Objects.requireNonNull(implementation, "implementation");
        InterfaceName.parse(interfaceName);
        functions = List.copyOf(functions);
        resources = List.copyOf(resources);
        functionsSince = Collections.unmodifiableSortedMap(new TreeMap<>(functionsSince));
    }

    /** A class checked without WIT, so without {@code @since} versions. */
    public InterfaceModel(ClassName implementation, String interfaceName, List<FunctionModel> functions,
            List<ResourceModel> resources) {
        this(implementation, interfaceName, functions, resources, new TreeMap<>());
    }

    /** A class without resources. */
    public InterfaceModel(ClassName implementation, String interfaceName, List<FunctionModel> functions) {
        this(implementation, interfaceName, functions, List.of());
    }

    /**
     * The generated class: a sibling in the same package named after the class and the classes it is nested in,
     * e.g. {@code Outer_Inner_WitBindings} for {@code Outer.Inner}.
     */
    public ClassName bindingsName() {
        return ClassName.get(implementation.packageName(),
                String.join("_", implementation.simpleNames()) + BINDINGS_SUFFIX);
    }

    /** The compatibility track of the interface name, e.g. {@code example:greeter/host@0.2}; empty when it has none. */
    public Optional<String> compatibilityTrack() {
        return CompatibilityTrack.of(interfaceName);
    }
}
