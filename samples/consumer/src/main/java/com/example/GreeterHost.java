package com.example;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitInterface;
import java.util.Locale;

@WitInterface("example:greeter/host@0.2.1")
public final class GreeterHost {
    public void log(String message) {
        System.out.println("guest log: " + message);
    }

    public String greet(String name) {
        return "Hello, " + name + "!";
    }

    public @Unsigned long checksum(byte[] data, @Unsigned long seed) {
        long hash = 0xcbf29ce484222325L ^ seed;   // FNV-1a
        for (byte b : data) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return hash;
    }

    public String shout(String text) {                              // new in 0.2.1
        return text.toUpperCase(Locale.ROOT) + "!";
    }

    public String repeat(@WitChar int c, @Unsigned int times) {     // new in 0.2.1; a WIT char is a code point
        if (Integer.compareUnsigned(times, 1024) > 0) {                 // a guest must not make us build 4 G chars
            throw new IllegalArgumentException("repeat: at most 1024 times");
        }
        return Character.toString(c).repeat(times);
    }
}
