package dev.witbind.wit.names;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Names to values with Wasmtime's two tables: exact name -> value, and compatibility track -> the name with the
 * highest version on that track, whatever the order of definition. Lookup tries the exact name, then the track of
 * the requested name ({@link CompatibilityTrack} is the rule). This is the one implementation of "the exact name,
 * else the highest version on its track": every level of the runtime's linker is one, and the WIT resolver finds
 * packages through one.
 *
 * <p>Canonical interface names ({@code a:b/c@0.2}, Explainer "Canonical Interface Name") are witbind's addition, and
 * match both ways, because a track's key is its canonical name ({@link CompatibilityTrack#namedBy}):
 * <ul>
 * <li>a canonical request that is not defined exactly finds the highest version on the track it names
 *     ({@code a:b/c@0.2} finds {@code a:b/c@0.2.12});
 * <li>a versioned request whose track has no versioned definition finds the definition under its track's canonical
 *     name ({@code a:b/c@0.2.3} finds {@code a:b/c@0.2}).
 * </ul>
 * So an explicit version outranks a canonical definition on the same track: a versioned definition says which
 * {@code 0.2.x} it implements and a canonical one does not, so only the former can be ranked; and adding a canonical
 * definition never changes how a name that Wasmtime's rule resolves resolves (it only fills an empty track). A
 * canonical request still prefers its exact canonical definition, by the first rule. Both kinds of hit say
 * {@link Resolution#CANONICAL_NAME}.
 *
 * <p>A name's track and version are derived once, when it is defined; callers that have already parsed a name
 * ({@link InterfaceName}) pass it as it is, so nothing is parsed again. Not thread-safe: build it, then only read
 * it (or guard it).
 *
 * @param <V> what a name stands for
 */
public final class NameMap<V> {
    // Hashed for lookups; names() and namesLike() sort (they serve listings and error messages).
    private final Map<String, V> exact = new HashMap<>();
    private final Map<String, Highest> highestOnTrack = new HashMap<>();

    /** The name with the highest version on one track, and that version. */
    private record Highest(String name, Version version) {}

    /**
     * Where a lookup landed.
     *
     * @param requested the name asked for
     * @param name the name found: {@code requested}, the highest version on its track, or its track's canonical name
     * @param track the track it was found through (for a canonical name, the track it names or its key); empty for
     *     an exact match
     * @param resolution which rule found it
     */
    public record Hit<V>(String requested, String name, V value, Optional<String> track, Resolution resolution) {
        /** Whether the name was found through a track (Wasmtime's or a canonical name's) rather than exactly. */
        public boolean viaTrack() {
            return track.isPresent();
        }

        /** Whether the name was found through a canonical interface name. */
        public boolean viaCanonicalName() {
            return resolution == Resolution.CANONICAL_NAME;
        }
    }

    /**
     * Defines {@code name}, deriving its track from the text. A name defined before is an error unless
     * {@code shadowing} is on, in which case the new value replaces the old one.
     *
     * @throws DuplicateNameException when the name exists and shadowing is off
     */
    public void define(String name, V value, boolean shadowing) {
        Optional<String> track = CompatibilityTrack.of(name);
        define(name, track, track.flatMap(t -> CompatibilityTrack.versionOf(name)), value, shadowing);
    }

    /** Defines a parsed interface name, with the track and version it carries (see {@link #define(String, Object, boolean)}). */
    public void define(InterfaceName name, V value, boolean shadowing) {
        define(name.toString(), name.compatibilityTrack(), name.version(), value, shadowing);
    }

    /**
     * Defines {@code name} whose track and version the caller has derived (for names that are not interface names,
     * such as WIT package names {@code wasi:io@0.2.12}).
     *
     * @param track the name's compatibility track, or empty when it matches only exactly
     * @param version its version, present whenever {@code track} is
     */
    public void define(String name, Optional<String> track, Optional<Version> version, V value, boolean shadowing) {
        Objects.requireNonNull(value, "value");
        if (track.isPresent() && version.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' has the track " + track.get() + " but no version");
        }
        if (exact.containsKey(name) && !shadowing) {
            throw new DuplicateNameException(name);
        }
        exact.put(name, value);
        track.ifPresent(t -> {
            Highest current = highestOnTrack.get(t);
            if (current == null || version.get().compareTo(current.version()) > 0) {
                highestOnTrack.put(t, new Highest(name, version.get()));
            }
        });
    }

    /** The value defined under exactly this name. */
    public Optional<V> getExact(String name) {
        return Optional.ofNullable(exact.get(name));
    }

    /** The exact name, else the highest version on the requested name's track (derived from its text). */
    public Optional<Hit<V>> lookup(String requested) {
        return lookup(requested, CompatibilityTrack.of(requested));
    }

    /** {@link #lookup(String)} of a parsed interface name, with the track it carries. */
    public Optional<Hit<V>> lookup(InterfaceName requested) {
        return lookup(requested.toString(), requested.compatibilityTrack());
    }

    /**
     * {@link #lookup(String)} of a name whose compatibility track the caller has derived (empty: exact matches only,
     * unless the name is canonical and so names a track itself).
     */
    public Optional<Hit<V>> lookup(String requested, Optional<String> track) {
        V value = exact.get(requested);
        if (value != null) {
            return Optional.of(new Hit<>(requested, requested, value, Optional.empty(), Resolution.EXACT));
        }
        if (track.isPresent()) {
            Highest highest = highestOnTrack.get(track.get());
            if (highest != null) {
                return Optional.of(hit(requested, highest.name(), track.get(), Resolution.TRACK));
            }
            // nothing versioned on the track: the definition under its canonical name, if any, serves it
            return exact.containsKey(track.get())
                    ? Optional.of(hit(requested, track.get(), track.get(), Resolution.CANONICAL_NAME))
                    : Optional.empty();
        }
        return CompatibilityTrack.namedBy(requested)
                .map(highestOnTrack::get)
                .map(highest -> hit(requested, highest.name(), requested, Resolution.CANONICAL_NAME));
    }

    private Hit<V> hit(String requested, String name, String track, Resolution resolution) {
        return new Hit<>(requested, name, exact.get(name), Optional.of(track), resolution);
    }

    /**
     * The defined names that share the part before {@code '@'} with {@code requested}, sorted: what an error message
     * lists as the versions there are.
     */
    public List<String> namesLike(String requested) {
        String base = unversioned(requested);
        List<String> names = new ArrayList<>();
        for (String name : exact.keySet()) {
            if (unversioned(name).equals(base)) {
                names.add(name);
            }
        }
        Collections.sort(names);
        return names;
    }

    private static String unversioned(String name) {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    /** Every defined name, sorted. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(new TreeMap<>(exact).keySet()));
    }

    /** Every defined value, in the order of {@link #names()}. */
    public List<V> values() {
        return new TreeMap<>(exact).values().stream().toList();
    }

    /** Thrown by {@code define} for a second definition of a name without shadowing. */
    public static final class DuplicateNameException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final String name;

        DuplicateNameException(String name) {
            super("'" + name + "' defined twice");
            this.name = name;
        }

        public String name() {
            return name;
        }
    }
}
