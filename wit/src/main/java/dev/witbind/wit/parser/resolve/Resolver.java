package dev.witbind.wit.parser.resolve;

import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.NameMap;
import dev.witbind.wit.names.PlainName;
import dev.witbind.wit.parser.SourceLocation;
import dev.witbind.wit.parser.SourceText;
import dev.witbind.wit.parser.model.Gates;
import dev.witbind.wit.parser.model.PackageName;
import dev.witbind.wit.parser.model.ResolvedWit;
import dev.witbind.wit.parser.model.WitFunctionDef;
import dev.witbind.wit.parser.model.WitInterfaceDef;
import dev.witbind.wit.parser.model.WitPackage;
import dev.witbind.wit.parser.model.WitTypeDef;
import dev.witbind.wit.parser.model.WitWorld;
import dev.witbind.wit.parser.model.WorldItem;
import dev.witbind.wit.parser.syntax.Ast;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final List<PackageState> packages = new ArrayList<>();
    /** Every loaded package by its full name, resolved exactly or else on its compatibility track. */
    private final NameMap<PackageState> byName = new NameMap<>();
    private final Map<String, List<PackageState>> byUnversionedName = new HashMap<>();
    private final Map<String, WitInterfaceDef> interfacesByName = new HashMap<>();
    private final List<String> resolvingInterfaces = new ArrayList<>();
    private final List<String> resolvingWorlds = new ArrayList<>();

    private Resolver(Map<String, SourceText> sources) {
        this.errors = new Errors(sources);
    }

    /**
     * Resolves the packages of {@code units}; the first unit is the root.
     *
     * @param sources every parsed file's text by path, for error excerpts
     * @throws dev.witbind.wit.parser.WitParseException of kind RESOLVE at the first problem
     */
    public static ResolvedWit resolve(List<SourceUnit> units, Map<String, SourceText> sources) {
        return new Resolver(sources).run(units);
    }

    Errors errors() {
        return errors;
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
        for (PackageState pkg : packages) {
            indexItems(pkg);
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
                throw errors.at(decl.location(), "package '" + decl.packageName() + "' does not match '"
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
                PackageSource source = unitPackages.computeIfAbsent(name.toString(),
                        key -> new PackageSource(name, nested.decl().location(), unit.description()));
                source.parts.add(new PackageSource.Part(file, nested.items(), nested.text()));
                if (source.docs.isEmpty()) {
                    source.docs = nested.decl().docs();
                }
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
                if (item instanceof Ast.InterfaceDecl iface) {
                    names.define(iface.name().name(), iface.name().location());
                    pkg.items.put(iface.name().name(), new PackageState.Declared(item, part));
                } else if (item instanceof Ast.WorldDecl world) {
                    names.define(world.name().name(), world.name().location());
                    pkg.items.put(world.name().name(), new PackageState.Declared(item, part));
                }
            }
        }
        for (PackageSource.Part part : pkg.source.parts) {
            Map<String, Ast.TopLevelUse> uses = new LinkedHashMap<>();
            for (Ast.TopLevelItem item : part.items()) {
                if (item instanceof Ast.TopLevelUse use) {
                    Ast.Ident local = use.localName();
                    if (pkg.items.containsKey(local.name()) || uses.containsKey(local.name())) {
                        throw errors.at(local.location(), "'use " + use.path() + "' defines the name '"
                                + local.name() + "', which is already " + (uses.containsKey(local.name())
                                        ? "defined by another 'use' in this file"
                                        : "an interface or world of package '" + pkg.key() + "'")
                                + "; pick another with 'as'");
                    }
                    uses.put(local.name(), use);
                }
            }
            pkg.fileUses.put(part, uses);
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
                throw errors.at(local.location(), "no interface or world named '" + local.item().name()
                        + "' in package '" + from.key() + "' (and no top-level 'use' of that name in this file)");
            }
            return new Target(from, local.item().name(), declared);
        }
        Ast.PackagePath packagePath = (Ast.PackagePath) path;
        PackageState pkg = findPackage(packagePath);
        String item = packagePath.item().name();
        PackageState.Declared declared = pkg.items.get(item);
        if (declared == null) {
            throw errors.at(packagePath.item().location(), "package '" + pkg.key()
                    + "' has no interface or world named '" + item + "'; it has: " + String.join(", ", pkg.items.keySet()));
        }
        return new Target(pkg, item, declared);
    }

    /** A top-level {@code use} names an item of its own package (a bare name) or of another package. */
    private Target targetOfTopLevelUse(Ast.TopLevelUse use, PackageState from) {
        if (use.path() instanceof Ast.LocalPath local) {
            PackageState.Declared declared = from.items.get(local.item().name());
            if (declared == null) {
                throw errors.at(local.location(), "no interface or world named '" + local.item().name()
                        + "' in package '" + from.key() + "'");
            }
            return new Target(from, local.item().name(), declared);
        }
        return target(use.path(), from, null);
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
            throw errors.at(path.location(), "'" + path + "' is a world, not an interface");
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
            throw errors.at(reference, "interfaces use each other in a cycle (" + String.join(" -> ", cycle)
                    + "); 'use' between interfaces must be acyclic");
        }
        resolvingInterfaces.add(id);
        PackageState.Declared declared = pkg.items.get(name);
        Ast.InterfaceDecl decl = (Ast.InterfaceDecl) declared.decl();
        TypeScope scope = new TypeScope(this, pkg, declared.part(), id, "interface '" + id + "'");
        scope.addMembers(decl.members());
        WitInterfaceDef iface = new WitInterfaceDef(pkg.source.name, Optional.of(interfaceName), name, Optional.empty(),
                scope.types(), scope.functions(), scope.uses(), gates(pkg, decl.meta()), decl.meta().docs(),
                decl.name().location());
        resolvingInterfaces.remove(resolvingInterfaces.size() - 1);
        pkg.interfaces.put(name, iface);
        interfacesByName.put(id, iface);
        return iface;
    }

    /** The gates of an item; the spec requires a package that uses gates to have a version. */
    Gates gates(PackageState pkg, Ast.ItemMeta meta) {
        if (!meta.gates().equals(Gates.NONE) && pkg.source.name.version().isEmpty()) {
            throw errors.at(meta.location(), "package '" + pkg.key() + "' uses feature gates, so it needs a version"
                    + " ('package " + pkg.key() + "@1.0.0;')");
        }
        return meta.gates();
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
            throw errors.at(reference, "worlds include each other in a cycle (" + String.join(" -> ", cycle) + ")");
        }
        resolvingWorlds.add(id);
        PackageState.Declared declared = pkg.items.get(name);
        WitWorld world = new WorldBuilder(pkg, declared.part(), (Ast.WorldDecl) declared.decl(), id).build();
        resolvingWorlds.remove(resolvingWorlds.size() - 1);
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
        /** Plain names, lowercased, to the item that defined them: the two directions are separate namespaces. */
        private final Map<String, String> importPlainNames = new HashMap<>();
        private final Map<String, String> exportPlainNames = new HashMap<>();
        private final Set<String> explicitImports = new HashSet<>();
        private final Set<String> explicitExports = new HashSet<>();

        WorldBuilder(PackageState pkg, PackageSource.Part part, Ast.WorldDecl decl, String id) {
            this.pkg = pkg;
            this.part = part;
            this.decl = decl;
            this.id = id;
            this.types = new TypeScope(Resolver.this, pkg, part, id, "world '" + id + "'");
        }

        WitWorld build() {
            for (Ast.WorldMember member : decl.members()) {
                if (member instanceof Ast.UseDecl use) {
                    types.addUse(use);
                } else if (member instanceof Ast.TypeDecl type) {
                    types.addType(type);
                }
            }
            Map<String, WitTypeDef> worldTypes = types.types();
            for (Ast.WorldMember member : decl.members()) {
                if (member instanceof Ast.ExternDecl extern) {
                    addExtern(extern);
                } else if (member instanceof Ast.IncludeDecl include) {
                    addInclude(include);
                }
            }
            Map<String, WorldItem> elaboratedImports = elaborate();
            return new WitWorld(pkg.source.name, decl.name().name(), elaboratedImports, exports, worldTypes,
                    gates(pkg, decl.meta()), decl.meta().docs(), decl.name().location());
        }

        private void addExtern(Ast.ExternDecl extern) {
            Map<String, WorldItem> items = extern.export() ? exports : imports;
            String direction = extern.export() ? "export" : "import";
            Ast.ItemMeta meta = extern.meta();
            if (extern.extern() instanceof Ast.ExternPath path) {
                WitInterfaceDef target = interfaceForWorld(path.path(), direction);
                InterfaceName name = target.name().orElseThrow();
                // Listing an interface twice is a mistake; listing one that an include brought in is not.
                if (!(extern.export() ? explicitExports : explicitImports).add(name.toString())) {
                    throw errors.at(path.path().location(), "'" + name + "' is " + direction + "ed twice in world '"
                            + decl.name().name() + "'");
                }
                items.put(name.toString(), new WorldItem.InterfaceRef(name, target, false, gates(pkg, meta),
                        meta.docs(), path.path().location()));
            } else if (extern.extern() instanceof Ast.ExternFunction function) {
                definePlain(extern.export(), function.name().name(), function.name().location());
                WitFunctionDef resolved = types.function(function.name(), function.signature(), meta);
                items.put(resolved.externName(), new WorldItem.Function(resolved));
            } else {
                Ast.ExternInterface inline = (Ast.ExternInterface) extern.extern();
                String label = inline.name().name();
                definePlain(extern.export(), label, inline.name().location());
                String inlineId = pkg.source.name.unversioned() + "/" + decl.name().name() + "#" + label
                        + pkg.source.name.version().map(v -> "@" + v).orElse("");
                TypeScope scope = new TypeScope(Resolver.this, pkg, part, inlineId,
                        direction + " '" + label + "' of world '" + id + "'");
                scope.addMembers(inline.members());
                WitInterfaceDef iface = new WitInterfaceDef(pkg.source.name, Optional.empty(), label,
                        Optional.of(decl.name().name()), scope.types(), scope.functions(), scope.uses(),
                        gates(pkg, meta), meta.docs(), inline.name().location());
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

        private void definePlain(boolean export, String name, SourceLocation location) {
            Map<String, String> names = export ? exportPlainNames : importPlainNames;
            String previous = names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (previous != null) {
                throw errors.at(location, "world '" + decl.name().name() + "' already has an " + (export ? "export"
                        : "import") + " named '" + previous + "'" + (previous.equals(name) ? ""
                                : " (names must differ ignoring case)"));
            }
        }

        private void addInclude(Ast.IncludeDecl include) {
            Target target = target(include.world(), pkg, part);
            if (target.declared().isInterface()) {
                throw errors.at(include.world().location(), "'" + include.world() + "' is an interface; 'include' "
                        + "takes a world (import or export an interface instead)");
            }
            WitWorld included = worldOf(target.pkg(), target.name(), include.world().location());
            Map<String, Ast.IncludeName> renames = new LinkedHashMap<>();
            for (Ast.IncludeName rename : include.renames()) {
                String from = rename.from().name();
                boolean plain = isPlain(included.imports().get(from)) || isPlain(included.exports().get(from));
                if (!plain) {
                    boolean interfaceName = included.imports().values().stream()
                            .anyMatch(item -> isInterfaceNamed(item, from))
                            || included.exports().values().stream().anyMatch(item -> isInterfaceNamed(item, from));
                    throw errors.at(rename.from().location(), interfaceName
                            ? "'" + from + "' in world '" + included.name() + "' is an interface name, which 'with' "
                                    + "cannot rename; only plain names ('import " + from + ": ...') can be renamed"
                            : "world '" + included.name() + "' has no import or export named '" + from + "' to rename");
                }
                if (renames.put(from, rename) != null) {
                    throw errors.at(rename.from().location(), "'" + from + "' is renamed twice");
                }
            }
            merge(included.imports(), imports, false, renames, include, included);
            merge(included.exports(), exports, true, renames, include, included);
        }

        private boolean isPlain(WorldItem item) {
            return item instanceof WorldItem.InlineInterface || item instanceof WorldItem.Function;
        }

        private boolean isInterfaceNamed(WorldItem item, String label) {
            return item instanceof WorldItem.InterfaceRef ref && ref.name().interfaceName().equals(label);
        }

        /** Interface names are de-duplicated; plain names must not clash (unless renamed with 'with'). */
        private void merge(Map<String, WorldItem> from, Map<String, WorldItem> into, boolean export,
                Map<String, Ast.IncludeName> renames, Ast.IncludeDecl include, WitWorld included) {
            for (WorldItem item : from.values()) {
                if (item instanceof WorldItem.InterfaceRef ref) {
                    into.putIfAbsent(ref.key(), ref);
                    continue;
                }
                Ast.IncludeName rename = renames.get(item.key());
                String name = rename == null ? item.key() : rename.to().name();
                SourceLocation location = rename == null ? include.world().location() : rename.to().location();
                Map<String, String> names = export ? exportPlainNames : importPlainNames;
                String previous = names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                if (previous != null) {
                    String direction = export ? "export" : "import";
                    throw errors.at(location, "the " + direction + " '" + name + "' of world '" + included.name()
                            + "' clashes with the " + direction + " '" + previous + "' of world '"
                            + decl.name().name() + "'; rename it with 'include " + include.world() + " with { "
                            + item.key() + " as new-name }'");
                }
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
            WitFunctionDef function = ((WorldItem.Function) item).function();
            return new WorldItem.Function(new WitFunctionDef(new PlainName(PlainName.Kind.LABEL, Optional.empty(), name),
                    function.type(), function.gates(), function.docs(), function.location()));
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
            for (WorldItem item : exports.values()) {
                for (InterfaceName used : usesOf(item)) {
                    if (!exports.containsKey(used.toString())) {
                        imply(used, result, item.location(), new LinkedHashSet<>());
                    }
                }
            }
            return result;
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
