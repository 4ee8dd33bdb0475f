package dev.witbind.samples.greeter;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitInterface;
import java.util.List;

/**
 * A host that still provides {@code example:greeter/host@0.2.0}: it lacks {@code shout} and {@code repeat}. Guests
 * built against 0.2.1 that use only 0.2.0's functions link to it; guests that use the new ones are refused.
 */
@WitInterface("example:greeter/host@0.2.0")
public final class LegacyGreeterHost {
    private final Greetings greetings = new Greetings();

    public void log(String message) {
        greetings.log(message);
    }

    public String greet(String name) {
        return Greetings.greet(name);
    }

    public @Unsigned long checksum(byte[] data, @Unsigned long seed) {
        return Greetings.checksum(data, seed);
    }

    /** Every message guests logged, oldest first (package-private: public methods are WIT functions). */
    List<String> messages() {
        return greetings.messages();
    }
}
