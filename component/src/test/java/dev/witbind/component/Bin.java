package dev.witbind.component;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds component binaries byte by byte for tests of the reader's rules. */
public final class Bin {
    /** The preamble of a component: magic, version 0x0d, layer 1. */
    public static final byte[] PREAMBLE = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00};

    private Bin() {}

    public static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] u32(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return out.toByteArray();
    }

    public static byte[] name(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return concat(u32(utf8.length), utf8);
    }

    /** A section: id, size, content. */
    public static byte[] section(int id, byte[]... content) {
        byte[] body = concat(content);
        return concat(bytes(id), u32(body.length), body);
    }

    /** A vector section: id, size, count, items. */
    public static byte[] vecSection(int id, byte[]... items) {
        return section(id, concat(u32(items.length), concat(items)));
    }

    public static byte[] component(byte[]... sections) {
        return concat(PREAMBLE, concat(sections));
    }
}
