package dev.witbind.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.witbind.wit.parser.JcoWit;
import dev.witbind.wit.parser.NeedsWasiWit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @WitBindgen} on the real WASI 0.2.12 worlds ({@code wasi:cli/command}, {@code wasi:cli/imports},
 * {@code wasi:http/proxy}) that jco ships, fetched as the wit module's tests fetch them: the WASI host is written
 * against this Java, so it must generate, and compile without a warning.
 */
@NeedsWasiWit
class WasiBindgenTest {
    private static final List<String> PACKAGES = List.of("wasi-cli", "wasi-clocks", "wasi-filesystem", "wasi-http",
            "wasi-io", "wasi-random", "wasi-sockets");
    private static Path layout;

    /** Each root package in its own folder with the other packages in deps/, the convention's layout. */
    @BeforeAll
    static void layOut() throws IOException {
        Path builtin = JcoWit.builtin().resolve("0.2.12");
        layout = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target/wasi-wit");
        for (String root : List.of("wasi-cli", "wasi-http")) {
            Path dir = layout.resolve(root);
            copy(builtin.resolve(root), dir);
            for (String dependency : PACKAGES) {
                if (!dependency.equals(root)) {
                    copy(builtin.resolve(dependency), dir.resolve("deps").resolve(dependency));
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".wit")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Compilation bindgen(String world, String root) {
        JavaFileObject packageInfo = JavaFileObjects.forSourceString("com.example.wasi.package-info",
                "@dev.witbind.annotations.WitBindgen(world = \"" + world + "\", wit = \""
                        + layout.resolve(root).toString().replace("\\", "\\\\") + "\")\npackage com.example.wasi;\n");
        return Compilations.compile(packageInfo);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"wasi:cli/command@0.2.12, wasi-cli", "wasi:cli/imports@0.2.12, wasi-cli",
        "wasi:http/proxy@0.2.12, wasi-http"})
    void generatesJavaThatCompilesWithoutWarnings(String world, String root) {
        assertThat(bindgen(world, root)).succeededWithoutWarnings();
    }

    @Test
    void wasiCliUsesTheStreamsOfWasiIo() {
        Compilation compilation = bindgen("wasi:cli/command@0.2.12", "wasi-cli");
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.wasi.StdoutHost").contentsAsUtf8String()
                .contains("OUTPUT_STREAM extends StreamsHost.OutputStream<POLLABLE, INPUT_STREAM>> {");
        assertThat(compilation).generatedSourceFile("com.example.wasi.StdoutHost").contentsAsUtf8String()
                .contains("OUTPUT_STREAM getStdout();");
        // wasi:cli/run is exported: the host calls it through its proxy.
        assertThat(compilation).generatedSourceFile("com.example.wasi.RunGuest").contentsAsUtf8String()
                .contains("instance.function(\"wasi:cli/run@0.2.12#run\", RUN)");
        // wasi:filesystem and wasi:sockets both have an error-code: each is named after its interface.
        assertThat(compilation).generatedSourceFile("com.example.wasi.FilesystemTypesErrorCode");
        assertThat(compilation).generatedSourceFile("com.example.wasi.SocketsNetworkErrorCode");
        // A stream error holds an owned error resource: the record has the resource's nested interface.
        assertThat(compilation).generatedSourceFile("com.example.wasi.StreamError").contentsAsUtf8String()
                .contains("record LastOperationFailed(ErrorHost.Error value) implements StreamError {");
    }

    @Test
    void wasiHttpProxyHandsHostResourcesToTheGuest() {
        Compilation compilation = bindgen("wasi:http/proxy@0.2.12", "wasi-http");
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.wasi.IncomingHandlerGuest").contentsAsUtf8String()
                .contains("public void handle(TypesHost.IncomingRequest<?, ?, ?, ?> request,");
        // Acronym cases (HTTP, DNS-timeout) and keyword parameters (this) have Java names.
        assertThat(compilation).generatedSourceFile("com.example.wasi.Scheme").contentsAsUtf8String()
                .contains("record Https() implements Scheme {");
        assertThat(compilation).generatedSourceFile("com.example.wasi.TypesHost").contentsAsUtf8String()
                .contains("finish(INCOMING_BODY this_);");
    }
}
