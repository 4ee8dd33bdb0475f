package dev.witbind.samples.fromwit;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitInterface;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@code example:greeter/host@0.2.1} written from WIT: the methods are those of the generated {@link Host}, with
 * its {@code @Unsigned} and {@code @WitChar} markers copied (Java does not inherit them, and they make the WIT this
 * class declares the interface's even without the WIT); the processor binds this class like any other host and
 * checks it against the same WIT.
 */
@WitInterface("example:greeter/host@0.2.1")
public final class WitGreeterHost implements Host {
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** A guest asking for more repetitions than this is refused rather than allowed to exhaust host memory. */
    private static final int MAX_REPEAT = 1024;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void log(String message) {
        log.add(message);
    }

    @Override
    public String greet(String name) {
        return "Hello, " + name + "!";
    }

    /** FNV-1a over {@code data}, its offset basis mixed with {@code seed}: 64 bits in and out. */
    @Override
    public @Unsigned long checksum(byte[] data, @Unsigned long seed) {
        long hash = FNV_OFFSET_BASIS ^ seed;
        for (byte b : data) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    @Override
    public String shout(String text) {
        return text.toUpperCase(Locale.ROOT) + "!";
    }

    @Override
    public String repeat(@WitChar int c, @Unsigned int times) {
        if (Integer.compareUnsigned(times, MAX_REPEAT) > 0) {
            throw new IllegalArgumentException("repeat: at most " + MAX_REPEAT + " repetitions, not "
                    + Integer.toUnsignedString(times));
        }
        return Character.toString(c).repeat(times);
    }

    /** Every message guests logged, oldest first (package-private: public methods are WIT functions). */
    List<String> messages() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }
}
