package dev.witbind.wit.compat;

import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.Version;
import dev.witbind.wit.parser.model.Gates;
import dev.witbind.wit.parser.model.PackageName;
import dev.witbind.wit.parser.model.WitFunctionDef;
import dev.witbind.wit.parser.model.WitInterfaceDef;
import dev.witbind.wit.parser.model.WitPackage;
import dev.witbind.wit.parser.model.WitTypeDef;
import dev.witbind.wit.parser.model.WitWorld;
import dev.witbind.wit.parser.model.WorldItem;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares two versions of a WIT package: is the newer a compatible addition of the older?
 *
 * <p>It is when both are the same package on one compatibility track ({@link CompatibilityTrack}: {@code 0.2.0} and
 * {@code 0.2.12} are, {@code 0.2.x} and {@code 0.3.0} or {@code 1.x} and {@code 2.0.0} are not, and a prerelease or
 * {@code 0.0.x} version matches only itself) and the newer only adds: every interface, type, resource, function
 * and world of the older is in the newer with the same type, and every import and export of an older world is in
 * the newer one. Types compare structurally, resources by name and owning interface (on its track, so the owner's
 * version does not matter), and named types by name and members in order: an added field, case or flag changes the
 * type, since a guest that lifts a case it does not know traps. Parameter names are part of a Component Model
 * function type, so renaming a parameter is a change too.
 *
 * <p>Feature gates count: a stable item that the newer version puts behind {@code @unstable} is gone for hosts
 * built without that feature; items that are unstable in the older version carry no promise, so their changes are
 * notes. {@code @since} gates are listed for additions and checked against which version has the item.
 */
public final class PackageCompatibility {
    private final WitPackage older;
    private final WitPackage newer;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Addition> additions = new ArrayList<>();
    private final Map<String, Map<String, Availability>> availability = new TreeMap<>();

    private PackageCompatibility(WitPackage older, WitPackage newer) {
        this.older = older;
        this.newer = newer;
    }

    /**
     * Compares {@code older} with {@code newer}.
     *
     * @return the report; {@link CompatibilityReport#isCompatible()} says whether {@code newer} is a compatible
     *     addition of {@code older}
     */
    public static CompatibilityReport compare(WitPackage older, WitPackage newer) {
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(newer, "newer");
        return new PackageCompatibility(older, newer).run();
    }

    /** The effective {@code @unstable} feature of an item: its own gate's, else its enclosing item's. */
    private record Scope(Optional<String> unstable) {
        static final Scope STABLE = new Scope(Optional.empty());

        Scope enter(Gates gates) {
            return gates.unstableFeature().isPresent() ? new Scope(gates.unstableFeature()) : this;
        }

        boolean isStable() {
            return unstable.isEmpty();
        }
    }

    private CompatibilityReport run() {
        PackageName o = older.name();
        PackageName n = newer.name();
        boolean linkable;
        Optional<String> track = Optional.empty();
        if (!o.unversioned().equals(n.unversioned())) {
            findings.add(new Finding(Finding.Kind.DIFFERENT_PACKAGE, n.unversioned(),
                    "is another package than " + o.unversioned() + ": their interfaces never stand in for each other"));
            linkable = false;
        } else {
            track = o.equals(n) ? o.compatibilityTrack() : commonTrack(o, n);
            linkable = o.equals(n) || track.isPresent();
            if (!linkable) {
                findings.add(new Finding(Finding.Kind.NOT_ON_ONE_TRACK, n.unversioned(), whyNotOnOneTrack(o, n)));
            }
            if (o.version().isPresent() && n.version().isPresent()
                    && n.version().get().compareTo(o.version().get()) < 0) {
                findings.add(new Finding(Finding.Kind.VERSION_NOT_NEWER, n.unversioned(), "the newer version "
                        + n.version().get() + " precedes the older version " + o.version().get()
                        + "; are the two packages swapped?"));
            }
            compareInterfaces();
            compareWorlds();
        }
        for (WitInterfaceDef iface : newer.interfaces().values()) {
            Map<String, Availability> functions = availability.computeIfAbsent(iface.label(), k -> new TreeMap<>());
            for (String function : iface.functions().keySet()) {
                if (!linkable) {
                    functions.put(function, Availability.UNLINKABLE);
                } else {
                    functions.putIfAbsent(function, Availability.MISSING);
                }
            }
        }
        return new CompatibilityReport(o, n, track, linkable, findings, additions, availability);
    }

