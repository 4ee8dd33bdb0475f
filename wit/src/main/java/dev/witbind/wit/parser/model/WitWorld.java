package dev.witbind.wit.parser.model;

import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.parser.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved world: its imports and exports by Component Model name, with {@code include}s (and their
 * {@code with} renamings) applied and the interfaces that imported or exported interfaces depend on added as
 * (implied) imports ahead of their first dependent.
 *
 * @param types type names declared in the world itself ({@code use} or type definitions at world level)
 */
public record WitWorld(
        PackageName packageName,
        String name,
        Map<String, WorldItem> imports,
        Map<String, WorldItem> exports,
        Map<String, WitTypeDef> types,
        Gates gates,
        String docs,
        SourceLocation location) {

    public WitWorld {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(name, "name");
        imports = Ordered.copy(imports);
        exports = Ordered.copy(exports);
        types = Ordered.copy(types);
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(location, "location");
    }

    /** {@code namespace:package/world@version}, the world's identity (and the owner of its own types). */
    public String id() {
        return packageName.unversioned() + "/" + name + packageName.version().map(v -> "@" + v).orElse("");
    }

    public Optional<WorldItem> importNamed(String key) {
        return Optional.ofNullable(imports.get(key));
    }

    public Optional<WorldItem> exportNamed(String key) {
        return Optional.ofNullable(exports.get(key));
    }

    /** The interface names imported, implied ones included, in order. */
    public List<InterfaceName> importedInterfaces() {
        return interfaceNames(imports);
    }

    /** The interface names exported, in order. */
    public List<InterfaceName> exportedInterfaces() {
        return interfaceNames(exports);
    }

    private static List<InterfaceName> interfaceNames(Map<String, WorldItem> items) {
        return items.values().stream()
                .filter(WorldItem.InterfaceRef.class::isInstance)
                .map(item -> ((WorldItem.InterfaceRef) item).name())
                .toList();
    }

    @Override
    public String toString() {
        return "world " + id();
    }
}
