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

    @Test
    void aHostOfTheGeneratedInterfaceWithKeywordsAcronymsAndListOfS8IsVerifiedAndBound() {
        // Verified against the WIT (-Awitbind.wit): 'this_' and 'toString_' are 'this' and 'to-string', the enum
        // constant HTTP is the case 'HTTP', and byte[] carries list<s8>.
        Path wit = Compilations.testResources().resolve("wit/bindgen-everything").toAbsolutePath();
        JavaFileObject packageInfo = JavaFileObjects.forSourceString(PACKAGE + ".package-info",
                "@dev.witbind.annotations.WitBindgen(world = \"everything\")\npackage " + PACKAGE + ";\n");
        JavaFileObject host = JavaFileObjects.forSourceString(PACKAGE + ".Names", """
                package com.example.everything;

                import dev.witbind.annotations.Unsigned;
                import dev.witbind.annotations.WitFunction;
                import dev.witbind.annotations.WitInterface;
                import dev.witbind.wit.values.Result;
                import java.util.EnumSet;
                import java.util.Optional;

                @WitInterface("example:everything/names@1.0.0")
                public final class Names implements NamesHost {
                    @Override
                    @WitFunction("get-HTTP-header")
                    public Result<String, EverythingNamesErrorCode> getHttpHeader(String this_, Optional<String> default_) {
                        return Result.ok(this_);
                    }

                    @Override
                    public byte[] toString_(byte[] samples) {
                        return samples;
                    }

                    @Override
                    public EverythingNamesResult lookup(EverythingNamesRecord r, Protocol p, EnumSet<Access> a) {
                        return p == Protocol.HTTP ? new EverythingNamesResult.OkHttp((short) 200)
                                : new EverythingNamesResult.Other();
                    }

                    @Override
                    public @Unsigned int hashCode_() {
                        return 7;
                    }
                }
                """);
        Compilation bound = Compilations.compile(List.of("-Awitbind.wit=" + wit), packageInfo, host);
        assertThat(bound).succeededWithoutWarnings();
        for (String name : List.of("\"get-HTTP-header\"", "\"to-string\"", "\"hash-code\"", "\"DNS-over-TLS\"",
                "\"ok-HTTP\"", "new ListType(PrimitiveType.S8)")) {
            assertThat(bound).generatedSourceFile(PACKAGE + ".Names_WitBindings").contentsAsUtf8String().contains(name);
        }
    }
}
