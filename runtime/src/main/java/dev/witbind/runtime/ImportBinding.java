package dev.witbind.runtime;

import dev.witbind.runtime.LinkerInstance.FunctionDefinition;
import dev.witbind.runtime.engine.CoreImport;
import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.names.Resolution;
import dev.witbind.wit.names.Version;
import dev.witbind.wit.types.WitFunctionType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** How one guest import was resolved: a line of a {@link LinkPlan}. */
public final class ImportBinding {
    private final CoreImport guestImport;
    private final String instanceName;
    private final Optional<String> track;
    private final Resolution resolution;
    private final Optional<Version> guestVersion;
    private final FunctionDefinition<?> definition;
    private final ImportExplanation.Outcome outcome;
    private final List<String> warnings;

    /**
     * @param guestVersion the full version a canonically named import was built against, when the guest says (a
     *     component's {@code versionsuffix}); empty otherwise
     */
    ImportBinding(CoreImport guestImport, String instanceName, Optional<String> track, Resolution resolution,
            Optional<Version> guestVersion, FunctionDefinition<?> definition) {
        this(guestImport, instanceName, track, resolution, guestVersion, definition, switch (resolution) {
            case EXACT -> ImportExplanation.Outcome.EXACT;
            case TRACK -> ImportExplanation.Outcome.TRACK;
            case CANONICAL_NAME -> ImportExplanation.Outcome.CANONICAL_NAME;
        }, List.of());
    }

    /** An import served as {@code served} says, with what strict versions warned about it. */
    ImportBinding(CoreImport guestImport, ImportResolver.Served served, Optional<Version> guestVersion,
            List<String> warnings) {
        this(guestImport, served.instanceName(), served.via().hit().track(), served.via().hit().resolution(),
                guestVersion, served.definition(), served.outcome(), warnings);
    }

    private ImportBinding(CoreImport guestImport, String instanceName, Optional<String> track, Resolution resolution,
            Optional<Version> guestVersion, FunctionDefinition<?> definition, ImportExplanation.Outcome outcome,
            List<String> warnings) {
        this.guestImport = guestImport;
        this.instanceName = instanceName;
        this.track = track;
        this.resolution = resolution;
        this.guestVersion = guestVersion;
        this.definition = definition;
        this.outcome = outcome;
        this.warnings = List.copyOf(warnings);
    }

    /** The import as the guest declares it. */
    public CoreImport guestImport() {
        return guestImport;
    }

    /**
     * The linker instance it resolved to, e.g. {@code example:greeter/host@0.2.1}: a fallback's for a
     * {@linkplain ImportExplanation.Outcome#FALLBACK fallback}, and for a trap stub the host instance that lacks the
     * function.
     */
    public String instanceName() {
        return instanceName;
    }

    /**
     * The compatibility track it was resolved through (for a {@linkplain Resolution#CANONICAL_NAME canonical name},
     * the track that name stands for); empty when it resolved exactly.
     */
    public Optional<String> track() {
        return track;
    }

    /** Which name rule found its instance: the exact name, the track, or a canonical interface name. */
    public Resolution resolution() {
        return resolution;
    }

    /**
     * How it links: which rule found its instance, or whether a fallback or a trap stub serves it
     * ({@link Versioning}).
     */
    public ImportExplanation.Outcome outcome() {
        return outcome;
    }

    /** What strict versions warned about it ({@link Versioning.Strictness#WARN}); empty otherwise. */
    public List<String> warnings() {
        return warnings;
    }

    /** This binding as a line of {@link Linker#explain}. */
    public ImportExplanation explanation() {
        String provider = outcome == ImportExplanation.Outcome.TRAP_STUB
                ? instanceName
                : instanceName.isEmpty() ? guestImport.field() : instanceName + "#" + guestImport.field();
        List<String> findings = warnings.stream().map(warning -> "warning: " + warning).toList();
        if (outcome == ImportExplanation.Outcome.TRAP_STUB) {
            findings = Stream.concat(Stream.of(instanceName + " lacks it"),
                    findings.stream()).toList();
        }
        return new ImportExplanation(importName(), outcome,
                guestVersion.or(() -> CompatibilityTrack.versionOf(guestImport.module()))
                        .map(Version::toString),
                Optional.of(provider), findings);
    }

    /**
     * The full version the guest was built against, for an import with a canonical name whose component keeps it
     * (the {@code versionsuffix} attribute): {@code 0.2.6} for {@code wasi:cli/exit@0.2}. Empty otherwise; it never
     * takes part in linking (the name does).
     */
    public Optional<Version> guestVersion() {
        return guestVersion;
    }

    /** The host function's WIT type. */
    public WitFunctionType type() {
        return definition.type();
    }

    FunctionDefinition<?> definition() {
        return definition;
    }

    /**
     * One line for logs: {@code example:greeter/host@0.2.0#greet -> example:greeter/host@0.2.1#greet (via track
     * example:greeter/host@0.2)}, {@code ... (exact)}, or {@code wasi:cli/exit@0.2#exit (0.2.6) ->
     * wasi:cli/exit@0.2.12#exit (canonical name)}.
     */
    public String describe() {
        String how = switch (outcome) {
            case EXACT -> " (exact)";
            case TRACK -> " (via track " + track.orElseThrow() + ")";
            case CANONICAL_NAME -> " (canonical name)";
            case PRERELEASE_TRACK -> " (via track " + track.orElseThrow() + ", the track of the prerelease's release)";
            case FALLBACK -> " (fallback: the host lacks it)";
            case TRAP_STUB, STRICT_REFUSED, UNRESOLVED -> "";
        };
        String target = outcome == ImportExplanation.Outcome.TRAP_STUB
                ? "a trap stub (" + instanceName + " lacks it)"
                : instanceName.isEmpty() ? guestImport.field() : instanceName + "#" + guestImport.field();
        StringBuilder line = new StringBuilder(importName())
                .append(guestVersion.map(v -> " (" + v + ")").orElse("")).append(" -> ").append(target).append(how);
        warnings.forEach(warning -> line.append("; warning: ").append(warning));
        return line.toString();
    }

    /** The import as reports name it: {@code instance#function}, or a world-level function's name alone. */
    private String importName() {
        return guestImport.module().isEmpty() ? guestImport.field() : guestImport.qualifiedName();
    }

    @Override
    public String toString() {
        return describe();
    }
}
