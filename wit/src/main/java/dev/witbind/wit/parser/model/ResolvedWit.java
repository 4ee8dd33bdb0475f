package dev.witbind.wit.parser.model;

import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.NameMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The result of loading WIT: the root package (the directory or file that was loaded) and every package it was
 * resolved with, each package after the packages it uses (where that is acyclic; the root comes last unless
 * another package uses it).
 */
public final class ResolvedWit {
    private final WitPackage root;
    private final List<WitPackage> packages;
    /** The packages by full name, found exactly or else on their compatibility track, as the linker finds hosts. */
    private final NameMap<WitPackage> byName = new NameMap<>();

    public ResolvedWit(WitPackage root, List<WitPackage> packages) {
        this.root = Objects.requireNonNull(root, "root");
        this.packages = List.copyOf(packages);
        if (!this.packages.contains(root)) {
            throw new IllegalArgumentException("the root package must be one of the packages");
        }
        for (WitPackage pkg : this.packages) {
            PackageName name = pkg.name();
            byName.define(name.toString(), name.compatibilityTrack(), name.version(), pkg, false);
        }
    }

    /** The package that was loaded (the directory or file); its dependencies are among {@link #packages()}. */
    public WitPackage root() {
        return root;
    }

    /** Every package, each after the packages it uses where that is acyclic. */
    public List<WitPackage> packages() {
        return packages;
    }

    /** A package by its full name ({@code wasi:io@0.2.12}), or its unversioned name when only one version is loaded. */
    public Optional<WitPackage> findPackage(String name) {
        List<WitPackage> exact = packages.stream().filter(p -> p.name().toString().equals(name)).toList();
        if (!exact.isEmpty()) {
            return Optional.of(exact.get(0));
        }
        List<WitPackage> unversioned =
                packages.stream().filter(p -> p.name().unversioned().equals(name)).toList();
        return unversioned.size() == 1 ? Optional.of(unversioned.get(0)) : Optional.empty();
    }

    /**
     * A named interface: by exact name first, then (as the linker does) the highest version on the requested name's
     * compatibility track, so {@code wasi:io/streams@0.2.0} finds {@code wasi:io/streams@0.2.12}.
     *
     * @throws dev.witbind.wit.names.InvalidNameException when the name is not an interface name
     */
    public Optional<WitInterfaceDef> findInterface(String interfaceName) {
        return findInterface(InterfaceName.parse(interfaceName));
    }

    /** See {@link #findInterface(String)}. */
    public Optional<WitInterfaceDef> findInterface(InterfaceName name) {
        return findOnTrack(name, pkg -> pkg.iface(name.interfaceName()));
    }

    /**
     * A world by full name ({@code wasi:cli/command@0.2.12}, track matching as for interfaces) or by its label in
     * the root.
     *
     * @throws dev.witbind.wit.names.InvalidNameException when a full name is malformed
     */
    public Optional<WitWorld> findWorld(String name) {
        if (name.indexOf(':') < 0) {
            return root.world(name);
        }
        InterfaceName parsed = InterfaceName.parse(name);
        return findOnTrack(parsed, pkg -> pkg.world(parsed.interfaceName()));
    }

    /**
     * The item of the package with exactly the name's version, else of the highest version on its track (for a
     * canonical name such as {@code wasi:io/streams@0.2}, on the track it names).
     */
    private <T> Optional<T> findOnTrack(InterfaceName name, Function<WitPackage, Optional<T>> item) {
        String packageName = name.namespace() + ":" + name.packageName();
        Optional<String> track = name.version().flatMap(version -> CompatibilityTrack.of(packageName, version));
        String text = name.toString();
        int at = text.indexOf('@');
        return byName.lookup(at < 0 ? packageName : packageName + text.substring(at), track)
                .flatMap(hit -> item.apply(hit.value()));
    }

    @Override
    public String toString() {
        return "resolved WIT, root " + root.name() + ", " + packages.size() + " package(s)";
    }
}
