package dev.witbind.samples.greeter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What every greeter host does, so that the hosts (0.2.0 and 0.2.1 from Java, 0.2.1 from WIT) differ only in which
 * functions they offer and how they are written.
 */
public final class Greetings {
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** A guest asking for more repetitions than this is refused rather than allowed to exhaust host memory. */
    static final int MAX_REPEAT = 1024;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    public void log(String message) {
        log.add(message);
    }

    /** Every message guests logged, oldest first. */
    public List<String> messages() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public static String greet(String name) {
        return "Hello, " + name + "!";
    }

    /** FNV-1a over {@code data}, its offset basis mixed with {@code seed}: 64 bits in and out. */
    public static long checksum(byte[] data, long seed) {
        long hash = FNV_OFFSET_BASIS ^ seed;
        for (byte b : data) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    public static String shout(String text) {
        return text.toUpperCase(Locale.ROOT) + "!";
    }

    public static String repeat(int codePoint, int times) {
        if (Integer.compareUnsigned(times, MAX_REPEAT) > 0) {
            throw new IllegalArgumentException("repeat: at most " + MAX_REPEAT + " repetitions, not "
                    + Integer.toUnsignedString(times));
        }
        return Character.toString(codePoint).repeat(times);
    }
}
