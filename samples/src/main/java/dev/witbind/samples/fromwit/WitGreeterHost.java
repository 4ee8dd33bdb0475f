package dev.witbind.samples.fromwit;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitInterface;
import dev.witbind.samples.greeter.Greetings;
import java.util.List;

/**
 * {@code example:greeter/host@0.2.1} written from WIT: the methods are those of the generated {@link Host}, with
 * its {@code @Unsigned} and {@code @WitChar} markers copied (Java does not inherit them, and they make the WIT this
 * class declares the interface's even without the WIT); the processor binds this class like any other host and
 * checks it against the same WIT.
 */
@WitInterface("example:greeter/host@0.2.1")
public final class WitGreeterHost implements Host {
    private final Greetings greetings = new Greetings();

    @Override
    public void log(String message) {
        greetings.log(message);
    }

    @Override
    public String greet(String name) {
        return Greetings.greet(name);
    }

    @Override
    public @Unsigned long checksum(byte[] data, @Unsigned long seed) {
        return Greetings.checksum(data, seed);
    }

    @Override
    public String shout(String text) {
        return Greetings.shout(text);
    }

    @Override
    public String repeat(@WitChar int c, @Unsigned int times) {
        return Greetings.repeat(c, times);
    }

    /** Every message guests logged, oldest first (package-private: public methods are WIT functions). */
    List<String> messages() {
        return greetings.messages();
    }
}
