package dev.witbind.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A hand-assembled core module that imports functions of type {@code () -> ()} and does nothing else: the smallest
 * guest that exercises the linker's name resolution without memory, {@code cabi_realloc} or a toolchain.
 */
final class ImportOnlyModule {
    private ImportOnlyModule() {}

    /**
     * A guest importing each {@code {module, field}} pair as a function {@code () -> ()}.
     */
    static GuestModule importing(String guestName, String[]... imports) {
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        unsigned(types, 1); // one type
        types.write(0x60); // func
        unsigned(types, 0); // no params
        unsigned(types, 0); // no results

        ByteArrayOutputStream importSection = new ByteArrayOutputStream();
        unsigned(importSection, imports.length);
        for (String[] entry : imports) {
            name(importSection, entry[0]);
            name(importSection, entry[1]);
            importSection.write(0x00); // a function
            unsigned(importSection, 0); // of type 0
        }

        ByteArrayOutputStream module = new ByteArrayOutputStream();
        module.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
        section(module, 1, types);
        section(module, 2, importSection);
        return GuestModule.parse(guestName, module.toByteArray());
    }

    private static void section(ByteArrayOutputStream out, int id, ByteArrayOutputStream contents) {
        out.write(id);
        unsigned(out, contents.size());
        out.writeBytes(contents.toByteArray());
    }

    private static void name(ByteArrayOutputStream out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        unsigned(out, bytes.length);
        out.writeBytes(bytes);
    }

    /** Unsigned LEB128. */
    private static void unsigned(ByteArrayOutputStream out, int value) {
        int remaining = value;
        do {
            int low = remaining & 0x7f;
            remaining >>>= 7;
            out.write(remaining == 0 ? low : low | 0x80);
        } while (remaining != 0);
    }
}
