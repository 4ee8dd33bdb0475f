package dev.witbind.wit.parser.model;

import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.Version;
import java.util.Objects;
import java.util.Optional;

/** A WIT package name, {@code namespace:name} with an optional {@code @version}, e.g. {@code wasi:io@0.2.12}. */
public record PackageName(String namespace, String name, Optional<Version> version) {
    public PackageName {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /** {@code namespace:name}, without the version. */
    public String unversioned() {
        return namespace + ":" + name;
    }

    /** The compatibility track of this package's version, e.g. {@code wasi:io@0.2}; empty when it has none. */
    public Optional<String> compatibilityTrack() {
        return version.flatMap(v -> CompatibilityTrack.of(unversioned(), v));
    }

    /** The name of the interface {@code label} in this package, e.g. {@code wasi:io/streams@0.2.12}. */
    public InterfaceName interfaceName(String label) {
        return InterfaceName.of(namespace, name, label, version);
    }

    @Override
    public String toString() {
        return unversioned() + version.map(v -> "@" + v).orElse("");
    }
}
