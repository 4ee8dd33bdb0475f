package dev.witbind.wit.parser.resolve;

import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.NameMap;
import dev.witbind.wit.names.PlainName;
import dev.witbind.wit.parser.SourceLocation;
import dev.witbind.wit.parser.SourceText;
import dev.witbind.wit.parser.WitOptions;
import dev.witbind.wit.parser.WitParseException;
import dev.witbind.wit.parser.model.Gates;
import dev.witbind.wit.parser.model.PackageName;
import dev.witbind.wit.parser.model.ResolvedWit;
import dev.witbind.wit.parser.model.TypeRef;
import dev.witbind.wit.parser.model.WitFunctionDef;
import dev.witbind.wit.parser.model.WitInterfaceDef;
import dev.witbind.wit.parser.model.WitPackage;
import dev.witbind.wit.parser.model.WitTypeDef;
import dev.witbind.wit.parser.model.WitWorld;
import dev.witbind.wit.parser.model.WorldItem;
import dev.witbind.wit.parser.syntax.Ast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves parsed WIT into the model: groups files into packages, links {@code use}s, imports, exports and
 * {@code include}s across packages (a versioned reference finds its exact version, else the highest loaded version
 * on its compatibility track), resolves every type, and elaborates worlds.
 *
 * <p>Everything is resolved on demand with memoization, so files and items may appear in any order; the stacks of
 * items being resolved turn cycles into errors that name the cycle.
 */
public final class Resolver {
    private final Errors errors;
    private final WitOptions options;
    private final List<PackageState> packages = new ArrayList<>();
    /** Every loaded package by its full name, resolved exactly or else on its compatibility track. */
    private final NameMap<PackageState> byName = new NameMap<>();
    private final Map<String, List<PackageState>> byUnversionedName = new HashMap<>();
    private final Map<String, WitInterfaceDef> interfacesByName = new HashMap<>();
    private final List<String> resolvingInterfaces = new ArrayList<>();
    private final List<String> resolvingWorlds = new ArrayList<>();
    /** Where each interface or world being resolved is declared, innermost last. */
    private final List<SourceLocation> resolvingLocations = new ArrayList<>();

    private Resolver(Map<String, SourceText> sources, WitOptions options) {
        this.errors = new Errors(sources);
        this.options = options;
    }

    /**
     * Resolves the packages of {@code units}; the first unit is the root.
     *
     * @param sources every parsed file's text by path, for error excerpts
     * @throws dev.witbind.wit.parser.WitParseException of kind RESOLVE at the first problem
     */
    public static ResolvedWit resolve(List<SourceUnit> units, Map<String, SourceText> sources, WitOptions options) {
        return new Resolver(sources, options).run(units);
    }

    Errors errors() {
        return errors;
    }

    /** Whether an item is kept: items behind a feature that is not enabled are dropped before resolving. */
    boolean enabled(Ast.ItemMeta meta) {
        return options.includes(meta.gates());
    }

    /** The error for a reference to an item that was dropped because its feature is not enabled. */
    WitParseException excluded(SourceLocation reference, String what, String name, Gates gates) {
        return errors.at(reference, "'" + name + "' is " + what + " behind @unstable(feature = "
                + gates.unstableFeature().orElseThrow() + "), which is not enabled, so it is not there to refer to; "
                + "enable the feature, or gate this item with the same @unstable");
    }

    private ResolvedWit run(List<SourceUnit> units) {
        PackageState root = null;
        for (SourceUnit unit : units) {
            PackageState unitRoot = addUnit(unit);
            if (root == null) {
                if (unitRoot == null) {
                    Ast.File first = unit.files().get(0);
                    throw errors.at(new SourceLocation(first.source().path(), 1, 1), "no 'package ns:name;' "
                            + "declaration in " + unit.description() + ": the root needs one (e.g. "
                            + "'package my:pkg@1.0.0;' at the top of a file)");
                }
                root = unitRoot;
            }
        }
        checkPackageCycles(root);
        for (PackageState pkg : packages) {
            indexItems(pkg);
        }
        for (PackageState pkg : packages) {
            checkDroppedItems(pkg);
        }
        for (PackageState pkg : packages) {
            for (Map.Entry<String, Ast.TopLevelUse> use : allFileUses(pkg)) {
                targetOfTopLevelUse(use.getValue(), pkg);
            }
            for (Map.Entry<String, PackageState.Declared> item : pkg.items.entrySet()) {
                SourceLocation location = location(item.getValue().decl());
                if (item.getValue().isInterface()) {
                    interfaceOf(pkg, item.getKey(), location);
                } else {
                    worldOf(pkg, item.getKey(), location);
                }
            }
        }
        Map<PackageState, WitPackage> built = new LinkedHashMap<>();
        for (PackageState pkg : packages) {
            built.put(pkg, build(pkg));
        }
        List<WitPackage> ordered = new ArrayList<>();
        Set<PackageState> visited = new HashSet<>();
        for (PackageState pkg : packages) {
            if (pkg != root) {
                visit(pkg, visited, ordered, built);
            }
        }
        visit(root, visited, ordered, built);
        return new ResolvedWit(built.get(root), ordered);
    }

    private static List<Map.Entry<String, Ast.TopLevelUse>> allFileUses(PackageState pkg) {
        List<Map.Entry<String, Ast.TopLevelUse>> uses = new ArrayList<>();
        for (PackageSource.Part part : pkg.source.parts) {
            uses.addAll(pkg.fileUses.getOrDefault(part, Map.of()).entrySet());
        }
        return uses;
    }

    // ---- grouping files into packages ----

