package dev.witbind.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.bindings.WitBindings;
import dev.witbind.wit.names.InterfaceName;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads what the processor generated into the real runtime: the bindings classes must implement
 * {@link WitBindings}, carry the names computed at compile time, and be found by {@link Linker#register} through
 * the service index.
 */
class GeneratedBindingsLoadTest {
    private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

    @TempDir
    static Path classes;

    private static URLClassLoader loader;

    @BeforeAll
    static void compileAndLoadGoldenHosts() throws IOException {
        Compilation compilation = Compilations.compile(Compilations.goldenHosts().toArray(new JavaFileObject[0]));
        assertThat(compilation).succeeded();
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            if (path.startsWith(CLASS_OUTPUT)) {
                Path target = classes.resolve(path.substring(CLASS_OUTPUT.length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.write(target, in.readAllBytes());
                }
            }
        }
        // The test's own loader is the parent, so that both sides share one copy of the runtime's classes.
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedBindingsLoadTest.class.getClassLoader());
    }

    @AfterAll
    static void closeLoader() throws IOException {
        loader.close();
    }

    @Test
    void bindingsCarryTheNamesComputedAtCompileTime() throws ReflectiveOperationException {
        Class<?> bindingsClass = loader.loadClass("com.example.GreeterHost_WitBindings");

        assertTrue(WitBindings.class.isAssignableFrom(bindingsClass));
        InterfaceName name = (InterfaceName) bindingsClass.getField("INTERFACE_NAME").get(null);
        assertEquals("example:greeter/host@0.2.1", name.toString());
        assertEquals(Optional.of("example:greeter/host@0.2"), name.compatibilityTrack());
        WitBindings<?> bindings = (WitBindings<?>) bindingsClass.getConstructor().newInstance();
        assertSame(loader.loadClass("com.example.GreeterHost"), bindings.implementationType());
        assertSame(name, bindings.interfaceName());
    }

    @Test
    void unversionedInterfaceHasNoTrack() throws ReflectiveOperationException {
        Class<?> bindingsClass = loader.loadClass("com.example.Plugins_Clock_WitBindings");

        WitBindings<?> bindings = (WitBindings<?>) bindingsClass.getConstructor().newInstance();
        assertEquals(Optional.empty(), bindings.interfaceName().compatibilityTrack());
        assertSame(loader.loadClass("com.example.Plugins$Clock"), bindings.implementationType());
    }

    @Test
    void linkerFindsTheBindingsThroughTheServiceIndexAndDefinesEveryFunction()
            throws ReflectiveOperationException {
        Object host = loader.loadClass("com.example.GreeterHost").getConstructor().newInstance();
        Linker linker = new Linker();

        linker.register(host);

        assertEquals(List.of("checksum", "greet", "log", "repeat", "shout"),
                linker.instance("example:greeter/host@0.2.1").names());
    }

    @Test
    void resourceBindingsDefineEveryResourceFunctionAndTheDrop() throws ReflectiveOperationException {
        Object host = loader.loadClass("com.example.kv.KvStore").getConstructor().newInstance();
        Linker linker = new Linker();

        linker.register(host);

        assertEquals(List.of("[constructor]bucket", "[method]bucket.entries", "[method]bucket.get",
                "[method]bucket.set", "[method]bucket.stats", "[resource-drop]bucket",
                "[static]bucket.open-read-only", "copy-all", "count-all", "merge"),
                linker.instance("example:kv/store@1.0.0").names());
    }
}
