package dev.witbind.wasi.host;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.Linker;
import dev.witbind.wasi.Wasi;
import dev.witbind.wasi.config.WasiConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed filesystem guests (C through wasi-libc and a preview-1 adapter) on this host: each case's scratch
 * tree is built here as its {@code .case} file says, and stdout, stderr and the exit status must be the goldens,
 * for both components (WASI 0.2.12 and 0.2.0) on both engines.
 */
class FilesystemGuestTest {
    @TempDir
    Path scratch;

    static Stream<Arguments> components() {
        List<Arguments> all = new ArrayList<>();
        for (String variant : List.of("", "-0.2.0")) {
            for (Engine engine : Engine.values()) {
                all.add(Arguments.of(variant, engine));
            }
        }
        return all.stream();
    }

    /** files.case: /data is an empty folder. */
    @ParameterizedTest(name = "files{0} on {1}")
    @MethodSource("components")
    void files(String variant, Engine engine) throws IOException {
        Path data = Files.createDirectories(scratch.resolve("data"));

        WasiConfig.Builder config = WasiConfig.builder().args(List.of("files")).preopen(data, "/data");

        assertRunGives("files", variant, "files", engine, config);
    }

    /** listing/cases/tree.case: nested and empty folders, a space, a non-ASCII name, and a link inside. */
    @ParameterizedTest(name = "listing{0} tree on {1}")
    @MethodSource("components")
    void listingTree(String variant, Engine engine) throws IOException {
        Files.createDirectories(scratch.resolve("tree/empty"));
        file("tree/b.txt", "bee");
        file("tree/a.txt", "a");
        file("tree/sub/deeper/leaf.txt", "the leaf file");
        file("tree/sub/with space.txt", "spaced");
        file("tree/sub/ünïcode.txt", "u");
        Files.createSymbolicLink(scratch.resolve("tree/link-to-a"), Path.of("a.txt"));

        WasiConfig.Builder config = WasiConfig.builder().args(List.of("listing", "/tree"))
                .preopen(scratch.resolve("tree"), "/tree");

        assertRunGives("listing", variant, "tree", engine, config);
    }

    /** escape/cases/links.case: links that stay inside open, the three that lead outside are not permitted. */
    @ParameterizedTest(name = "escape{0} links on {1}")
    @MethodSource("components")
    void escapeLinks(String variant, Engine engine) throws IOException {
        file("sandbox/inside.txt", "inside");
        file("outside.txt", "outside");
        Files.createDirectories(scratch.resolve("sandbox/sub"));
        Files.createSymbolicLink(scratch.resolve("sandbox/link-in"), Path.of("inside.txt"));
        Files.createSymbolicLink(scratch.resolve("sandbox/sub/link-up-in"), Path.of("../inside.txt"));
        Files.createSymbolicLink(scratch.resolve("sandbox/link-out"), Path.of("../outside.txt"));
        Files.createSymbolicLink(scratch.resolve("sandbox/link-abs"), scratch.resolve("outside.txt").toAbsolutePath());
        Files.createSymbolicLink(scratch.resolve("sandbox/dir-out"), Path.of(".."));

        WasiConfig.Builder config = WasiConfig.builder().preopen(scratch.resolve("sandbox"), "/sandbox")
                .args(List.of("escape", "/sandbox/link-in", "/sandbox/sub/link-up-in", "/sandbox/link-out",
                        "/sandbox/link-abs", "/sandbox/dir-out/outside.txt"));

        assertRunGives("escape", variant, "links", engine, config);
    }

    /** escape/cases/lexical.case: '..' above the preopen and paths outside every preopen. */
    @ParameterizedTest(name = "escape{0} lexical on {1}")
    @MethodSource("components")
    void escapeLexical(String variant, Engine engine) throws IOException {
        file("sandbox/inside.txt", "inside");
        file("sandbox/sub/nested.txt", "nested");
        file("outside.txt", "outside");

        WasiConfig.Builder config = WasiConfig.builder().preopen(scratch.resolve("sandbox"), "/sandbox")
                .args(List.of("escape", "/sandbox/inside.txt", "/sandbox/sub/../inside.txt",
                        "/sandbox/./sub/nested.txt", "/sandbox/../outside.txt", "/sandbox/sub/../../outside.txt",
                        "/sandbox/..", "/outside.txt", "/etc/passwd", "outside.txt"));

        assertRunGives("escape", variant, "lexical", engine, config);
    }

    /** A case's {@code file} directive: the text and a newline, with the folders above it. */
    private void file(String path, String text) throws IOException {
        Path file = scratch.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }

    private static void assertRunGives(String program, String variant, String caseName, Engine engine,
            WasiConfig.Builder config) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        GuestComponent component = GuestComponent.fromResource(FilesystemGuestTest.class.getClassLoader(),
                "guests/" + program + "/" + program + variant + ".wasm");
        GuestInstance instance = Wasi.register(new Linker()).instantiate(component, engine,
                config.stdout(stdout).stderr(stderr).build());

        int status = Wasi.run(instance);

        String golden = "guests/" + program + "/cases/" + caseName;
        assertAll(
                () -> assertEquals(resource(golden + ".stdout"), stdout.toString(StandardCharsets.UTF_8), "stdout"),
                () -> assertEquals(resource(golden + ".stderr"), stderr.toString(StandardCharsets.UTF_8), "stderr"),
                () -> assertEquals(resource(golden + ".status").strip(), Integer.toString(status), "status"));
    }

    private static String resource(String name) {
        try (InputStream in = FilesystemGuestTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