    /** Adds a unit's packages; returns the package its top-level items form, or null when it has none. */
    private PackageState addUnit(SourceUnit unit) {
        Map<String, PackageSource> unitPackages = new LinkedHashMap<>();
        PackageSource unitRoot = null;
        for (Ast.File file : unit.files()) {
            if (file.packageDecl().isEmpty()) {
                continue;
            }
            Ast.PackageDecl decl = file.packageDecl().get();
            if (unitRoot == null) {
                unitRoot = new PackageSource(decl.packageName(), decl.location(), unit.description());
                unitPackages.put(decl.packageName().toString(), unitRoot);
            } else if (!unitRoot.name.equals(decl.packageName())) {
                throw errors.at(decl.namespace().location(), "package '" + decl.packageName() + "' does not match '"
                        + unitRoot.name + "' declared at " + unitRoot.location + ": all files of "
                        + unit.description() + " belong to one package");
            }
        }
        for (Ast.File file : unit.files()) {
            if (unitRoot == null && !file.items().isEmpty()) {
                throw errors.at(location(file.items().get(0)), "no 'package ns:name;' declaration in "
                        + unit.description() + ", so these items belong to no package; add one at the top of a file");
            }
            if (unitRoot != null) {
                unitRoot.parts.add(new PackageSource.Part(file, file.items(), file.source().text()));
                String docs = file.packageDecl().map(Ast.PackageDecl::docs).orElse("");
                if (!docs.isEmpty()) {
                    if (!unitRoot.docs.isEmpty()) {
                        throw errors.at(file.packageDecl().get().location(), "package '" + unitRoot.name
                                + "' has doc comments in more than one file; keep them on one 'package' declaration");
                    }
                    unitRoot.docs = docs;
                }
            }
            for (Ast.NestedPackage nested : file.nestedPackages()) {
                PackageName name = nested.decl().packageName();
                PackageSource previous = unitPackages.get(name.toString());
                if (previous != null) {
                    throw errors.at(nested.decl().namespace().location(), "package '" + name + "' is defined twice "
                            + "(first at " + previous.location + "); a 'package ... { }' block defines the whole package");
                }
                PackageSource source = new PackageSource(name, nested.decl().namespace().location(), unit.description());
                unitPackages.put(name.toString(), source);
                source.parts.add(new PackageSource.Part(file, nested.items(), nested.text()));
                source.docs = nested.decl().docs();
            }
        }
        PackageState rootState = null;
        for (PackageSource source : unitPackages.values()) {
            PackageState existing = byName.getExact(source.name.toString()).orElse(null);
            PackageState state;
            if (existing != null) {
                // deps/ of different packages may carry the same dependency; that is fine if it is the same text.
                if (!existing.source.fingerprint().equals(source.fingerprint())) {
                    throw errors.at(source.location, "package '" + source.name + "' is defined twice with "
                            + "different contents: in " + existing.source.unit + " (at " + existing.source.location
                            + ") and in " + source.unit);
                }
                state = existing;
            } else {
                state = new PackageState(source);
                packages.add(state);
                byName.define(source.name.toString(), source.name.compatibilityTrack(), source.name.version(), state,
                        false);
                byUnversionedName.computeIfAbsent(source.name.unversioned(), key -> new ArrayList<>()).add(state);
            }
            if (source == unitRoot) {
                rootState = state;
            }
        }
        return rootState;
    }

    private void indexItems(PackageState pkg) {
        NameTable names = new NameTable(errors, "package '" + pkg.key() + "'");
        for (PackageSource.Part part : pkg.source.parts) {
            for (Ast.TopLevelItem item : part.items()) {
                Ast.ItemMeta meta = item instanceof Ast.InterfaceDecl iface ? iface.meta()
                        : item instanceof Ast.WorldDecl world ? world.meta() : null;
                if (meta == null) {
                    continue;
                }
                Ast.Ident name = item instanceof Ast.InterfaceDecl iface ? iface.name() : ((Ast.WorldDecl) item).name();
                names.define(name.name(), name.location());
                if (enabled(meta)) {
                    pkg.items.put(name.name(), new PackageState.Declared(item, part));
                } else {
                    pkg.excluded.put(name.name(), new PackageState.Declared(item, part));
                    List<Map.Entry<Ast.ItemMeta, SourceLocation>> members = new ArrayList<>();
                    if (item instanceof Ast.InterfaceDecl iface) {
                        iface.members().forEach(member -> members.add(memberMeta(member)));
                    } else {
                        ((Ast.WorldDecl) item).members().forEach(member -> members.add(memberMeta(member)));
                    }
                    checkContained(members, item instanceof Ast.InterfaceDecl ? "interface" : "world", name, meta);
                }
            }
        }
        // A top-level 'use' names something in its own file only: it may shadow an item of another file of the
        // package, but not clash with a name of its own file (checked in the file's order, as wasm-tools does).
        for (PackageSource.Part part : pkg.source.parts) {
            Map<String, Ast.TopLevelUse> uses = new LinkedHashMap<>();
            Map<String, String> fileNames = new HashMap<>();
            for (Ast.TopLevelItem item : part.items()) {
                Ast.Ident defined = item instanceof Ast.TopLevelUse use ? use.localName()
                        : item instanceof Ast.InterfaceDecl iface ? iface.name() : ((Ast.WorldDecl) item).name();
                String what = item instanceof Ast.TopLevelUse use ? "the 'use " + use.path() + "'"
                        : item instanceof Ast.InterfaceDecl ? "an interface" : "a world";
                String previous = fileNames.putIfAbsent(defined.name(), what);
                if (previous != null) {
                    throw errors.at(defined.location(), "'" + defined.name() + "' is defined twice in this file: "
                            + "by " + previous + " and by " + what + (item instanceof Ast.TopLevelUse
                                    ? "; pick another name with 'as'" : ""));
                }
                if (item instanceof Ast.TopLevelUse use) {
                    uses.put(use.localName().name(), use);
                }
            }
            pkg.fileUses.put(part, uses);
        }
    }

    /**
     * The spec's rule that what a gated item contains is gated compatibly: in an item that is dropped, an item that
     * would be kept (no gate, a {@code @since}, or another feature that is enabled) is an error, as in wasm-tools.
     */
    void checkContained(List<Map.Entry<Ast.ItemMeta, SourceLocation>> members, String what, Ast.Ident container,
            Ast.ItemMeta containerMeta) {
        for (Map.Entry<Ast.ItemMeta, SourceLocation> member : members) {
            if (enabled(member.getKey())) {
                throw errors.at(member.getValue(), "this item is kept, but the " + what + " '" + container.name()
                        + "' that contains it is behind @unstable(feature = "
                        + containerMeta.gates().unstableFeature().orElseThrow() + "), which is not enabled; gate it "
                        + "the same way (what a gated item contains must be gated compatibly)");
            }
        }
    }

