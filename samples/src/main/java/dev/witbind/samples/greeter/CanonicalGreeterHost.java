package dev.witbind.samples.greeter;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitInterface;
import java.util.List;

/**
 * A host registered under the canonical interface name {@code example:greeter/host@0.2}: it stands for every 0.2.x
 * without saying which (the processor checks it against the highest 0.2.x in the WIT, 0.2.1). Guests importing any
 * {@code @0.2.x} link to it through the canonical name, unless the linker also has a versioned 0.2.x, which outranks
 * it. Its log marks the messages as its own, so tests can tell it from {@link GreeterHost}.
 */
@WitInterface("example:greeter/host@0.2")
public final class CanonicalGreeterHost {
    private final Greetings greetings = new Greetings();

    public void log(String message) {
        greetings.log("canonical host: " + message);
    }

    public String greet(String name) {
        return Greetings.greet(name);
    }

    public @Unsigned long checksum(byte[] data, @Unsigned long seed) {
        return Greetings.checksum(data, seed);
    }

    public String shout(String text) {
        return Greetings.shout(text);
    }

    public String repeat(@WitChar int c, @Unsigned int times) {
        return Greetings.repeat(c, times);
    }

    /** Every message guests logged, oldest first (package-private: public methods are WIT functions). */
    List<String> messages() {
        return greetings.messages();
    }
}
