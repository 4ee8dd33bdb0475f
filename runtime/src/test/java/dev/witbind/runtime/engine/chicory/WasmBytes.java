package dev.witbind.runtime.engine.chicory;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;

/** Core modules written out byte by byte, for tests that need a module no toolchain makes (or none at all). */
public final class WasmBytes {
    /** {@code \0asm}, version 1. */
    public static final byte[] PREAMBLE = bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
    public static final int I32 = 0x7f;
    public static final int I64 = 0x7e;
    public static final int FUNCREF = 0x70;

    private WasmBytes() {}

    public static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A section: its id, its size, its contents. */
    public static byte[] section(int id, byte[]... contents) {
        byte[] content = concat(contents);
        return concat(bytes(id), uleb(content.length), content);
    }

    /** A name: its UTF-8 length, its bytes. */
    public static byte[] name(String name) {
        byte[] utf8 = name.getBytes(UTF_8);
        return concat(uleb(utf8.length), utf8);
    }

    /** An export entry; {@code kind} is 0 func, 1 table, 2 memory, 3 global. */
    public static byte[] export(String name, int kind, int index) {
        return concat(name(name), bytes(kind), uleb(index));
    }

    /** An import entry: module, name, then the import description (kind and type) as given. */
    public static byte[] importEntry(String module, String name, byte[] description) {
        return concat(name(module), name(name), description);
    }

    /** A function body without locals. */
    public static byte[] body(int... code) {
        byte[] instructions = concat(bytes(0), bytes(code), bytes(0x0b));
        return concat(uleb(instructions.length), instructions);
    }

    public static byte[] uleb(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = value & 0x7f;
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return out.toByteArray();
    }

    public static byte[] sleb(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int b = value & 0x7f;
            value >>= 7;
            if ((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0)) {
                out.write(b);
                return out.toByteArray();
            }
            out.write(b | 0x80);
        }
    }
}