    private static Map.Entry<Ast.ItemMeta, SourceLocation> memberMeta(Object member) {
        if (member instanceof Ast.UseDecl use) {
            return Map.entry(use.meta(), use.path().location());
        }
        if (member instanceof Ast.TypeDecl type) {
            return Map.entry(type.meta(), type.name().location());
        }
        if (member instanceof Ast.FunctionDecl function) {
            return Map.entry(function.meta(), function.name().location());
        }
        if (member instanceof Ast.IncludeDecl include) {
            return Map.entry(include.meta(), include.world().location());
        }
        Ast.ExternDecl extern = (Ast.ExternDecl) member;
        SourceLocation location = extern.extern() instanceof Ast.ExternPath path ? path.path().location()
                : extern.extern() instanceof Ast.ExternFunction function ? function.name().location()
                        : ((Ast.ExternInterface) extern.extern()).name().location();
        return Map.entry(extern.meta(), location);
    }

    // ---- dropped items ----

    /**
     * An item behind a disabled feature is dropped before its names resolve, except for what wasm-tools checks of
     * every item, gated or not: that the names it refers to within its package exist, and that the packages it
     * names are loaded (their interfaces and worlds need not have it).
     */
    private void checkDroppedItems(PackageState pkg) {
        for (PackageState.Declared declared : pkg.excluded.values()) {
            for (Ast.UsePath path : allPaths(declared.decl())) {
                checkDropped(path, pkg, declared.part());
            }
        }
    }

    /** Checks a path of a dropped item: a local name must exist, a package must be loaded. */
    void checkDropped(Ast.UsePath path, PackageState from, PackageSource.Part part) {
        if (path instanceof Ast.LocalPath local) {
            String name = local.item().name();
            boolean known = from.items.containsKey(name) || from.excluded.containsKey(name)
                    || (part != null && from.fileUses.getOrDefault(part, Map.of()).containsKey(name));
            if (!known) {
                throw missing(from, local.item(), " (and no top-level 'use' of that name in this file)");
            }
        } else if (loaded((Ast.PackagePath) path).isEmpty()) {
            findPackage((Ast.PackagePath) path);   // reports the package that is not loaded
        }
    }

    /** Every path an item writes, local names included, in source order. */
    private static List<Ast.UsePath> allPaths(Ast.TopLevelItem item) {
        List<Ast.UsePath> paths = new ArrayList<>();
        if (item instanceof Ast.InterfaceDecl iface) {
            iface.members().forEach(member -> {
                if (member instanceof Ast.UseDecl use) {
                    paths.add(use.path());
                }
            });
        } else if (item instanceof Ast.WorldDecl world) {
            for (Ast.WorldMember member : world.members()) {
                paths.addAll(worldMemberPaths(member));
            }
        }
        return paths;
    }

    static List<Ast.UsePath> worldMemberPaths(Ast.WorldMember member) {
        List<Ast.UsePath> paths = new ArrayList<>();
        if (member instanceof Ast.UseDecl use) {
            paths.add(use.path());
        } else if (member instanceof Ast.IncludeDecl include) {
            paths.add(include.world());
        } else if (member instanceof Ast.ExternDecl extern) {
            if (extern.extern() instanceof Ast.ExternPath path) {
                paths.add(path.path());
            } else if (extern.extern() instanceof Ast.ExternInterface inline) {
                inline.members().forEach(inner -> {
                    if (inner instanceof Ast.UseDecl use) {
                        paths.add(use.path());
                    }
                });
            }
        }
        return paths;
    }

    // ---- package cycles ----

    /** A reference from one package to another (or to itself, by its full name), where it is written. */
    private record Edge(PackageState to, Ast.PackagePath path) {}

