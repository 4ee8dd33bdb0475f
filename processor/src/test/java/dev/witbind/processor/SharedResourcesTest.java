package dev.witbind.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

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
}