    private static Optional<String> commonTrack(PackageName o, PackageName n) {
        Optional<String> track = o.compatibilityTrack();
        return track.isPresent() && track.equals(n.compatibilityTrack()) ? track : Optional.empty();
    }

    private static String whyNotOnOneTrack(PackageName o, PackageName n) {
        List<String> reasons = new ArrayList<>();
        for (PackageName name : List.of(o, n)) {
            if (name.compatibilityTrack().isEmpty()) {
                reasons.add(name + " " + whyNoTrack(name));
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(o + " is on track " + o.compatibilityTrack().orElseThrow() + " and " + n + " on track "
                    + n.compatibilityTrack().orElseThrow());
        }
        return String.join(", ", reasons) + ": a guest built against " + n + " never links to a host of " + o;
    }

    private static String whyNoTrack(PackageName name) {
        if (name.version().isEmpty()) {
            return "has no version and so matches only exactly";
        }
        Version version = name.version().get();
        return version.isPrerelease()
                ? "is a prerelease, which matches only exactly"
                : "is a 0.0.x version, which matches only exactly";
    }

    private void compareInterfaces() {
        for (WitInterfaceDef oi : older.interfaces().values()) {
            String item = older.interfaceName(oi.label()).unversioned();
            WitInterfaceDef ni = newer.interfaces().get(oi.label());
            if (ni == null) {
                removed(item, Scope.STABLE.enter(oi.gates()), "interface removed");
            } else {
                compareGates(item, Scope.STABLE, Scope.STABLE, oi.gates(), ni.gates());
                compareInterface(item, oi, ni, Scope.STABLE.enter(oi.gates()), Scope.STABLE.enter(ni.gates()), true);
            }
        }
        for (WitInterfaceDef ni : newer.interfaces().values()) {
            if (!older.interfaces().containsKey(ni.label())) {
                added(Addition.Kind.INTERFACE, newer.interfaceName(ni.label()).unversioned(), Scope.STABLE, ni.gates());
            }
        }
    }

    /**
     * Compares two versions of one interface: a named one of the package ({@code recordAvailability}), or one written
     * inline in a world.
     */
    private void compareInterface(String item, WitInterfaceDef oi, WitInterfaceDef ni, Scope oScope, Scope nScope,
            boolean recordAvailability) {
        compareTypes(item, oi.types(), ni.types(), oScope, nScope);
        Map<String, Availability> hostHas = new TreeMap<>();
        for (WitFunctionDef of : oi.functions().values()) {
            String name = of.externName();
            Scope oParent = resourceScope(oi, of, oScope);
            Optional<Scope> nParent = newerResourceScope(oi, ni, of, nScope);
            if (nParent.isEmpty()) {
                continue; // its resource was removed or is no resource any more: reported with the type
            }
            String functionItem = item + ": " + name;
            Scope oEffective = oParent.enter(of.gates());
            WitFunctionDef nf = ni.functions().get(name);
            if (nf == null) {
                removed(functionItem, oEffective, "removed");
                continue;
            }
            compareGates(functionItem, oParent, nParent.get(), of.gates(), nf.gates());
            List<String> changes = functionChanges(of.type(), nf.type());
            changes.forEach(change -> changed(functionItem, oEffective, change));
            hostHas.put(name, !changes.isEmpty()
                    ? Availability.CHANGED
                    : oEffective.isStable() ? Availability.PROVIDED : Availability.PROVIDED_IF_FEATURE);
        }
        for (WitFunctionDef nf : ni.functions().values()) {
            String name = nf.externName();
            if (oi.functions().containsKey(name)) {
                continue;
            }
            boolean resourceAdded = nf.resource().isPresent()
                    && oi.type(nf.resource().get()).flatMap(WitTypeDef::resource).isEmpty();
            if (!resourceAdded) {
                added(Addition.Kind.FUNCTION, item + ": " + name, resourceScope(ni, nf, nScope), nf.gates());
            }
        }
        if (recordAvailability) {
            availability.put(ni.label(), hostHas);
        }
    }

    /** The scope of a function's resource (for a constructor, method or static function), else {@code scope}. */
    private static Scope resourceScope(WitInterfaceDef iface, WitFunctionDef function, Scope scope) {
        return function.resource().flatMap(iface::type).map(def -> scope.enter(def.gates())).orElse(scope);
    }

    /** For a resource function of the older version, the scope of its resource in the newer, if that is one. */
    private static Optional<Scope> newerResourceScope(WitInterfaceDef oi, WitInterfaceDef ni, WitFunctionDef of, Scope nScope) {
        if (of.resource().isEmpty()) {
            return Optional.of(nScope);
        }
        Optional<WitTypeDef> oDef = oi.type(of.resource().get());
        Optional<WitTypeDef> nDef = ni.type(of.resource().get());
        boolean stillResource = nDef.flatMap(WitTypeDef::resource).isPresent()
                && TypeDifference.sameResource(oDef.flatMap(WitTypeDef::resource).orElseThrow(),
                        nDef.get().resource().get());
        return stillResource ? Optional.of(nScope.enter(nDef.get().gates())) : Optional.empty();
    }

    /** What differs between two function types, one entry per parameter or result; empty when they are equal. */
    private static List<String> functionChanges(WitFunctionType o, WitFunctionType n) {
        List<String> changes = new ArrayList<>();
        if (o.params().size() != n.params().size()) {
            changes.add("parameters changed from " + params(o) + " to " + params(n));
        } else {
            for (int i = 0; i < o.params().size(); i++) {
                WitParam op = o.params().get(i);
                WitParam np = n.params().get(i);
                if (!op.name().equals(np.name())) {
                    changes.add("parameter " + (i + 1) + " renamed from '" + op.name() + "' to '" + np.name()
                            + "' (parameter names are part of a Component Model function type)");
                }
                TypeDifference.change("parameter '" + op.name() + "'", op.type(), np.type()).ifPresent(changes::add);
            }
        }
        TypeDifference.change("result", o.result(), n.result()).ifPresent(changes::add);
        return changes;
    }

    private static String params(WitFunctionType type) {
        return type.params().stream().map(WitParam::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    private void compareTypes(String item, Map<String, WitTypeDef> oTypes, Map<String, WitTypeDef> nTypes,
            Scope oScope, Scope nScope) {
        for (WitTypeDef od : oTypes.values()) {
            String typeItem = item + ": " + keyword(od) + " " + od.name();
            WitTypeDef nd = nTypes.get(od.name());
            Scope oEffective = oScope.enter(od.gates());
            if (nd == null) {
                removed(typeItem, oEffective, "removed");
                continue;
            }
            compareGates(typeItem, oScope, nScope, od.gates(), nd.gates());
            Optional<String> change = TypeDifference.definitionChange(od.type(), nd.type());
            boolean reportedWhereDefined = definedElsewhereInPackage(od)
                    && od.type().toString().equals(nd.type().toString());
            if (change.isPresent() && !reportedWhereDefined) {
                changed(typeItem, oEffective, change.get());
            }
        }
        for (WitTypeDef nd : nTypes.values()) {
            if (!oTypes.containsKey(nd.name())) {
                Addition.Kind kind =
                        nd.kind() == WitTypeDef.Kind.RESOURCE ? Addition.Kind.RESOURCE : Addition.Kind.TYPE;
                added(kind, item + ": " + keyword(nd) + " " + nd.name(), nScope, nd.gates());
            }
        }
    }

    /**
     * Whether a name is a {@code use} or alias of a type that another item of this package defines: a change inside
     * that type is reported there (and at the functions it reaches), not again at every name for it.
     */
    private boolean definedElsewhereInPackage(WitTypeDef def) {
        String prefix = older.name().unversioned() + "/";
        return (def.kind() == WitTypeDef.Kind.USE || def.kind() == WitTypeDef.Kind.ALIAS)
                && def.refersTo().map(ref -> ref.owner().startsWith(prefix)).orElse(false);
    }

    private static String keyword(WitTypeDef def) {
        return switch (def.kind()) {
            case RECORD -> "record";
            case VARIANT -> "variant";
            case ENUM -> "enum";
            case FLAGS -> "flags";
            case RESOURCE -> "resource";
            case ALIAS, USE -> "type";
        };
    }

    private void compareWorlds() {
        for (WitWorld ow : older.worlds().values()) {
            String item = "world " + older.name().unversioned() + "/" + ow.name();
            WitWorld nw = newer.worlds().get(ow.name());
            if (nw == null) {
                removed(item, Scope.STABLE.enter(ow.gates()), "world removed");
                continue;
            }
            compareGates(item, Scope.STABLE, Scope.STABLE, ow.gates(), nw.gates());
            Scope oScope = Scope.STABLE.enter(ow.gates());
            Scope nScope = Scope.STABLE.enter(nw.gates());
            compareTypes(item, ow.types(), nw.types(), oScope, nScope);
            compareWorldItems(item, "import", ow.imports(), nw.imports(), oScope, nScope, Addition.Kind.WORLD_IMPORT);
            compareWorldItems(item, "export", ow.exports(), nw.exports(), oScope, nScope, Addition.Kind.WORLD_EXPORT);
        }
        for (WitWorld nw : newer.worlds().values()) {
            if (!older.worlds().containsKey(nw.name())) {
                added(Addition.Kind.WORLD, "world " + newer.name().unversioned() + "/" + nw.name(), Scope.STABLE,
                        nw.gates());
            }
        }
    }

    private void compareWorldItems(String item, String direction, Map<String, WorldItem> oItems,
            Map<String, WorldItem> nItems, Scope oScope, Scope nScope, Addition.Kind additionKind) {
        Map<String, WorldItem> oByKey = byVersionlessKey(oItems);
        Map<String, WorldItem> nByKey = byVersionlessKey(nItems);
        for (Map.Entry<String, WorldItem> entry : oByKey.entrySet()) {
            String itemName = item + ": " + direction + " " + entry.getKey();
            WorldItem oItem = entry.getValue();
            WorldItem nItem = nByKey.get(entry.getKey());
            Scope oEffective = oScope.enter(oItem.gates());
            if (nItem == null) {
                removed(itemName, oEffective, "removed");
                continue;
            }
            compareGates(itemName, oScope, nScope, oItem.gates(), nItem.gates());
            if (oItem instanceof WorldItem.InterfaceRef o && nItem instanceof WorldItem.InterfaceRef n) {
                boolean ownInterface = o.name().namespace().equals(older.name().namespace())
                        && o.name().packageName().equals(older.name().name());
                Optional<String> oTrack = o.name().compatibilityTrack();
                boolean sameTrack = o.name().equals(n.name())
                        || (oTrack.isPresent() && oTrack.equals(n.name().compatibilityTrack()));
                // This package's own interfaces move with its version, which the package-level track check covers.
                if (!sameTrack && !ownInterface) {
                    changed(itemName, oEffective, "changed from " + o.name() + " to " + n.name()
                            + ", which is not on its compatibility track");
                }
            } else if (oItem instanceof WorldItem.Function o && nItem instanceof WorldItem.Function n) {
                functionChanges(o.function().type(), n.function().type())
                        .forEach(change -> changed(itemName, oEffective, change));
            } else if (oItem instanceof WorldItem.InlineInterface o && nItem instanceof WorldItem.InlineInterface n) {
                compareInterface(itemName, o.target(), n.target(), oEffective, nScope.enter(nItem.gates()), false);
            } else {
                changed(itemName, oEffective, "changed from " + describe(oItem) + " to " + describe(nItem));
            }
        }
        for (Map.Entry<String, WorldItem> entry : nByKey.entrySet()) {
            if (!oByKey.containsKey(entry.getKey())) {
                added(additionKind, item + ": " + direction + " " + entry.getKey(), nScope, entry.getValue().gates());
            }
        }
    }

    /**
     * World items keyed as versions of one world would share: an interface by its name without the version (the
     * track check is separate), anything else by its plain name.
     */
    private static Map<String, WorldItem> byVersionlessKey(Map<String, WorldItem> items) {
        Map<String, WorldItem> byKey = new LinkedHashMap<>();
        for (WorldItem item : items.values()) {
            String key = item instanceof WorldItem.InterfaceRef ref && ref.label().isEmpty() ? ref.name().unversioned()
                    : item.key();
            if (byKey.putIfAbsent(key, item) != null) {
                byKey.put(item.key(), item); // two versions of one interface: keep both, by full name
            }
        }
        return byKey;
    }

    private static String describe(WorldItem item) {
        if (item instanceof WorldItem.InterfaceRef ref) {
            return ref.label().map(label -> "'" + label + "', ").orElse("") + "interface " + ref.name();
        }
        if (item instanceof WorldItem.InlineInterface) {
            return "an inline interface";
        }
        return "function " + ((WorldItem.Function) item).function().type();
    }

    /** Feature-gate transitions and {@code @since} claims of an item present in both versions. */
    private void compareGates(String item, Scope oParent, Scope nParent, Gates oGates, Gates nGates) {
        Scope o = oParent.enter(oGates);
        Scope n = nParent.enter(nGates);
        // A transition is reported once, on the outermost item that makes it.
        boolean parentBecameUnstable = oParent.isStable() && !nParent.isStable();
        boolean parentStabilized = !oParent.isStable() && nParent.isStable();
        if (o.isStable() && !n.isStable() && !parentBecameUnstable) {
            findings.add(new Finding(Finding.Kind.NOW_UNSTABLE, item, "stable in " + older.name()
                    + ", but behind @unstable(feature = " + n.unstable().get() + ") in " + newer.name()
                    + ": a host of " + newer.name() + " provides it only with that feature"));
        }
        if (!o.isStable() && n.isStable() && !parentStabilized) {
            findings.add(new Finding(Finding.Kind.STABILIZED, item, "stable in " + newer.name()
                    + ", was behind @unstable(feature = " + o.unstable().get() + ") in " + older.name()));
        }
        if (nGates.deprecated().isPresent() && oGates.deprecated().isEmpty()) {
            findings.add(new Finding(Finding.Kind.DEPRECATED, item, "deprecated in " + newer.name()
                    + " (@deprecated(version = " + nGates.deprecated().get() + "))"));
        }
        // An item unstable in the older version is stabilized with an @since of the newer: no contradiction.
        Optional<Version> olderVersion = older.name().version();
        if (olderVersion.isEmpty() || !o.isStable()) {
            return;
        }
        Set<Version> claims = new LinkedHashSet<>();
        oGates.since().ifPresent(claims::add);
        nGates.since().ifPresent(claims::add);
        for (Version since : claims) {
            if (since.compareTo(olderVersion.get()) > 0) {
                String where = oGates.since().equals(nGates.since())
                        ? "both versions say"
                        : (nGates.since().equals(Optional.of(since)) ? newer.name() : older.name()) + " says";
                findings.add(new Finding(Finding.Kind.SINCE_INCONSISTENT, item, where + " @since(version = " + since
                        + "), after " + olderVersion.get() + ", yet " + older.name() + " has it"));
            }
        }
    }

    private void added(Addition.Kind kind, String item, Scope nParent, Gates gates) {
        additions.add(new Addition(kind, item, gates.since(), nParent.enter(gates).unstable()));
        Optional<Version> olderVersion = older.name().version();
        if (gates.since().isPresent() && olderVersion.isPresent()
                && gates.since().get().compareTo(olderVersion.get()) <= 0) {
            findings.add(new Finding(Finding.Kind.SINCE_INCONSISTENT, item, newer.name() + " says @since(version = "
                    + gates.since().get() + "), yet " + older.name() + " lacks it"));
        }
    }

    private void removed(String item, Scope oEffective, String message) {
        breakingOrNote(Finding.Kind.REMOVED, item, oEffective, message);
    }

    private void changed(String item, Scope oEffective, String message) {
        breakingOrNote(Finding.Kind.CHANGED, item, oEffective, message);
    }

    /** A removal or change breaks compatibility unless the older version had the item behind {@code @unstable}. */
    private void breakingOrNote(Finding.Kind kind, String item, Scope oEffective, String message) {
        if (oEffective.isStable()) {
            findings.add(new Finding(kind, item, message));
        } else {
            findings.add(new Finding(Finding.Kind.UNSTABLE_CHANGED, item, message + " (behind @unstable(feature = "
                    + oEffective.unstable().get() + ") in " + older.name() + ", so without a compatibility promise)"));
        }
    }

    /** The interface label for a name given to a report query; see {@link CompatibilityReport}. */
    static String label(PackageName pkg, String interfaceName) {
        if (interfaceName.indexOf(':') < 0) {
            return interfaceName;
        }
        InterfaceName parsed = InterfaceName.parse(interfaceName);
        if (!parsed.namespace().equals(pkg.namespace()) || !parsed.packageName().equals(pkg.name())) {
            throw new IllegalArgumentException("'" + interfaceName + "' is not an interface of " + pkg.unversioned());
        }
        return parsed.interfaceName();
    }
}
