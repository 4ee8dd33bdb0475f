package dev.witbind.processor;

import static dev.witbind.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.generation.ServiceIndex;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs javac into real output directories, as a build does, to see what a compilation with errors leaves behind and
 * how a second, incremental compilation treats the service index of the first. (compile-testing keeps its output in
 * memory and hides it when the compilation fails.)
 */
class OutputDirectoriesTest {
    @TempDir
    Path output;

    @Test
    void validClassStillGetsBindingsWhenAnotherClassIsBroken() throws IOException {
        JavaFileObject broken = source("Broken", """
                @WitInterface("example:broken/host@0.2.1")
                public class Broken {
                    public void type(char key) {}
                }
                """);
        JavaFileObject valid = source("Valid", """
                @WitInterface("example:valid/host@0.2.1")
                public class Valid {
                    public void log(String message) {}
                }
                """);

        List<Diagnostic<? extends JavaFileObject>> errors = compile(broken, valid);

        assertEquals(1, errors.size(), errors::toString);
        Diagnostic<? extends JavaFileObject> error = errors.get(0);
        assertEquals(Messages.unsupportedParameterType("key", "type", "char", Messages.useWitCharInt()),
                error.getMessage(Locale.ROOT));
        assertEquals(broken.toUri(), error.getSource().toUri());
        assertEquals(lineContaining(broken, "char key"), error.getLineNumber());
        assertTrue(Files.exists(generatedSources().resolve("com/example/Valid_WitBindings.java")));
        assertFalse(Files.exists(generatedSources().resolve("com/example/Broken_WitBindings.java")));
        assertEquals("com.example.Valid_WitBindings\n", serviceIndex());
    }

    @Test
    void incrementalCompilationKeepsTheBindingsOfClassesItDoesNotRecompile() throws IOException {
        JavaFileObject first = source("First", """
                @WitInterface("example:first/host@1.0.0")
                public class First {
                    public void log(String message) {}
                }
                """);
        JavaFileObject second = source("Second", """
                @WitInterface("example:second/host@1.0.0")
                public class Second {
                    public void log(String message) {}
                }
                """);

        assertEquals(List.of(), compile(second));
        // The second build compiles only the class that changed, as incremental builds do.
        assertEquals(List.of(), compile(first));

        assertEquals("com.example.First_WitBindings\ncom.example.Second_WitBindings\n", serviceIndex());
    }

    @Test
    void compilationWithoutAnnotatedClassesLeavesTheIndexAlone() throws IOException {
        JavaFileObject host = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void log(String message) {}
                }
                """);
        JavaFileObject plain = source("Plain", """
                public class Plain {}
                """);

        assertEquals(List.of(), compile(host));
        assertEquals(List.of(), compile(plain));

        assertEquals("com.example.Host_WitBindings\n", serviceIndex());
    }

    /** Compiles into {@link #output} with the earlier class output on the class path; returns the errors. */
    private List<Diagnostic<? extends JavaFileObject>> compile(JavaFileObject... sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(classes());
        Files.createDirectories(generatedSources());
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<Path> classPath = new ArrayList<>();
            Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                    .forEach(classPath::add);
            classPath.add(classes());
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes()));
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generatedSources()));
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-Xlint:all,-processing"), null, List.of(sources));
            task.setProcessors(List.of(new WitInterfaceProcessor()));
            task.call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .toList();
    }

    private Path classes() {
        return output.resolve("classes");
    }

    private Path generatedSources() {
        return output.resolve("generated-sources");
    }

    private String serviceIndex() throws IOException {
        return Files.readString(classes().resolve(ServiceIndex.PATH), StandardCharsets.UTF_8);
    }

    private static long lineContaining(JavaFileObject source, String text) {
        List<String> lines = Compilations.content(source).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + source.getName());
    }
}