    /**
     * Packages may not depend on each other in a cycle (a package that names itself by its full name depends on
     * itself). Checked first, on every reference, gated or not, as wasm-tools sorts packages before anything else;
     * with its rule for where to report: the first package (dependencies before the root) that is left unsorted, at its
     * first reference to another unsorted package.
     */
    private void checkPackageCycles(PackageState root) {
        List<PackageState> order = new ArrayList<>(packages);
        order.remove(root);
        order.add(root);
        Map<PackageState, List<Edge>> edges = new LinkedHashMap<>();
        for (PackageState pkg : order) {
            List<Edge> out = new ArrayList<>();
            for (PackageSource.Part part : pkg.source.parts) {
                for (Ast.TopLevelItem item : part.items()) {
                    references(item).forEach(path -> loaded(path).ifPresent(to -> out.add(new Edge(to, path))));
                }
            }
            edges.put(pkg, out);
        }
        Map<PackageState, Integer> remaining = new HashMap<>();
        Map<PackageState, List<PackageState>> dependents = new HashMap<>();
        edges.forEach((pkg, out) -> {
            remaining.put(pkg, out.size());
            out.forEach(edge -> dependents.computeIfAbsent(edge.to(), key -> new ArrayList<>()).add(pkg));
        });
        List<PackageState> ready = new ArrayList<>();
        remaining.forEach((pkg, count) -> {
            if (count == 0) {
                ready.add(pkg);
            }
        });
        while (!ready.isEmpty()) {
            PackageState done = ready.remove(ready.size() - 1);
            for (PackageState dependent : dependents.getOrDefault(done, List.of())) {
                if (remaining.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        for (PackageState pkg : order) {
            if (remaining.get(pkg) == 0) {
                continue;
            }
            for (Edge edge : edges.get(pkg)) {
                if (remaining.get(edge.to()) != 0) {
                    throw errors.at(edge.path().location(), "'" + edge.path() + "' makes package '" + edge.to().key()
                            + "' part of a dependency cycle: " + (edge.to() == pkg ? "package '" + pkg.key()
                                    + "' names itself (name its own interfaces and worlds without the package)"
                                    : "it depends, directly or not, on package '" + pkg.key() + "', which refers to "
                                            + "it here; packages must not depend on each other in a cycle"));
                }
            }
        }
    }

    /** The package a path names, when it is loaded; the resolver reports the others where it resolves them. */
    private Optional<PackageState> loaded(Ast.PackagePath path) {
        PackageName requested = path.pkg();
        if (requested.version().isEmpty()) {
            Optional<PackageState> exact = byName.getExact(requested.toString());
            if (exact.isPresent()) {
                return exact;
            }
            List<PackageState> candidates = byUnversionedName.getOrDefault(requested.unversioned(), List.of());
            return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
        }
        return byName.lookup(requested.toString(), requested.compatibilityTrack()).map(NameMap.Hit::value);
    }

    /** Every {@code ns:pkg/item} path an item writes, in source order. */
    private static List<Ast.PackagePath> references(Ast.TopLevelItem item) {
        List<Ast.PackagePath> paths = new ArrayList<>();
        if (item instanceof Ast.TopLevelUse use) {
            addPath(use.path(), paths);
        } else if (item instanceof Ast.InterfaceDecl iface) {
            interfaceReferences(iface.members(), paths);
        } else {
            for (Ast.WorldMember member : ((Ast.WorldDecl) item).members()) {
                if (member instanceof Ast.UseDecl use) {
                    addPath(use.path(), paths);
                } else if (member instanceof Ast.IncludeDecl include) {
                    addPath(include.world(), paths);
                } else if (member instanceof Ast.ExternDecl extern) {
                    if (extern.extern() instanceof Ast.ExternPath path) {
                        addPath(path.path(), paths);
                    } else if (extern.extern() instanceof Ast.ExternInterface inline) {
                        interfaceReferences(inline.members(), paths);
                    }
                }
            }
        }
        return paths;
    }

    private static void interfaceReferences(List<Ast.InterfaceMember> members, List<Ast.PackagePath> paths) {
        for (Ast.InterfaceMember member : members) {
            if (member instanceof Ast.UseDecl use) {
                addPath(use.path(), paths);
            }
        }
    }

    private static void addPath(Ast.UsePath path, List<Ast.PackagePath> paths) {
        if (path instanceof Ast.PackagePath packagePath) {
            paths.add(packagePath);
        }
    }

    // ---- paths ----

    /** What a use-path names: an item of some package. */
    private record Target(PackageState pkg, String name, PackageState.Declared declared) {}

    private Target target(Ast.UsePath path, PackageState from, PackageSource.Part part) {
        if (path instanceof Ast.LocalPath local) {
            Ast.TopLevelUse use = from.fileUses.getOrDefault(part, Map.of()).get(local.item().name());
            if (use != null) {
                return targetOfTopLevelUse(use, from);
            }
            PackageState.Declared declared = from.items.get(local.item().name());
            if (declared == null) {
                throw missing(from, local.item(), " (and no top-level 'use' of that name in this file)");
            }
            return new Target(from, local.item().name(), declared);
        }
        Ast.PackagePath packagePath = (Ast.PackagePath) path;
        PackageState pkg = findPackage(packagePath);
        String item = packagePath.item().name();
        PackageState.Declared declared = pkg.items.get(item);
        if (declared == null) {
            if (pkg.excluded.containsKey(item)) {
                throw missing(pkg, packagePath.item(), "");
            }
            throw errors.at(packagePath.item().location(), "package '" + pkg.key()
                    + "' has no interface or world named '" + item + "'; it has: " + String.join(", ", pkg.items.keySet()));
        }
        return new Target(pkg, item, declared);
    }

    private WitParseException missing(PackageState pkg, Ast.Ident name, String hint) {
        PackageState.Declared excluded = pkg.excluded.get(name.name());
        if (excluded != null) {
            Ast.ItemMeta meta = excluded.isInterface() ? ((Ast.InterfaceDecl) excluded.decl()).meta()
                    : ((Ast.WorldDecl) excluded.decl()).meta();
            return excluded(name.location(), excluded.isInterface() ? "an interface" : "a world", name.name(),
                    meta.gates());
        }
        return errors.at(name.location(), "no interface or world named '" + name.name() + "' in package '"
                + pkg.key() + "'" + hint);
    }

    /** A top-level {@code use} names an item of its own package (a bare name) or of another package. */
    private Target targetOfTopLevelUse(Ast.TopLevelUse use, PackageState from) {
        Target target;
        if (use.path() instanceof Ast.LocalPath local) {
            PackageState.Declared declared = from.items.get(local.item().name());
            if (declared == null) {
                throw missing(from, local.item(), "");
            }
            target = new Target(from, local.item().name(), declared);
        } else {
            target = target(use.path(), from, null);
        }
        if (!target.declared().isInterface()) {
            throw errors.at(use.path().item().location(), "'" + use.path() + "' is a world; a top-level 'use' names "
                    + "an interface");
        }
        return target;
    }

    /**
     * The package a path names. With a version: that exact version, else the highest loaded version on its
     * compatibility track ({@code @0.2.0} finds {@code 0.2.12}). Without one: the only loaded version.
     */
    private PackageState findPackage(Ast.PackagePath path) {
        PackageName requested = path.pkg();
        List<PackageState> candidates = byUnversionedName.getOrDefault(requested.unversioned(), List.of());
        if (candidates.isEmpty()) {
            throw errors.at(path.location(), "package '" + requested + "' is not loaded; put it in the deps/ "
                    + "folder (or define it inline with 'package " + requested + " { ... }')");
        }
        String loaded = candidates.stream().map(PackageState::key).collect(Collectors.joining(", "));
        if (requested.version().isEmpty()) {
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            throw errors.at(path.location(), "'" + path + "' does not say which version of '"
                    + requested.unversioned() + "' it means, and several are loaded: " + loaded);
        }
        Optional<String> track = requested.compatibilityTrack();
        Optional<PackageState> found = byName.lookup(requested.toString(), track).map(NameMap.Hit::value);
        if (found.isPresent()) {
            return found.get();
        }
        throw errors.at(path.location(), "no loaded package matches '" + requested + "'"
                + track.map(t -> " or its compatibility track " + t).orElse(" (a prerelease or 0.0.x version "
                        + "matches only exactly)") + "; loaded: " + loaded);
    }

    /** The named interface a path names, resolved. */
    WitInterfaceDef interfaceAt(Ast.UsePath path, PackageState from, PackageSource.Part part) {
        Target target = target(path, from, part);
        if (!target.declared().isInterface()) {
            throw errors.at(path.item().location(), "'" + path + "' is a world, not an interface");
        }
        return interfaceOf(target.pkg(), target.name(), path.location());
    }

    private WitInterfaceDef interfaceOf(PackageState pkg, String name, SourceLocation reference) {
        WitInterfaceDef done = pkg.interfaces.get(name);
        if (done != null) {
            return done;
        }
        InterfaceName interfaceName = pkg.source.name.interfaceName(name);
        String id = interfaceName.toString();
        int cycleStart = resolvingInterfaces.indexOf(id);
        if (cycleStart >= 0) {
            List<String> cycle = new ArrayList<>(resolvingInterfaces.subList(cycleStart, resolvingInterfaces.size()));
            cycle.add(id);
            // At the interface whose 'use' closes the cycle, as wasm-tools reports it.
            throw errors.at(resolvingLocations.get(resolvingLocations.size() - 1), "interfaces use each other in a cycle (" + String.join(" -> ", cycle)
                    + "); 'use' between interfaces must be acyclic");
        }
        resolvingInterfaces.add(id);
        PackageState.Declared declared = pkg.items.get(name);
        Ast.InterfaceDecl decl = (Ast.InterfaceDecl) declared.decl();
        resolvingLocations.add(decl.name().location());
        TypeScope scope = new TypeScope(this, pkg, declared.part(), id, "interface '" + id + "'");
        scope.addMembers(decl.members());
        WitInterfaceDef iface = new WitInterfaceDef(pkg.source.name, Optional.of(interfaceName), name, Optional.empty(),
                scope.types(), scope.functions(), scope.uses(), gates(pkg, decl.meta(), decl.name().location()), decl.meta().docs(),
                decl.name().location());
        resolvingInterfaces.remove(resolvingInterfaces.size() - 1);
        resolvingLocations.remove(resolvingLocations.size() - 1);
        pkg.interfaces.put(name, iface);
        interfacesByName.put(id, iface);
        return iface;
    }

    /**
     * The gates of a kept item, checked as wasm-tools checks them: {@code @since} needs a package version and may
     * not be later than it; {@code @unstable} needs neither. {@code item} is the item's name, where errors point.
     */
    Gates gates(PackageState pkg, Ast.ItemMeta meta, SourceLocation item) {
        Gates gates = meta.gates();
        if (gates.since().isPresent()) {
            Optional<dev.witbind.wit.names.Version> version = pkg.source.name.version();
            if (version.isEmpty()) {
                throw errors.at(item, "package '" + pkg.key() + "' has an item gated with @since(version = "
                        + gates.since().get() + "), so it needs a version itself ('package " + pkg.key() + "@"
                        + gates.since().get() + ";')");
            }
            if (gates.since().get().compareTo(version.get()) > 0) {
                throw errors.at(item, "@since(version = " + gates.since().get() + ") is later than the version of "
                        + "package '" + pkg.key() + "'; an item cannot be added in a version that is not released "
                        + "yet (use @unstable(feature = ...) until it is)");
            }
        }
        return gates;
    }

    // ---- worlds ----

    private WitWorld worldOf(PackageState pkg, String name, SourceLocation reference) {
        WitWorld done = pkg.worlds.get(name);
        if (done != null) {
            return done;
        }
        String id = pkg.source.name.unversioned() + "/" + name
                + pkg.source.name.version().map(v -> "@" + v).orElse("");
        int cycleStart = resolvingWorlds.indexOf(id);
        if (cycleStart >= 0) {
            List<String> cycle = new ArrayList<>(resolvingWorlds.subList(cycleStart, resolvingWorlds.size()));
            cycle.add(id);
            throw errors.at(resolvingLocations.get(resolvingLocations.size() - 1), "worlds include each other in a cycle (" + String.join(" -> ", cycle) + ")");
        }
        resolvingWorlds.add(id);
        PackageState.Declared declared = pkg.items.get(name);
        resolvingLocations.add(((Ast.WorldDecl) declared.decl()).name().location());
        WitWorld world = new WorldBuilder(pkg, declared.part(), (Ast.WorldDecl) declared.decl(), id).build();
        resolvingWorlds.remove(resolvingWorlds.size() - 1);
        resolvingLocations.remove(resolvingLocations.size() - 1);
        pkg.worlds.put(name, world);
        return world;
    }

    /** Builds one world: its own items in order, included worlds merged in, then implied imports added. */
    private final class WorldBuilder {
        private final PackageState pkg;
        private final PackageSource.Part part;
        private final Ast.WorldDecl decl;
        private final String id;
        private final TypeScope types;
        private final Map<String, WorldItem> imports = new LinkedHashMap<>();
        private final Map<String, WorldItem> exports = new LinkedHashMap<>();
        /**
         * Plain names, lowercased, to what defined them ("an import 'x'", "a type 'x'"). Imports and the world's
         * types share one namespace (a world-level type is an import of a type), exports have their own.
         */
        private final Map<String, String> importPlainNames = new HashMap<>();
        private final Map<String, String> exportPlainNames = new HashMap<>();
        private final Set<String> explicitImports = new HashSet<>();
        private final Set<String> explicitExports = new HashSet<>();
        /** Types that included worlds bring, by their name here; their origin tells a diamond from a clash. */
        private final Map<String, WitTypeDef> includedTypes = new LinkedHashMap<>();
        private final Map<String, TypeRef> typeOrigins = new HashMap<>();

        WorldBuilder(PackageState pkg, PackageSource.Part part, Ast.WorldDecl decl, String id) {
            this.pkg = pkg;
            this.part = part;
            this.decl = decl;
            this.id = id;
            this.types = new TypeScope(Resolver.this, pkg, part, id, "world '" + id + "'");
        }

        WitWorld build() {
            List<Ast.WorldMember> kept = new ArrayList<>();
            for (Ast.WorldMember member : decl.members()) {
                if (member instanceof Ast.UseDecl use) {
                    types.addUse(use);
                    if (enabled(use.meta())) {
                        for (Ast.UseName name : use.names()) {
                            defineType(name.localName(), new TypeRef(id, name.localName().name()));
                        }
                    }
                } else if (member instanceof Ast.TypeDecl type) {
                    types.addType(type);
                    if (enabled(type.meta())) {
                        defineType(type.name(), new TypeRef(id, type.name().name()));
                    }
                } else if (member instanceof Ast.ExternDecl extern && enabled(extern.meta())) {
                    kept.add(member);
                } else if (member instanceof Ast.IncludeDecl include && enabled(include.meta())) {
                    kept.add(member);
                } else {
                    worldMemberPaths(member).forEach(path -> checkDropped(path, pkg, part));
                }
            }
            // The world's types take their names first, then imports and exports in order (as wasm-tools resolves
            // them), so a clash between a type and an import is reported at the import.
            for (Ast.WorldMember member : kept) {
                if (member instanceof Ast.ExternDecl extern) {
                    if (extern.extern() instanceof Ast.ExternFunction function) {
                        definePlain(extern.export(), function.name().name(), function.name().location(), "a function");
                    } else if (extern.extern() instanceof Ast.ExternInterface inline) {
                        definePlain(extern.export(), inline.name().name(), inline.name().location(), "an interface");
                    } else if (((Ast.ExternPath) extern.extern()).label().isPresent()) {
                        Ast.Ident label = ((Ast.ExternPath) extern.extern()).label().get();
                        definePlain(extern.export(), label.name(), label.location(), "an interface");
                    }
                }
            }
            Map<String, WitTypeDef> worldTypes = new LinkedHashMap<>(types.types());
            for (Ast.WorldMember member : kept) {
                if (member instanceof Ast.ExternDecl extern) {
                    addExtern(extern);
                } else {
                    addInclude((Ast.IncludeDecl) member);
                }
            }
            // A world's own resources: their constructors, methods and static functions are imported functions.
            for (WitFunctionDef function : types.functions().values()) {
                imports.put(function.externName(), new WorldItem.Function(function));
            }
            includedTypes.forEach(worldTypes::putIfAbsent);
            Map<String, WorldItem> elaboratedImports = elaborate();
            return new WitWorld(pkg.source.name, decl.name().name(), elaboratedImports, exports, worldTypes,
                    gates(pkg, decl.meta(), decl.name().location()), decl.meta().docs(), decl.name().location());
        }

        private void defineType(Ast.Ident name, TypeRef origin) {
            definePlain(false, name.name(), name.location(), "a type");
            typeOrigins.put(name.name(), origin);
        }

        private void addExtern(Ast.ExternDecl extern) {
            Map<String, WorldItem> items = extern.export() ? exports : imports;
            String direction = extern.export() ? "export" : "import";
            Ast.ItemMeta meta = extern.meta();
            if (extern.extern() instanceof Ast.ExternPath path && path.label().isPresent()) {
                WitInterfaceDef target = interfaceForWorld(path.path(), direction);
                String label = path.label().get().name();
                items.put(label, new WorldItem.InterfaceRef(target.name().orElseThrow(), target, false,
                        gates(pkg, meta, path.path().location()), meta.docs(), path.label().get().location(),
                        Optional.of(label)));
            } else if (extern.extern() instanceof Ast.ExternPath path) {
                WitInterfaceDef target = interfaceForWorld(path.path(), direction);
                InterfaceName name = target.name().orElseThrow();
                // Listing an interface twice is a mistake; listing one that an include brought in is not.
                if (!(extern.export() ? explicitExports : explicitImports).add(name.toString())) {
                    throw errors.at(path.path().location(), "'" + name + "' is " + direction + "ed twice in world '"
                            + decl.name().name() + "'");
                }
                items.put(name.toString(), new WorldItem.InterfaceRef(name, target, false,
                        gates(pkg, meta, path.path().location()), meta.docs(), path.path().location()));
            } else if (extern.extern() instanceof Ast.ExternFunction function) {
                WitFunctionDef resolved = types.function(function.name(), function.signature(), meta);
                items.put(resolved.externName(), new WorldItem.Function(resolved));
            } else {
                Ast.ExternInterface inline = (Ast.ExternInterface) extern.extern();
                String label = inline.name().name();
                String inlineId = pkg.source.name.unversioned() + "/" + decl.name().name() + "#" + label
                        + pkg.source.name.version().map(v -> "@" + v).orElse("");
                TypeScope scope = new TypeScope(Resolver.this, pkg, part, inlineId,
                        direction + " '" + label + "' of world '" + id + "'");
                scope.addMembers(inline.members());
                WitInterfaceDef iface = new WitInterfaceDef(pkg.source.name, Optional.empty(), label,
                        Optional.of(decl.name().name()), scope.types(), scope.functions(), scope.uses(),
                        gates(pkg, meta, inline.name().location()), meta.docs(), inline.name().location());
                items.put(label, new WorldItem.InlineInterface(label, iface));
            }
        }

        private WitInterfaceDef interfaceForWorld(Ast.UsePath path, String direction) {
            Target target = target(path, pkg, part);
            if (!target.declared().isInterface()) {
                throw errors.at(path.location(), "'" + path + "' is a world; a world cannot be " + direction
                        + "ed, but its imports and exports can be merged in with 'include " + path + ";'");
            }
            return interfaceOf(target.pkg(), target.name(), path.location());
        }

        /** {@code what} says what the name is ("a function"), for the message of a later clash. */
        private void definePlain(boolean export, String name, SourceLocation location, String what) {
            Map<String, String> names = export ? exportPlainNames : importPlainNames;
            String direction = export ? "export" : "import";
            String entry = what.equals("a type") ? "a type '" + name + "'" : "an " + direction + " '" + name + "'";
            String previous = names.putIfAbsent(name.toLowerCase(Locale.ROOT), entry);
            if (previous != null) {
                boolean typeInvolved = what.equals("a type") || previous.startsWith("a type");
                throw errors.at(location, "world '" + decl.name().name() + "' already has " + previous
                        + (previous.endsWith("'" + name + "'") ? "" : " (names must differ ignoring case)")
                        + (typeInvolved ? "; a world's types and its imports share one namespace" : ""));
            }
        }

        private void addInclude(Ast.IncludeDecl include) {
            gates(pkg, include.meta(), include.world().location());
            Target target = target(include.world(), pkg, part);
            if (target.declared().isInterface()) {
                throw errors.at(include.world().item().location(), "'" + include.world() + "' is an interface; 'include' "
                        + "takes a world (import or export an interface instead)");
            }
            WitWorld included = worldOf(target.pkg(), target.name(), include.world().location());
            Map<String, Ast.IncludeName> renames = new LinkedHashMap<>();
            for (Ast.IncludeName rename : include.renames()) {
                String from = rename.from().name();
                boolean plain = isPlain(included.imports().get(from)) || isPlain(included.exports().get(from))
                        || included.types().containsKey(from);
                if (!plain) {
                    boolean interfaceName = included.imports().values().stream()
                            .anyMatch(item -> isInterfaceNamed(item, from))
                            || included.exports().values().stream().anyMatch(item -> isInterfaceNamed(item, from));
                    throw errors.at(include.world().location(), interfaceName
                            ? "'" + from + "' in world '" + included.name() + "' is an interface name, which 'with' "
                                    + "cannot rename; only plain names ('import " + from + ": ...') can be renamed"
                            : "world '" + included.name() + "' has no import, export or type named '" + from
                                    + "' to rename");
                }
                if (renames.put(from, rename) != null) {
                    throw errors.at(rename.from().location(), "'" + from + "' is renamed twice");
                }
            }
            for (Map.Entry<String, WitTypeDef> type : included.types().entrySet()) {
                WitTypeDef def = type.getValue();
                TypeRef origin = def.kind() == WitTypeDef.Kind.USE ? def.refersTo().orElseThrow()
                        : new TypeRef(included.id(), type.getKey());
                Ast.IncludeName rename = renames.get(type.getKey());
                String name = rename == null ? type.getKey() : rename.to().name();
                if (origin.equals(typeOrigins.get(name))) {
                    continue;
                }
                SourceLocation location = rename == null ? include.world().location() : rename.to().location();
                definePlainFromInclude(false, name, location, "the type", include, included, type.getKey());
                typeOrigins.put(name, origin);
                includedTypes.put(name, new WitTypeDef(name, WitTypeDef.Kind.USE, def.type(), def.resource(),
                        Optional.of(origin), def.gates(), def.docs(), def.location()));
            }
            merge(included.imports(), imports, false, renames, include, included);
            merge(included.exports(), exports, true, renames, include, included);
        }

        private void definePlainFromInclude(boolean export, String name, SourceLocation location, String what,
                Ast.IncludeDecl include, WitWorld included, String originalName) {
            Map<String, String> names = export ? exportPlainNames : importPlainNames;
            String entry = (what.equals("the type") ? "a type" : export ? "an export" : "an import") + " '" + name + "'";
            String previous = names.putIfAbsent(name.toLowerCase(Locale.ROOT), entry);
            if (previous != null) {
                throw errors.at(location, what + " '" + name + "' of world '" + included.name() + "' clashes with "
                        + previous + " of world '" + decl.name().name() + "'; rename it with 'include "
                        + include.world() + " with { " + originalName + " as new-name }'");
            }
        }

        private boolean isPlain(WorldItem item) {
            return item instanceof WorldItem.InlineInterface || item instanceof WorldItem.Function
                    || (item instanceof WorldItem.InterfaceRef ref && ref.label().isPresent());
        }

        private boolean isInterfaceNamed(WorldItem item, String label) {
            return item instanceof WorldItem.InterfaceRef ref && ref.name().interfaceName().equals(label);
        }

        /** Interface names are de-duplicated; plain names must not clash (unless renamed with 'with'). */
        private void merge(Map<String, WorldItem> from, Map<String, WorldItem> into, boolean export,
                Map<String, Ast.IncludeName> renames, Ast.IncludeDecl include, WitWorld included) {
            for (WorldItem item : from.values()) {
                if (item instanceof WorldItem.InterfaceRef ref && ref.label().isEmpty()) {
                    into.putIfAbsent(ref.key(), ref);
                    continue;
                }
                Ast.IncludeName rename = renames.get(item.key());
                String name = rename == null ? item.key() : rename.to().name();
                if (item.equals(into.get(name))) {
                    continue;
                }
                SourceLocation location = rename == null ? include.world().location() : rename.to().location();
                definePlainFromInclude(export, name, location, "the " + (export ? "export" : "import"), include,
                        included, item.key());
                into.put(name, renamed(item, name));
            }
        }

        private WorldItem renamed(WorldItem item, String name) {
            if (item.key().equals(name)) {
                return item;
            }
            if (item instanceof WorldItem.InlineInterface inline) {
                return new WorldItem.InlineInterface(name, inline.target());
            }
            if (item instanceof WorldItem.InterfaceRef ref) {
                return new WorldItem.InterfaceRef(ref.name(), ref.target(), ref.implied(), ref.gates(), ref.docs(),
                        ref.location(), Optional.of(name));
            }
            WitFunctionDef function = ((WorldItem.Function) item).function();
            return new WorldItem.Function(new WitFunctionDef(new PlainName(PlainName.Kind.LABEL, Optional.empty(), name),
                    function.type(), function.gates(), function.docs(), function.location(), function.async()));
        }

        /**
         * WIT's transitive imports: an interface that an import or export uses types from must be imported too,
         * unless (for exports) it is itself exported. Each implied import goes right before its first dependent,
         * so the imports are in dependency order.
         */
        private Map<String, WorldItem> elaborate() {
            Map<String, WorldItem> result = new LinkedHashMap<>();
            for (InterfaceName used : types.uses()) {
                imply(used, result, decl.name().location(), new LinkedHashSet<>());
            }
            for (WorldItem item : imports.values()) {
                for (InterfaceName used : usesOf(item)) {
                    imply(used, result, item.location(), new LinkedHashSet<>());
                }
                WorldItem existing = result.get(item.key());
                if (existing == null || (existing instanceof WorldItem.InterfaceRef ref && ref.implied())) {
                    result.put(item.key(), item);
                }
            }
            // An export's dependencies are exports when the world exports them, imports otherwise; an interface
            // may not be both for one world (wasm-tools' elaborate_world_exports, component-model#208).
            Set<String> requiredImports = new HashSet<>();
            Set<String> elaboratedExports = new HashSet<>();
            for (WorldItem item : exports.values()) {
                if (item instanceof WorldItem.Function) {
                    continue;
                }
                WitInterfaceDef target = item instanceof WorldItem.InterfaceRef ref ? ref.target()
                        : ((WorldItem.InlineInterface) item).target();
                String conflict = addExport(item.key(), target, true, requiredImports, elaboratedExports, result,
                        item.location());
                if (conflict != null) {
                    throw errors.at(decl.name().location(), "world '" + decl.name().name() + "' exports '"
                            + item.key() + "', which depends (through interfaces it imports) on '" + conflict
                            + "', which the world also exports: the export would see two copies of it; export the "
                            + "interfaces in between too, or import '" + conflict + "' instead of exporting it");
                }
            }
            return result;
        }

        /** Adds an export's dependencies; returns the interface reached both as export and import, or null. */
        private String addExport(String key, WitInterfaceDef iface, boolean asExport, Set<String> requiredImports,
                Set<String> elaboratedExports, Map<String, WorldItem> imported, SourceLocation location) {
            if (elaboratedExports.contains(key)) {
                return asExport ? null : key;
            }
            if (!asExport && requiredImports.contains(key)) {
                return null;
            }
            for (InterfaceName used : iface.uses()) {
                String dependency = used.toString();
                String conflict = addExport(dependency, interfacesByName.get(dependency),
                        asExport && exports.containsKey(dependency), requiredImports, elaboratedExports, imported,
                        location);
                if (conflict != null) {
                    return conflict;
                }
            }
            if (asExport) {
                if (requiredImports.contains(key)) {
                    return key;
                }
                elaboratedExports.add(key);
            } else {
                requiredImports.add(key);
                InterfaceName name = iface.name().orElseThrow();
                imported.putIfAbsent(key, new WorldItem.InterfaceRef(name, iface, true, Gates.NONE, "", location));
            }
            return null;
        }

        private void imply(InterfaceName name, Map<String, WorldItem> into, SourceLocation location,
                Set<String> visiting) {
            if (into.containsKey(name.toString()) || !visiting.add(name.toString())) {
                return;
            }
            WitInterfaceDef iface = interfacesByName.get(name.toString());
            for (InterfaceName used : iface.uses()) {
                imply(used, into, location, visiting);
            }
            into.putIfAbsent(name.toString(), new WorldItem.InterfaceRef(name, iface, true, Gates.NONE, "", location));
        }

        private List<InterfaceName> usesOf(WorldItem item) {
            if (item instanceof WorldItem.InterfaceRef ref) {
                return ref.target().uses();
            }
            if (item instanceof WorldItem.InlineInterface inline) {
                return inline.target().uses();
            }
            return List.of();
        }
    }

    // ---- output ----

    private WitPackage build(PackageState pkg) {
        Map<String, WitInterfaceDef> interfaces = new LinkedHashMap<>();
        Map<String, WitWorld> worlds = new LinkedHashMap<>();
        for (String name : pkg.items.keySet()) {
            if (pkg.items.get(name).isInterface()) {
                interfaces.put(name, pkg.interfaces.get(name));
            } else {
                worlds.put(name, pkg.worlds.get(name));
            }
        }
        return new WitPackage(pkg.source.name, interfaces, worlds, pkg.source.docs, pkg.source.location);
    }

    /** Depth-first, so that packages come after the packages they use (where that is acyclic). */
    private void visit(PackageState pkg, Set<PackageState> visited, List<WitPackage> ordered,
            Map<PackageState, WitPackage> built) {
        if (!visited.add(pkg)) {
            return;
        }
        WitPackage pkgModel = built.get(pkg);
        Set<String> dependencies = new LinkedHashSet<>();
        for (WitInterfaceDef iface : pkgModel.interfaces().values()) {
            iface.uses().forEach(used -> dependencies.add(packageKey(used)));
        }
        for (WitWorld world : pkgModel.worlds().values()) {
            world.importedInterfaces().forEach(used -> dependencies.add(packageKey(used)));
            world.exportedInterfaces().forEach(used -> dependencies.add(packageKey(used)));
        }
        for (String dependency : dependencies) {
            PackageState state = byName.getExact(dependency).orElse(null);
            if (state != null) {
                visit(state, visited, ordered, built);
            }
        }
        ordered.add(pkgModel);
    }

    private static String packageKey(InterfaceName name) {
        return name.namespace() + ":" + name.packageName() + name.version().map(v -> "@" + v).orElse("");
    }

    private static SourceLocation location(Ast.TopLevelItem item) {
        if (item instanceof Ast.InterfaceDecl iface) {
            return iface.name().location();
        }
        if (item instanceof Ast.WorldDecl world) {
            return world.name().location();
        }
        return ((Ast.TopLevelUse) item).path().location();
    }
}
