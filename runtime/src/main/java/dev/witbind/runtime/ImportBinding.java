package dev.witbind.runtime;

import dev.witbind.runtime.chicory.ImportHandleFactory;
import dev.witbind.wit.types.WitFunctionType;
import java.util.Optional;

/**
 * How one guest import was resolved.
 *
 * @param guestImport the import as the guest declares it
 * @param instanceName the linker instance it resolved to, e.g. {@code example:greeter/host@0.2.1}
 * @param track the compatibility track used, when it did not resolve exactly
 * @param type the host function's WIT type
 * @param handles makes the host function's handle for the guest instance
 */
public record ImportBinding(GuestImport guestImport, String instanceName, Optional<String> track, WitFunctionType type,
        ImportHandleFactory handles) {

    /** One line for logs: {@code example:greeter/host@0.2.0#greet -> example:greeter/host@0.2.1 via track ...}. */
    public String describe() {
        return guestImport.qualifiedName() + " -> " + instanceName + "#" + guestImport.field()
                + track.map(t -> " (via track " + t + ")").orElse(" (exact)");
    }
}
