package dev.witbind.runtime;

import dev.witbind.runtime.LinkerInstance.FunctionDefinition;
import dev.witbind.runtime.engine.CoreImport;
import dev.witbind.wit.types.WitFunctionType;
import java.util.Optional;

/** How one guest import was resolved: a line of a {@link LinkPlan}. */
public final class ImportBinding {
    private final CoreImport guestImport;
    private final String instanceName;
    private final Optional<String> track;
    private final FunctionDefinition<?> definition;

    ImportBinding(CoreImport guestImport, String instanceName, Optional<String> track,
            FunctionDefinition<?> definition) {
        this.guestImport = guestImport;
        this.instanceName = instanceName;
        this.track = track;
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

    /** The compatibility track it was resolved through; empty when it resolved exactly. */
    public Optional<String> track() {
        return track;
    }

    /** The host function's WIT type. */
    public WitFunctionType type() {
        return definition.type();
    }

    FunctionDefinition<?> definition() {
        return definition;
    }

    /** One line for logs: {@code example:greeter/host@0.2.0#greet -> example:greeter/host@0.2.1#greet (via ...)}. */
    public String describe() {
        return guestImport.qualifiedName() + " -> " + instanceName + "#" + guestImport.field()
                + track.map(t -> " (via track " + t + ")").orElse(" (exact)");
    }

    @Override
    public String toString() {
        return describe();
    }
}
