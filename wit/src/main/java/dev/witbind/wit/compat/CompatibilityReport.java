package dev.witbind.wit.compat;

import dev.witbind.wit.parser.model.PackageName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of {@link PackageCompatibility#compare}: whether the newer package version is a compatible addition of
 * the older one, the findings that say why not (and warnings and notes), what was added, and for every function of
 * the newer version whether a host of the older version provides it.
 *
 * <p>Immutable; findings and additions are sorted by item, so {@link #describe()} is deterministic.
 *
 * <p>Queries take an interface of the package by its label ({@code streams}) or its name ({@code wasi:io/streams},
 * with or without a version; the version is ignored, since the question is always about the newer version's
 * interface) and a function by its Component Model name ({@code [method]output-stream.write}).
 */
public final class CompatibilityReport {
    private final PackageName older;
    private final PackageName newer;
    private final Optional<String> track;
    private final boolean linkable;
    private final List<Finding> findings;
    private final List<Addition> additions;
    private final Map<String, Map<String, Availability>> availability;

    CompatibilityReport(PackageName older, PackageName newer, Optional<String> track, boolean linkable,
            List<Finding> findings, List<Addition> additions, Map<String, Map<String, Availability>> availability) {
        this.older = Objects.requireNonNull(older, "older");
        this.newer = Objects.requireNonNull(newer, "newer");
        this.track = Objects.requireNonNull(track, "track");
        this.linkable = linkable;
        this.findings = findings.stream().sorted().toList();
        this.additions = additions.stream().sorted().toList();
        Map<String, Map<String, Availability>> copy = new TreeMap<>();
        availability.forEach((iface, functions) ->
                copy.put(iface, Collections.unmodifiableMap(new TreeMap<>(functions))));
        this.availability = Collections.unmodifiableMap(copy);
    }

    public PackageName older() {
        return older;
    }

    public PackageName newer() {
        return newer;
    }

    /** The compatibility track both versions are on, e.g. {@code wasi:io@0.2}; empty when there is none. */
    public Optional<String> track() {
        return track;
    }

    /**
     * Whether a guest's import of the newer version resolves to a host of the older version at all: the same
     * package, and the same exact version or one compatibility track.
     */
    public boolean isLinkable() {
        return linkable;
    }

    /** Whether the newer version is a compatible addition of the older one: no breaking findings. */
    public boolean isCompatible() {
        return findings.stream().noneMatch(Finding::isBreaking);
    }

    /** Every finding, sorted by item. */
    public List<Finding> findings() {
        return findings;
    }

    /** The findings of one severity, sorted by item. */
    public List<Finding> findings(Finding.Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /** The findings that make the newer version incompatible with the older, sorted by item. */
    public List<Finding> breakingChanges() {
        return findings(Finding.Severity.BREAKING);
    }

    /** What the newer version adds, outermost items only, sorted by item. */
    public List<Addition> additions() {
        return additions;
    }

    /**
     * Whether a host of the older version provides {@code function} of {@code interfaceName} to a guest built against
     * the newer version.
     *
     * @throws IllegalArgumentException when the newer version has no such interface or function
     */
    public Availability availability(String interfaceName, String function) {
        Availability result = functionsOf(interfaceName).get(function);
        if (result == null) {
            throw new IllegalArgumentException(newer + " has no function '" + function + "' in interface '"
                    + interfaceName + "'");
        }
        return result;
    }

    /**
     * Whether a guest built against the newer version that calls {@code function} of {@code interfaceName} finds it,
     * stable and with the same type, in a host of the older version.
     *
     * @throws IllegalArgumentException when the newer version has no such interface or function
     */
    public boolean hostProvides(String interfaceName, String function) {
        return availability(interfaceName, function) == Availability.PROVIDED;
    }

    /**
     * The functions of an interface of the newer version that a host of the older version does not provide (anything
     * but {@link Availability#PROVIDED}), sorted.
     *
     * @throws IllegalArgumentException when the newer version has no such interface
     */
    public List<String> missingFor(String interfaceName) {
        return functionsOf(interfaceName).entrySet().stream()
                .filter(e -> e.getValue() != Availability.PROVIDED)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * For each interface of the newer version (by its name without version, e.g. {@code wasi:io/streams}) with
     * functions a host of the older version does not provide, those functions and why; sorted.
     */
    public Map<String, Map<String, Availability>> missing() {
        Map<String, Map<String, Availability>> missing = new TreeMap<>();
        availability.forEach((label, functions) -> functions.forEach((function, available) -> {
            if (available != Availability.PROVIDED) {
                missing.computeIfAbsent(newer.interfaceName(label).unversioned(), k -> new TreeMap<>())
                        .put(function, available);
            }
        }));
        missing.replaceAll((iface, functions) -> Collections.unmodifiableMap(functions));
        return Collections.unmodifiableMap(missing);
    }

    private Map<String, Availability> functionsOf(String interfaceName) {
        Map<String, Availability> functions = availability.get(PackageCompatibility.label(newer, interfaceName));
        if (functions == null) {
            throw new IllegalArgumentException(newer + " has no interface '" + interfaceName + "'");
        }
        return functions;
    }

    /**
     * The report as text: a headline with the verdict, then the breaking changes, warnings, notes, additions, and the
     * functions a host of the older version does not provide, each section sorted and left out when empty.
     */
    public String describe() {
        List<String> lines = new ArrayList<>();
        long breaking = breakingChanges().size();
        lines.add(older + " -> " + newer + track.map(t -> " (track " + t + ")").orElse(" (no common track)") + ": "
                + (breaking == 0 ? "compatible addition" : "not a compatible addition, " + breaking + " breaking "
                        + (breaking == 1 ? "change" : "changes")));
        section(lines, "breaking", breakingChanges());
        section(lines, "warnings", findings(Finding.Severity.WARNING));
        section(lines, "notes", findings(Finding.Severity.NOTE));
        section(lines, "added", additions);
        Map<String, Map<String, Availability>> missing = missing();
        if (!linkable) {
            lines.add("  a host of " + older + " provides none of " + newer + "'s functions to its guests");
        } else if (!missing.isEmpty()) {
            lines.add("  not provided by a host of " + older + " to a guest of " + newer + ":");
            missing.forEach((iface, functions) -> functions.forEach((function, available) ->
                    lines.add("    " + iface + ": " + function + " (" + available.name().toLowerCase(Locale.ROOT)
                            .replace('_', ' ') + ")")));
        }
        return String.join("\n", lines) + "\n";
    }

    private static void section(List<String> lines, String title, List<?> entries) {
        if (!entries.isEmpty()) {
            lines.add("  " + title + ":");
            entries.forEach(entry -> lines.add("    " + entry));
        }
    }

    /** Same as {@link #describe()}. */
    @Override
    public String toString() {
        return describe();
    }
}
