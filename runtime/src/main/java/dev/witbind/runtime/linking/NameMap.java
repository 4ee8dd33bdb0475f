package dev.witbind.runtime.linking;

import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.names.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One level of the linker's namespace, with Wasmtime's two tables: exact name -> value, and compatibility track
 * -> the name with the highest version on that track. Lookup tries the exact name, then the track of the
 * requested name ({@link CompatibilityTrack} is the rule). Not thread-safe: a linker is built at startup, then
 * only read.
 *
 * @param <V> what a name stands for
 */
public final class NameMap<V> {
    // Hashed for lookups; names() and namesLike() sort (they serve listings and error messages).
    private final Map<String, V> exact = new HashMap<>();
    private final Map<String, String> highestOnTrack = new HashMap<>();

    /** Where a lookup landed. */
    public record Hit<V>(String requested, String name, V value, Optional<String> track) {
        /** Whether the name was found through its track rather than exactly. */
        public boolean viaTrack() {
            return track.isPresent();
        }
    }

    /**
     * Defines {@code name}. A name defined before is an error unless {@code shadowing} is on, in which case the new
     * value replaces the old one.
     *
     * @throws DuplicateNameException when the name exists and shadowing is off
     */
    public void define(String name, V value, boolean shadowing) {
        Objects.requireNonNull(value, "value");
        if (exact.containsKey(name) && !shadowing) {
            throw new DuplicateNameException(name);
        }
        exact.put(name, value);
        CompatibilityTrack.of(name).ifPresent(track -> {
            String current = highestOnTrack.get(track);
            if (current == null || version(name).compareTo(version(current)) > 0) {
                highestOnTrack.put(track, name);
            }
        });
    }

    private static Version version(String name) {
        return CompatibilityTrack.versionOf(name).orElseThrow();
    }

    /** The value defined under exactly this name. */
    public Optional<V> getExact(String name) {
        return Optional.ofNullable(exact.get(name));
    }

    /** The exact name, else the highest version on the requested name's track. */
    public Optional<Hit<V>> lookup(String requested) {
        V value = exact.get(requested);
        if (value != null) {
            return Optional.of(new Hit<>(requested, requested, value, Optional.empty()));
        }
        Optional<String> track = CompatibilityTrack.of(requested);
        if (track.isEmpty()) {
            return Optional.empty();
        }
        String name = highestOnTrack.get(track.get());
        return name == null ? Optional.empty() : Optional.of(new Hit<>(requested, name, exact.get(name), track));
    }

    /**
     * The defined names that share the part before {@code '@'} with {@code requested}, sorted: what an error message
     * lists as the versions the linker has.
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

    /** Thrown by {@link #define} for a second definition of a name without shadowing. */
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
