package dev.witbind.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.witbind.processor.generation.ServiceIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles the hosts in {@code src/test/resources/golden} and compares the generated sources and the service index
 * with the golden files committed beside them, character for character.
 *
 * <p>After an intended change to the generated code, rewrite the golden files with
 * {@code mvn -o -pl processor verify -Dwitbind.updateGoldens=true} and review their diff like any code change:
 * the goldens are how a reviewer sees what users will get.
 */
class GoldenFilesTest {
    private static final boolean UPDATE = Boolean.getBoolean("witbind.updateGoldens");
    private static final List<String> BINDINGS = List.of(
            "com.example.GreeterHost_WitBindings",
            "com.example.Plugins_Clock_WitBindings",
            "com.example.ScalarHost_WitBindings",
            "com.example.TypeZoo_WitBindings",
            "com.example.kv.KvStore_WitBindings");

    private static Compilation compilation;

    @BeforeAll
    static void compileGoldenHosts() {
        compilation = Compilations.compile(Compilations.goldenHosts().toArray(new JavaFileObject[0]));
        // The generated code must compile as cleanly as hand-written code: no lint warning at all.
        assertThat(compilation).succeededWithoutWarnings();
    }

    static List<String> bindings() {
        return BINDINGS;
    }

    @ParameterizedTest
    @MethodSource("bindings")
    void generatedSourceMatchesGolden(String bindings) throws IOException {
        String generated = Compilations.content(compilation.generatedSourceFile(bindings).orElseThrow());
        checkGolden(bindings.replace('.', '/') + ".java", generated);
    }

    @Test
    void serviceIndexListsEveryBindingsClassSorted() throws IOException {
        String index = Compilations.content(
                compilation.generatedFile(StandardLocation.CLASS_OUTPUT, ServiceIndex.PATH).orElseThrow());
        assertEquals(String.join("\n", BINDINGS) + "\n", index);
        checkGolden(ServiceIndex.PATH, index);
    }

    static void checkGolden(String relativePath, String actual) throws IOException {
        Path golden = Compilations.goldenDirectory().resolve(relativePath);
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
            return;
        }
        assertTrue(Files.exists(golden),
                () -> golden + " is missing: run the build with -Dwitbind.updateGoldens=true to create it");
        assertEquals(Files.readString(golden), actual,
                () -> relativePath + " differs from its golden file; if the change is intended, run the build with "
                        + "-Dwitbind.updateGoldens=true and review the diff");
    }
}
