package com.example;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitInterface;
import java.util.Locale;

/**
 * The README's first example ("A first example"), with its elided bodies written out. The witbind processor, on this
 * project's annotationProcessorPaths, generates {@code GreeterHost_WitBindings} from it at compile time; without
 * them {@code linker.register} in {@link Main} throws.
 */
@WitInterface("example:greeter/host@0.2.1")
public final class GreeterHost {
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int MAX_REPEAT = 1024;

    public void log(String message) {
        System.out.println("guest log: " + message);
    }

    public String greet(String name) {
        return "Hello, " + name + "!";
    }

    /** FNV-1a over {@code data}, its offset basis mixed with {@code seed}: the same as witbind's greeter sample. */
    public @Unsigned long checksum(byte[] data, @Unsigned long seed) {
        long hash = FNV_OFFSET_BASIS ^ seed;
        for (byte b : data) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    // new in 0.2.1
    public String shout(String text) {
        return text.toUpperCase(Locale.ROOT) + "!";
    }

    // new in 0.2.1: a WIT char is a Java int code point, a u32 an int read as unsigned
    public String repeat(@WitChar int c, @Unsigned int times) {
        // Bounded, so that a guest cannot make the host build a string of 4 billion characters.
        if (Integer.compareUnsigned(times, MAX_REPEAT) > 0) {
            throw new IllegalArgumentException("repeat: at most " + MAX_REPEAT + " times, not "
                    + Integer.toUnsignedString(times));
        }
        return Character.toString(c).repeat(times);
    }
}
