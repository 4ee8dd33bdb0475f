package dev.witbind.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, as a build would, with every lint warning on. */
final class Compilations {
    /** The annotations every test source may use; javac does not warn about unused imports. */
    private static final String HEADER = """
            package com.example;

            import dev.witbind.annotations.Unsigned;
            import dev.witbind.annotations.WitChar;
            import dev.witbind.annotations.WitFunction;
            import dev.witbind.annotations.WitInterface;
            import dev.witbind.annotations.WitTuple;
            import java.io.IOException;
            import java.util.List;

            """;

    private Compilations() {}

    /** Compiles with the processor; -Xlint:all makes warnings in generated code visible to the tests. */
    static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    /** Compiles with the processor and further options, such as {@code -Awitbind.wit=...}. */
    static Compilation compile(List<String> options, JavaFileObject... sources) {
        List<String> all = new ArrayList<>();
        all.add("-Xlint:all,-processing");
        all.addAll(options);
        return javac()
                .withProcessors(new WitInterfaceProcessor())
                .withOptions(all)
                .compile(sources);
    }

    /** A source {@code com.example.<simpleName>} with the common imports and then {@code body}. */
    static JavaFileObject source(String simpleName, String body) {
        return JavaFileObjects.forSourceString("com.example." + simpleName, HEADER + body);
    }

    /** A source file from disk, such as a golden host. */
    static JavaFileObject sourceFile(Path file) {
        try {
            return JavaFileObjects.forResource(file.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden directory: set by the build, or relative to the module when a test runs from an IDE. */
    static Path goldenDirectory() {
        return Path.of(System.getProperty("witbind.goldenDirectory", "src/test/resources/golden"));
    }

    /** The test resources: the golden directory's parent. */
    static Path testResources() {
        return goldenDirectory().getParent();
    }

    /** The golden hosts, compiled together as one module would be. */
    static List<JavaFileObject> goldenHosts() {
        Path hosts = goldenDirectory().resolve("com/example");
        return List.of(
                sourceFile(hosts.resolve("GreeterHost.java")),
                sourceFile(hosts.resolve("ScalarHost.java")),
                sourceFile(hosts.resolve("Plugins.java")),
                sourceFile(hosts.resolve("kv/KvStore.java")),
                sourceFile(hosts.resolve("TypeZoo.java")));
    }

    static String content(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
