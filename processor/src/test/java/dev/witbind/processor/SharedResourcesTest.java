package dev.witbind.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resources shared across interfaces, as WASI has them (wasi:cli/stdout hands out wasi:io/streams' output-stream):
 * a {@code @WitInterface} class may take and return the {@code @WitResource} classes of another interface's class,
 * also inside records, variants and lists; its handles are that interface's, whose bindings define their drop.
 */
class SharedResourcesTest {
    private static final JavaFileObject STREAMS = Compilations.source("Streams", """
            @WitInterface("example:io/streams@1.0.0")
            public final class Streams {
                @dev.witbind.annotations.WitResource
                public static final class OutputStream {
                    public void write(byte[] bytes) {}
                }
            }
            """);

    private static final JavaFileObject CONSOLE = Compilations.source("Console", """
            @WitInterface("example:io/console@1.0.0")
            public final class Console {
                public record Attached(Streams.OutputStream stream, String name) {}

                public sealed interface Target permits Target.Stream, Target.Nowhere {
                    record Stream(Streams.OutputStream value) implements Target {}
                    record Nowhere() implements Target {}
                }

                public Streams.OutputStream getStdout() { return new Streams.OutputStream(); }
                public Attached attach(String name) { return new Attached(new Streams.OutputStream(), name); }
                public @Unsigned int route(Target to) { return 0; }
                public @Unsigned int count(List<Streams.@dev.witbind.annotations.Borrow OutputStream> streams) {
                    return streams.size();
                }
                public void close(Streams.OutputStream stream) {}
            }
            """);

    @Test
    void anInterfaceUsesAnotherInterfacesResourceEverywhereAValueGoes() {
        Compilation compilation = Compilations.compile(STREAMS, CONSOLE);

        assertThat(compilation).succeededWithoutWarnings();
        String console = Compilations.content(
                compilation.generatedSourceFile("com.example.Console_WitBindings").orElseThrow());
        // the handles are the streams interface's resource, with no drop of its own here
        assertTrue(console.contains("static final ResourceType OUTPUT_STREAM_RESOURCE = new ResourceType("
                + "\"example:io/streams@1.0.0\", \"output-stream\");"), console);
        assertTrue(!console.contains("[resource-drop]"), console);
        assertTrue(console.contains("cx.lowerOwn(OUTPUT_STREAM_RESOURCE"), console);
        assertTrue(console.contains("cx.liftOwn(OUTPUT_STREAM_RESOURCE"), console);
        assertTrue(console.contains("cx.liftBorrow(OUTPUT_STREAM_RESOURCE"), console);
        String streams = Compilations.content(
                compilation.generatedSourceFile("com.example.Streams_WitBindings").orElseThrow());
        assertTrue(streams.contains("functions.define(\"[resource-drop]output-stream\""), streams);
        assertTrue(streams.contains("new ResourceType(INTERFACE_NAME.toString(), \"output-stream\")"), streams);
    }

    @Test
    void aResourceClassNestedInNoInterfaceIsStillRefused() {
        JavaFileObject stray = Compilations.source("Stray", """
                public final class Stray {
                    @dev.witbind.annotations.WitResource
                    public static final class Thing {}
                }
                """);
        JavaFileObject host = Compilations.source("Host", """
                @WitInterface("example:io/host@1.0.0")
                public final class Host {
                    public void take(Stray.Thing thing) {}
                }
                """);

        Compilation compilation = Compilations.compile(stray, host);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("a @WitResource class that is not nested in a valid "
                + "@WitInterface class");
    }

    private static final String FAILURES = "com.example.failures.";

    /**
     * {@code @WitBindgen} of {@code wit/bindgen-shared-resource}: the generated variant {@code Failure} holds the
     * generated {@code ErrorsHost.Error}, which is nested in no {@code @WitInterface} class, and a host passes its
     * own resource class there. The generated interface says, with {@code interfaceName}, whose resource it is, so
     * the jobs host's bindings lower and lift it as the errors interface's resource.
     */
    @Test
    void aGeneratedVariantHoldsAnotherInterfacesGeneratedResourceInterface() {
        Path wit = Compilations.testResources().resolve("wit/bindgen-shared-resource").toAbsolutePath();
        JavaFileObject packageInfo = JavaFileObjects.forSourceString(FAILURES + "package-info",
                "@dev.witbind.annotations.WitBindgen(world = \"example:failures/worker@1.0.0\")\n"
                        + "package com.example.failures;\n");
        JavaFileObject errors = JavaFileObjects.forSourceString(FAILURES + "Errors", """
                package com.example.failures;

                import dev.witbind.annotations.WitInterface;
                import dev.witbind.annotations.WitResource;

                @WitInterface("example:failures/errors@1.0.0")
                public final class Errors implements ErrorsHost<Errors.Error> {
                    @WitResource
                    public static final class Error implements ErrorsHost.Error {
                        private final String why;

                        Error(String why) {
                            this.why = why;
                        }

                        @Override
                        public String describe() {
                            return why;
                        }
                    }
                }
                """);
        JavaFileObject jobs = JavaFileObjects.forSourceString(FAILURES + "Jobs", """
                package com.example.failures;

                import dev.witbind.annotations.WitInterface;
                import dev.witbind.wit.values.Result;

                @WitInterface("example:failures/jobs@1.0.0")
                public final class Jobs implements JobsHost {
                    @Override
                    public Result<Void, Failure> run(String name) {
                        return name.isEmpty() ? Result.err(new Failure.Failed(new Errors.Error("no name")))
                                : Result.ok(null);
                    }

                    @Override
                    public boolean retry(Failure last) {
                        return last instanceof Failure.Closed;
                    }
                }
                """);

        Compilation compilation = Compilations.compile(List.of("-Awitbind.wit=" + wit), packageInfo, errors, jobs);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile(FAILURES + "ErrorsHost").contentsAsUtf8String()
                .contains("""
                            @WitResource(
                                    value = "error",
                                    interfaceName = "example:failures/errors@1.0.0"
                            )
                            interface Error {
                        """);
        assertThat(compilation).generatedSourceFile(FAILURES + "Failure").contentsAsUtf8String()
                .contains("record Failed(ErrorsHost.Error value) implements Failure {");
        String bindings = Compilations.content(
                compilation.generatedSourceFile(FAILURES + "Jobs_WitBindings").orElseThrow());
        // the errors interface's resource type, not one of jobs' own, and its drop is the errors bindings'
        assertTrue(bindings.contains("static final ResourceType ERROR_RESOURCE = new ResourceType("
                + "\"example:failures/errors@1.0.0\", \"error\");"), bindings);
        assertTrue(bindings.contains("VariantType.Case.of(\"failed\", HandleType.own(ERROR_RESOURCE))"), bindings);
        assertTrue(bindings.contains("cx.lowerOwn(ERROR_RESOURCE"), bindings);   // run's error
        assertTrue(bindings.contains("cx.liftOwn(ERROR_RESOURCE"), bindings);    // retry's parameter
        assertTrue(!bindings.contains("[resource-drop]"), bindings);
        assertThat(compilation).generatedSourceFile(FAILURES + "Errors_WitBindings").contentsAsUtf8String()
                .contains("functions.define(\"[resource-drop]error\"");
    }

    /**
     * Only the interfaces {@code @WitBindgen} generates, which name their interface, may be outside a
     * {@code @WitInterface} class: a user's interface without {@code interfaceName} is still refused, and so is a
     * class with it (a class's interface is always its enclosing one's).
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "@dev.witbind.annotations.WitResource public interface Thing {}",
        "@dev.witbind.annotations.WitResource(interfaceName = \"\") public interface Thing {}",
        "@dev.witbind.annotations.WitResource(interfaceName = \"example:io/host@1.0.0\") "
                + "public static final class Thing {}"})
    void aResourceInterfaceOrClassNestedInNoInterfaceIsStillRefused(String thing) {
        JavaFileObject stray = Compilations.source("Stray", "public final class Stray {\n    " + thing + "\n}\n");
        JavaFileObject host = Compilations.source("Host", """
                @WitInterface("example:io/host@1.0.0")
                public final class Host {
                    public void take(Stray.Thing thing) {}
                }
                """);

        Compilation compilation = Compilations.compile(stray, host);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("@WitResource is on 'com.example.Stray.Thing', which is not "
                + "nested in a @WitInterface class").inFile(stray).onLineContaining("Thing");
    }
}
