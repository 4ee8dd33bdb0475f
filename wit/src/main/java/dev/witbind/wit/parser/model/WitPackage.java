package dev.witbind.wit.parser.model;

import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.parser.SourceLocation;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved WIT package: its interfaces and worlds by name, in the order the files declared them.
 *
 * @param location where the package is declared ({@code package ns:name@version})
 */
public record WitPackage(
        PackageName name,
        Map<String, WitInterfaceDef> interfaces,
        Map<String, WitWorld> worlds,
        String docs,
        SourceLocation location) {

    public WitPackage {
        Objects.requireNonNull(name, "name");
        interfaces = Ordered.copy(interfaces);
        worlds = Ordered.copy(worlds);
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(location, "location");
    }

    public Optional<WitInterfaceDef> iface(String label) {
        return Optional.ofNullable(interfaces.get(label));
    }

    public Optional<WitWorld> world(String label) {
        return Optional.ofNullable(worlds.get(label));
    }

    /** The full name of one of this package's interfaces. */
    public InterfaceName interfaceName(String label) {
        return name.interfaceName(label);
    }

    @Override
    public String toString() {
        return "package " + name;
    }
}
