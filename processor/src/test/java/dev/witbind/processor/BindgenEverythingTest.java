package dev.witbind.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @WitBindgen} on {@code wit/bindgen-everything/everything.wit}, a world with every construct: resources used
 * by other interfaces, handles in records, variants, tuples and lists, an exported interface, the world's own
 * functions, types and resources, inline interfaces, keywords, acronyms, {@code list<s8>} and two types with one WIT
 * name. Every generated source is compared with its golden file in {@code golden/com/example/everything/}, and the
 * set of generated files with the set of golden files.
 */
class BindgenEverythingTest {
    private static final String PACKAGE = "com.example.everything";
    private static Compilation compilation;

    @BeforeAll
    static void generate() {
        Path wit = Compilations.testResources().resolve("wit/bindgen-everything").toAbsolutePath();
        JavaFileObject packageInfo = JavaFileObjects.forSourceString(PACKAGE + ".package-info",
                "@dev.witbind.annotations.WitBindgen(world = \"example:everything/everything@1.0.0\", wit = \""
                        + wit.toString().replace("\\", "\\\\") + "\")\npackage " + PACKAGE + ";\n");
        compilation = Compilations.compile(packageInfo);
    }

    @Test
    void compilesWithoutWarnings() {
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void everyGeneratedSourceMatchesItsGolden() throws IOException {
        TreeSet<String> generated = new TreeSet<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            String name = Path.of(file.toUri().getPath()).getFileName().toString();
            generated.add(name);
            GoldenFilesTest.checkGolden("com/example/everything/" + name, Compilations.content(file));
        }
        Path golden = Compilations.goldenDirectory().resolve("com/example/everything");
        try (Stream<Path> files = Files.list(golden)) {
            assertEquals(new TreeSet<>(files.map(p -> p.getFileName().toString()).toList()), generated,
                    "the generated files and the golden files differ; a golden file of a class no longer generated "
                            + "must be deleted");
        }
    }

    @Test
    void namesTheClassesAsTheReadmeSays() {
        List<String> expected = List.of("ConsoleHost", "NamesHost", "StreamsHost", "EverythingHost", "SettingsHost",
                "EverythingGuest", "HandlerGuest", "InlineServiceGuest", "EverythingConsoleErrorCode",
                "EverythingNamesErrorCode", "EverythingNamesRecord", "EverythingNamesResult", "Tuple2OfOwnOutputStreamAndString");
        for (String name : expected) {
            assertThat(compilation).generatedSourceFile(PACKAGE + "." + name);
        }
    }
}
