package dev.witbind.wit.compat;

import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Structural comparison of WIT types across two versions of a package, with an explanation of the difference.
 *
 * <p>Types are equal when their structure is: named types ({@code record}, {@code variant}, {@code enum},
 * {@code flags}) by name and members, in order (the Canonical ABI lays members out by position, and a guest lifting
 * a case it does not know traps, so an added case or field is a change, not an addition). Resources are nominal:
 * equal when their names are and their owners are the same interface on the same compatibility track, so
 * {@code output-stream} of {@code wasi:io/streams@0.2.0} and of {@code @0.2.12} are one resource.
 */
final class TypeDifference {
    private TypeDifference() {}

    /**
     * Empty when the types are equal; otherwise {@code what} and how it changed: {@code "result changed from u32 to
     * u64"}, or, when both render alike, the named type that differs inside: {@code "result changed: variant
     * stream-error: case 'timeout' added"}.
     */
    static Optional<String> change(String what, WitType older, WitType newer) {
        return difference(older, newer).map(inner -> older.toString().equals(newer.toString())
                ? what + " changed: " + inner
                : what + " changed from " + older + " to " + newer);
    }

    /** {@link #change(String, WitType, WitType)} for optional types (results, payloads); absence reads {@code none}. */
    static Optional<String> change(String what, Optional<WitType> older, Optional<WitType> newer) {
        if (older.isPresent() && newer.isPresent()) {
            return change(what, older.get(), newer.get());
        }
        if (older.isEmpty() && newer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(what + " changed from " + older.map(Object::toString).orElse("none") + " to "
                + newer.map(Object::toString).orElse("none"));
    }

    /** Whether two resources are the same one, across versions of their owner on one compatibility track. */
    static boolean sameResource(ResourceType older, ResourceType newer) {
        return older.name().equals(newer.name()) && ownerKey(older.owner()).equals(ownerKey(newer.owner()));
    }

    /** The owner without the version's position on its track: {@code wasi:io/streams@0.2} for any {@code 0.2.x}. */
    private static String ownerKey(String owner) {
        return CompatibilityTrack.of(owner).orElse(owner);
    }

    /**
     * Empty when the types are equal, else why. Rendering is compositional, so when two types render alike the
     * difference is inside a named type or a resource's owner, and the reason names it; when they render
     * differently the caller shows both renderings and the reason only has to be non-empty.
     */
    static Optional<String> difference(WitType older, WitType newer) {
        if (older.getClass() != newer.getClass()) {
            return Optional.of(kindOf(older) + " became " + kindOf(newer));
        }
        if (older instanceof PrimitiveType) {
            return older == newer ? Optional.empty() : Optional.of("changed from " + older + " to " + newer);
        }
        if (older instanceof ListType o) {
            return difference(o.element(), ((ListType) newer).element());
        }
        if (older instanceof OptionType o) {
            return difference(o.some(), ((OptionType) newer).some());
        }
        if (older instanceof ResultType o) {
            ResultType n = (ResultType) newer;
            return first(optionalDifference(o.ok(), n.ok()), optionalDifference(o.err(), n.err()));
        }
        if (older instanceof TupleType o) {
            TupleType n = (TupleType) newer;
            if (o.elements().size() != n.elements().size()) {
                return Optional.of("changed from " + o + " to " + n);
            }
            for (int i = 0; i < o.elements().size(); i++) {
                Optional<String> inner = difference(o.elements().get(i), n.elements().get(i));
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (older instanceof HandleType o) {
            HandleType n = (HandleType) newer;
            if (o.ownership() != n.ownership() || !o.resource().name().equals(n.resource().name())) {
                return Optional.of("changed from " + o + " to " + n);
            }
            return sameResource(o.resource(), n.resource())
                    ? Optional.empty()
                    : Optional.of("resource " + o.resource().name() + " is now the one of " + n.resource().owner()
                            + ", not of " + o.resource().owner());
        }
        if (!nameOf(older).equals(nameOf(newer))) {
            return Optional.of(kindOf(older) + " became " + kindOf(newer));
        }
        return named(older, newer).map(changes -> kindOf(older) + ": " + changes);
    }

    /** Two named types of one kind and name, member by member; empty when equal. */
    private static Optional<String> named(WitType older, WitType newer) {
        List<String> changes;
        if (older instanceof RecordType o) {
            changes = members("field", o.fields(), ((RecordType) newer).fields(), RecordType.Field::name,
                    (f, n) -> change("field '" + f.name() + "'", f.type(), n.type()));
        } else if (older instanceof VariantType o) {
            changes = members("case", o.cases(), ((VariantType) newer).cases(), VariantType.Case::name,
                    (c, n) -> change("case '" + c.name() + "' payload", c.payload(), n.payload()));
        } else if (older instanceof EnumType o) {
            changes = members("case", o.cases(), ((EnumType) newer).cases(), Function.identity(),
                    (c, n) -> Optional.empty());
        } else {
            changes = members("flag", ((FlagsType) older).flags(), ((FlagsType) newer).flags(), Function.identity(),
                    (c, n) -> Optional.empty());
        }
        return changes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", changes));
    }

    /**
     * For a type definition present in both versions: empty when equal, else what changed. Two definitions of one
     * kind list their member changes ({@code field 'leap' added}); otherwise both sides are shown.
     */
    static Optional<String> definitionChange(WitType older, WitType newer) {
        Optional<String> difference = difference(older, newer);
        if (difference.isEmpty()) {
            return difference;
        }
        boolean sameNamedKind =
                older.getClass() == newer.getClass() && isNamed(older) && nameOf(older).equals(nameOf(newer));
        if (sameNamedKind) {
            return named(older, newer);
        }
        return older.toString().equals(newer.toString())
                ? difference
                : Optional.of("changed from " + kindOf(older) + " to " + kindOf(newer));
    }

    private static boolean isNamed(WitType type) {
        return type instanceof RecordType || type instanceof VariantType || type instanceof EnumType
                || type instanceof FlagsType;
    }

    /** Member lists compared by name: removals, changes, additions, and else a reordering (positions are the ABI). */
    private static <M> List<String> members(String what, List<M> older, List<M> newer, Function<M, String> name,
            BiFunction<M, M, Optional<String>> compare) {
        Map<String, M> newByName = new LinkedHashMap<>();
        newer.forEach(m -> newByName.put(name.apply(m), m));
        Map<String, M> oldByName = new LinkedHashMap<>();
        older.forEach(m -> oldByName.put(name.apply(m), m));
        List<String> changes = new ArrayList<>();
        for (M member : older) {
            M counterpart = newByName.get(name.apply(member));
            if (counterpart == null) {
                changes.add(what + " '" + name.apply(member) + "' removed");
            } else {
                compare.apply(member, counterpart).ifPresent(changes::add);
            }
        }
        for (M member : newer) {
            if (!oldByName.containsKey(name.apply(member))) {
                changes.add(what + " '" + name.apply(member) + "' added");
            }
        }
        List<String> oldOrder = older.stream().map(name).toList();
        List<String> newOrder = newer.stream().map(name).toList();
        if (changes.isEmpty() && !oldOrder.equals(newOrder)) {
            changes.add(what + "s reordered from (" + String.join(", ", oldOrder) + ") to ("
                    + String.join(", ", newOrder) + ")");
        }
        return changes;
    }

    private static Optional<String> optionalDifference(Optional<WitType> older, Optional<WitType> newer) {
        if (older.isPresent() && newer.isPresent()) {
            return difference(older.get(), newer.get());
        }
        return older.isPresent() == newer.isPresent()
                ? Optional.empty()
                : Optional.of("changed from " + older.map(Object::toString).orElse("none") + " to "
                        + newer.map(Object::toString).orElse("none"));
    }

    private static Optional<String> first(Optional<String> a, Optional<String> b) {
        return a.isPresent() ? a : b;
    }

    private static String nameOf(WitType type) {
        if (type instanceof RecordType t) {
            return t.name();
        }
        if (type instanceof VariantType t) {
            return t.name();
        }
        if (type instanceof EnumType t) {
            return t.name();
        }
        return ((FlagsType) type).name();
    }

    /** {@code record datetime}, {@code u64}, {@code list<u8>}: a type with the kind of a named one spelled out. */
    static String kindOf(WitType type) {
        if (type instanceof RecordType t) {
            return "record " + t.name();
        }
        if (type instanceof VariantType t) {
            return "variant " + t.name();
        }
        if (type instanceof EnumType t) {
            return "enum " + t.name();
        }
        if (type instanceof FlagsType t) {
            return "flags " + t.name();
        }
        return type.toString();
    }
}
