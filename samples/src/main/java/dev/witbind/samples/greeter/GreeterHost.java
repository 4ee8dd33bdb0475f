package dev.witbind.samples.greeter;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitInterface;
import java.util.List;

/**
 * The host side of {@code example:greeter/host@0.2.1}. The witbind processor generates
 * {@code GreeterHost_WitBindings} from this class; {@code linker.register(new GreeterHost())} then serves every guest
 * built against {@code example:greeter/host@0.2.x}.
 */
@WitInterface("example:greeter/host@0.2.1")
public final class GreeterHost {
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

    /** New in 0.2.1. */
    public String shout(String text) {
        return Greetings.shout(text);
    }

    /** New in 0.2.1: a WIT {@code char} is a Java {@code int} code point. */
    public String repeat(@WitChar int c, @Unsigned int times) {
        return Greetings.repeat(c, times);
    }

    /** Every message guests logged, oldest first (package-private: public methods are WIT functions). */
    List<String> messages() {
        return greetings.messages();
    }
}
