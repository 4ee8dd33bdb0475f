package dev.witbind.samples.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.ImportBinding;
import dev.witbind.runtime.LinkReport;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.wit.names.Resolution;
import dev.witbind.wit.names.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Components with canonical import names, both ways, on both engines. jco 1.35.0's wit-component does not emit
 * canonical component names (it accepts {@code cm32p2|...@0.2} core imports, but names the component's import by
 * the WIT's full version), so the canonical component is the committed {@code greeter-0.2.1.wasm} with its one
 * import renamed in the bytes: {@code example:greeter/host@0.2.1} becomes {@code example:greeter/host@0.2} with the
 * {@code versionsuffix} attribute {@code .6} (the form is read as the component module's NameAttributesTest shows
 * on hand-written bytes). The other direction needs no patching: the committed versioned components against a host
 * registered under the canonical name.
 */
class CanonicalComponentTest {
    private static final String NAME = "Wörld";

    private static byte[] fixture(String file) {
        try (InputStream in = CanonicalComponentTest.class.getClassLoader()
                .getResourceAsStream("guests/components/greeter/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code bytes} with the top-level import {@code 0x00 len from} rewritten to {@code 0x02 len to vec(0x01 suffix)},
     * and its section's size re-encoded.
     */
    static byte[] renameImport(byte[] bytes, String from, String to, String suffix) {
        byte[] oldName = nameBytes(0x00, from, new byte[] {});
        byte[] attributes = concat(new byte[] {1, 0x01}, nameBytes(-1, suffix, new byte[] {}));
        byte[] newName = nameBytes(0x02, to, attributes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, 8);
        int at = 8;
        boolean renamed = false;
        while (at < bytes.length) {
            int id = bytes[at++];
            long[] size = leb(bytes, at);
            at = (int) size[1];
            byte[] content = Arrays.copyOfRange(bytes, at, at + (int) size[0]);
            at += (int) size[0];
            int found = id == 10 ? indexOf(content, oldName) : -1;
            if (found >= 0 && !renamed) {
                content = concat(Arrays.copyOfRange(content, 0, found), newName,
                        Arrays.copyOfRange(content, found + oldName.length, content.length));
                renamed = true;
            }
            out.write(id);
            out.writeBytes(u32(content.length));
            out.writeBytes(content);
        }
        assertTrue(renamed, "no import '" + from + "'");
        return out.toByteArray();
    }

    private static byte[] nameBytes(int form, String text, byte[] after) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] head = form < 0 ? new byte[0] : new byte[] {(byte) form};
        return concat(head, u32(utf8.length), utf8, after);
    }

    private static long[] leb(byte[] bytes, int at) {
        long value = 0;
        int shift = 0;
        while (true) {
            int b = bytes[at++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                return new long[] {value, at};
            }
        }
    }

    private static byte[] u32(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value == 0 ? b : b | 0x80);
        } while (value != 0);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static GuestComponent canonicalGreeter() {
        return GuestComponent.parse("greeter-canonical.wasm", renameImport(fixture("greeter-0.2.1.wasm"),
                "example:greeter/host@0.2.1", "example:greeter/host@0.2", ".6"));
    }

    private static String run(GuestInstance guest) {
        return (String) guest.function("run", GreeterGuests.RUN).call(NAME);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aComponentImportingACanonicalNameRunsOnTheHighestVersionOfItsTrack(Engine engine) {
        GreeterHost host = new GreeterHost();
        Linker linker = new Linker().register(new LegacyGreeterHost()).register(host);
        GuestComponent component = canonicalGreeter();
        assertEquals(Optional.of(".6"), component.imports().get(0).versionSuffix());

        LinkReport report = linker.check(component);
        assertEquals("guest 'greeter-canonical.wasm': 5 of 5 imports resolve\n"
                + "  example:greeter/host@0.2#log (0.2.6) -> example:greeter/host@0.2.1#log (canonical name)\n"
                + "  example:greeter/host@0.2#greet (0.2.6) -> example:greeter/host@0.2.1#greet (canonical name)\n"
                + "  example:greeter/host@0.2#checksum (0.2.6) -> example:greeter/host@0.2.1#checksum (canonical name)\n"
                + "  example:greeter/host@0.2#shout (0.2.6) -> example:greeter/host@0.2.1#shout (canonical name)\n"
                + "  example:greeter/host@0.2#repeat (0.2.6) -> example:greeter/host@0.2.1#repeat (canonical name)",
                report.describe());
        GuestInstance guest = linker.instantiate(component, engine);
        for (ImportBinding binding : guest.linkPlan().bindings()) {
            assertEquals(Resolution.CANONICAL_NAME, binding.resolution());
            assertEquals(Optional.of(Version.parse("0.2.6")), binding.guestVersion());
        }
        String result = run(guest);
        assertTrue(result.startsWith("Hello, Wörld! WÖRLD! "), result);
        assertEquals(List.of("greeter 0.2.1 run: Wörld"), host.messages()); // the C code says what it was built as
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCanonicalComponentImportWithNothingOnItsTrackIsAClearLinkError(Engine engine) {
        Linker linker = new Linker();
        linker.instance("example:greeter/host@0.3.0");
        WitLinkException e = assertThrows(WitLinkException.class, () -> linker.instantiate(canonicalGreeter(), engine));
        assertTrue(e.getMessage().startsWith("cannot link guest 'greeter-canonical.wasm': 5 of 5 imports are "
                + "unresolved\n  - example:greeter/host@0.2 log, greet, checksum, shout, repeat: no instance "
                + "'example:greeter/host@0.2', and nothing on the track this canonical name stands for (no 0.2.x "
                + "version); the linker has example:greeter/host@0.3.0"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void versionedComponentsRunOnAHostRegisteredUnderTheCanonicalName(Engine engine) {
        CanonicalGreeterHost host = new CanonicalGreeterHost();
        Linker linker = new Linker().register(host);
        GuestInstance guest = linker.instantiate(GuestComponent.parse("greeter-0.2.9.wasm",
                fixture("greeter-0.2.9.wasm")), engine);
        assertEquals("example:greeter/host@0.2.9#log -> example:greeter/host@0.2#log (canonical name)",
                guest.linkPlan().bindings().get(0).describe());
        String result = run(guest);
        assertTrue(result.startsWith("Hello, Wörld! #"), result);
        assertEquals(List.of("canonical host: greeter 0.2.9 run: Wörld"), host.messages());

        GuestInstance canonical = new Linker().register(new CanonicalGreeterHost())
                .instantiate(canonicalGreeter(), engine);
        assertEquals("example:greeter/host@0.2#log (0.2.6) -> example:greeter/host@0.2#log (exact)",
                canonical.linkPlan().bindings().get(0).describe());
        String canonicalResult = run(canonical);
        assertTrue(canonicalResult.startsWith("Hello, Wörld! WÖRLD! "), canonicalResult);
    }
}
