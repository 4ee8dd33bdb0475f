package dev.witbind.runtime;

import dev.witbind.runtime.LinkerInstance.FunctionDefinition;
import dev.witbind.runtime.engine.CoreImport;
import dev.witbind.wit.names.Resolution;
import dev.witbind.wit.names.Version;
import dev.witbind.wit.types.WitFunctionType;
import java.util.Optional;

/** How one guest import was resolved: a line of a {@link LinkPlan}. */
public final class ImportBinding {
    private final CoreImport guestImport;
    private final String instanceName;
    private final Optional<String> track;
    private final Resolution resolution;
    private final Optional<Version> guestVersion;
    private final FunctionDefinition<?> definition;

    /**
     * @param guestVersion the full version a canonically named import was built against, when the guest says (a
     *     component's {@code versionsuffix}); empty otherwise
     */
    ImportBinding(CoreImport guestImport, String instanceName, Optional<String> track, Resolution resolution,
            Optional<Version> guestVersion, FunctionDefinition<?> definition) {
        this.guestImport = guestImport;
        this.instanceName = instanceName;
        this.track = track;
        this.resolution = resolution;
        this.guestVersion = guestVersion;
        this.definition = definition;
    }

    /** The import as the guest declares it. */
    public CoreImport guestImport() {
        return guestImport;
    }

    /** The linker instance it resolved to, e.g. {@code example:greeter/host@0.2.1}. */
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

    /** Which rule resolved it: the exact name, the track, or a canonical interface name. */
    public Resolution resolution() {
        return resolution;
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
        String how = switch (resolution) {
            case EXACT -> " (exact)";
            case TRACK -> " (via track " + track.orElseThrow() + ")";
            case CANONICAL_NAME -> " (canonical name)";
        };
        return guestImport.qualifiedName() + guestVersion.map(v -> " (" + v + ")").orElse("") + " -> " + instanceName
                + "#" + guestImport.field() + how;
    }

    @Override
    public String toString() {
        return describe();
    }
}
