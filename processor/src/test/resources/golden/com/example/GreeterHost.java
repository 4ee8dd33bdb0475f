package com.example;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a greeter plugin may call on its host. */
@WitInterface("example:greeter/host@0.2.1")
public final class GreeterHost {
    private final List<String> messages = new ArrayList<>();

    public void log(String message) {
        messages.add(message);
    }

    public String greet(String name) {
        return "Hello, " + name + "!";
    }

    @Unsigned
    public int checksum(byte[] data, @Unsigned long seed) {
        long sum = seed;
        for (byte b : data) {
            sum = sum * 31 + Byte.toUnsignedInt(b);
        }
        return (int) sum;
    }

    public String shout(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    public String repeat(@WitChar int codePoint, @Unsigned int count) {
        return Character.toString(codePoint).repeat(count);
    }

    /** Not a WIT function: not public. */
    List<String> messages() {
        return List.copyOf(messages);
    }

    /** Not a WIT function: it overrides an Object method and has no @WitFunction. */
    @Override
    public String toString() {
        return "GreeterHost" + messages;
    }
}
