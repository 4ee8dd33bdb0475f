package dev.witbind.wit.parser.model;

import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.parser.SourceLocation;
import dev.witbind.wit.types.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved interface: a named one ({@code interface streams { ... }} in package {@code wasi:io@0.2.12} is
 * {@code wasi:io/streams@0.2.12}) or one written inline in a world ({@code import host: interface { ... }}).
 *
 * @param packageName the package that defines it
 * @param name the interface name; empty for an inline interface, which has only the plain name of its world item
 * @param label the name inside its package, or for an inline interface the plain name it was declared with
 * @param world for an inline interface, the world it was declared in
 * @param types every type name in declaration order: definitions, aliases and names brought in with {@code use}
 * @param functions every function by Component Model name, in declaration order; a resource's constructor,
 *     methods and static functions follow right after the position of the resource
 * @param uses the interfaces whose types this one uses, in first-use order
 */
public record WitInterfaceDef(
        PackageName packageName,
        Optional<InterfaceName> name,
        String label,
        Optional<String> world,
        Map<String, WitTypeDef> types,
        Map<String, WitFunctionDef> functions,
        List<InterfaceName> uses,
        Gates gates,
        String docs,
        SourceLocation location) {

    public WitInterfaceDef {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(world, "world");
        types = Ordered.copy(types);
        functions = Ordered.copy(functions);
        uses = List.copyOf(uses);
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(location, "location");
        if (name.isPresent() == world.isPresent()) {
            throw new IllegalArgumentException("an interface is either named or inline in a world");
        }
    }

    /**
     * The identity of this interface, used as the owner of its resources ({@link ResourceType#owner()}) and in
     * {@link TypeRef}s: the interface name ({@code wasi:io/streams@0.2.12}) or, for an inline interface,
     * {@code namespace:package/world#label@version}, which no interface name can equal.
     */
    public String id() {
        return name.map(InterfaceName::toString)
                .orElseGet(() -> packageName.unversioned() + "/" + world.orElseThrow() + "#" + label
                        + packageName.version().map(v -> "@" + v).orElse(""));
    }

    public boolean isInline() {
        return name.isEmpty();
    }

    public Optional<WitTypeDef> type(String typeName) {
        return Optional.ofNullable(types.get(typeName));
    }

    /** A function by its Component Model name, e.g. {@code get} or {@code [method]output-stream.write}. */
    public Optional<WitFunctionDef> function(String externName) {
        return Optional.ofNullable(functions.get(externName));
    }

    /** The resources this interface defines itself (not those it uses), in declaration order. */
    public List<ResourceType> resources() {
        return types.values().stream()
                .filter(t -> t.kind() == WitTypeDef.Kind.RESOURCE)
                .map(t -> t.resource().orElseThrow())
                .toList();
    }

    /** The constructor, methods and static functions of one of this interface's resources. */
    public List<WitFunctionDef> functionsOf(String resource) {
        return functions.values().stream().filter(f -> f.resource().equals(Optional.of(resource))).toList();
    }

    /** The functions that belong to no resource. */
    public List<WitFunctionDef> freestandingFunctions() {
        return functions.values().stream().filter(f -> f.resource().isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "interface " + id();
    }
}
