package dev.witbind.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bindings from WIT ({@code @WitBindgen}): the generated sources of {@code wit/bindgen/shop.wit}, compared with
 * golden files; a host implementing the generated interface in the same compilation; and the refusals.
 */
class BindgenTest {
    private static final String SHOP = "com.example.shop.";

    private static Path wit(String directory) {
        return Compilations.testResources().resolve("wit").resolve(directory).toAbsolutePath();
    }

    private static List<JavaFileObject> goldenSources() {
        Path shop = Compilations.goldenDirectory().resolve("com/example/shop");
        return List.of(Compilations.sourceFile(shop.resolve("package-info.java")),
                Compilations.sourceFile(shop.resolve("ShopHost.java")));
    }

    /** The golden package with -Awitbind.wit, so that the host is also verified against the WIT. */
    private static Compilation compileGolden() {
        return Compilations.compile(List.of("-Awitbind.wit=" + wit("bindgen")),
                goldenSources().toArray(new JavaFileObject[0]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Color", "Permissions", "Item", "Lookup", "ErrorCode", "Receipt", "StoreHost",
        "ShopGuest"})
    void generatedSourceMatchesGolden(String simpleName) throws IOException {
        Compilation compilation = compileGolden();
        assertThat(compilation).succeededWithoutWarnings();
        String generated = Compilations.content(compilation.generatedSourceFile(SHOP + simpleName).orElseThrow());
        GoldenFilesTest.checkGolden("com/example/shop/" + simpleName + ".java", generated);
    }

    @Test
    void hostImplementingTheGeneratedInterfaceIsBoundInTheSameCompilation() {
        Compilation compilation = compileGolden();
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile(SHOP + "ShopHost_WitBindings")
                .contentsAsUtf8String().contains("public static final InterfaceName INTERFACE_NAME = "
                        + "InterfaceName.parse(\"example:shop/store@1.0.0\");");
    }

    @Test
    void oneCompilationUnitWithWitInTheAnnotation() {
        // No -Awitbind.wit: wit() names the WIT, and the host uses generated records in its own code.
        JavaFileObject packageInfo = JavaFileObjects.forSourceString("com.example.shop.package-info",
                "@dev.witbind.annotations.WitBindgen(world = \"example:shop/shop@1.0.0\", wit = \""
                        + wit("bindgen").toString().replace("\\", "\\\\") + "\")\npackage com.example.shop;\n");
        Compilation compilation = Compilations.compile(packageInfo,
                Compilations.sourceFile(Compilations.goldenDirectory().resolve("com/example/shop/ShopHost.java")));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile(SHOP + "ShopHost_WitBindings");
    }

    @Test
    void marksOnAClassGenerateIntoItsPackage() {
        JavaFileObject marker = JavaFileObjects.forSourceString("com.example.Marker",
                "package com.example;\n@dev.witbind.annotations.WitBindgen(world = \"shop\", wit = \""
                        + wit("bindgen").toString().replace("\\", "\\\\") + "\")\nfinal class Marker {}\n");
        Compilation compilation = Compilations.compile(marker);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.StoreHost");
        assertThat(compilation).generatedSourceFile("com.example.ShopGuest");
    }

    private static Compilation bindgen(String world, String witDirectory) {
        JavaFileObject marker = JavaFileObjects.forSourceString("com.example.Marker",
                "package com.example;\n\n@dev.witbind.annotations.WitBindgen(\n        world = \"" + world
                        + "\",\n        wit = \"" + wit(witDirectory).toString().replace("\\", "\\\\")
                        + "\")\nfinal class Marker {}\n");
        return Compilations.compile(marker);
    }

    @Test
    void invalidWorldNameIsAnErrorOnTheValue() {
        Compilation compilation = bindgen("example:shop/Shop@1.0", "bindgen");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("@WitBindgen(world = \"example:shop/Shop@1.0\") is not a world name")
                .inFile(compilation.sourceFiles().get(0)).onLineContaining("world = ");
    }

    @Test
    void unknownWorldListsTheWorldsTheWitHas() {
        Compilation compilation = bindgen("example:shop/mall@1.0.0", "bindgen");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("@WitBindgen(world = \"example:shop/mall@1.0.0\") names a world "
                + "that the WIT in wit() (").inFile(compilation.sourceFiles().get(0)).onLineContaining("world = ");
        assertThat(compilation).hadErrorContaining("it has only example:shop/shop@1.0.0");

        Compilation label = bindgen("mall", "bindgen");
        assertThat(label).hadErrorCount(1);
        assertThat(label).hadErrorContaining("names a world that the WIT in");
    }

    private static final String PAIRS = "com.example.pairs.";

    private static Compilation compileTupleGolden() {
        Path pairs = Compilations.goldenDirectory().resolve("com/example/pairs");
        return Compilations.compile(List.of("-Awitbind.wit=" + wit("bindgen-tuple")),
                Compilations.sourceFile(pairs.resolve("package-info.java")),
                Compilations.sourceFile(pairs.resolve("PairsHost.java")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Entry", "Tuple2OfU32AndOptionOfString", "Tuple2OfStringAndU32",
        "Tuple2OfEntryAndListOfTuple2OfStringAndU32", "Tuple2OfU8AndChar", "CountsHost", "PairsGuest"})
    void generatedSourceWithTuplesMatchesGolden(String simpleName) throws IOException {
        Compilation compilation = compileTupleGolden();
        assertThat(compilation).succeededWithoutWarnings();
        String generated = Compilations.content(compilation.generatedSourceFile(PAIRS + simpleName).orElseThrow());
        GoldenFilesTest.checkGolden("com/example/pairs/" + simpleName + ".java", generated);
    }

    @Test
    void hostUsingGeneratedTupleRecordsIsBoundAndVerified() {
        Compilation compilation = compileTupleGolden();
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile(PAIRS + "Tuple2OfStringAndU32").contentsAsUtf8String()
                .contains("@WitTuple\npublic record Tuple2OfStringAndU32(String e0, @Unsigned int e1)");
        assertThat(compilation).generatedSourceFile(PAIRS + "PairsHost_WitBindings").contentsAsUtf8String()
                .contains("TUPLE2_OF_STRING_AND_U32_TUPLE");
    }

    private static final String FILES = "com.example.files.";

    /** The resource golden package with -Awitbind.wit, so that LocalFiles is also verified against the WIT. */
    private static Compilation compileResourceGolden() {
        Path files = Compilations.goldenDirectory().resolve("com/example/files");
        return Compilations.compile(List.of("-Awitbind.wit=" + wit("bindgen-resource")),
                Compilations.sourceFile(files.resolve("package-info.java")),
                Compilations.sourceFile(files.resolve("LocalFiles.java")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ErrorCode", "FsHost", "ToolGuest"})
    void generatedSourceWithResourcesMatchesGolden(String simpleName) throws IOException {
        Compilation compilation = compileResourceGolden();
        assertThat(compilation).succeededWithoutWarnings();
        String generated = Compilations.content(compilation.generatedSourceFile(FILES + simpleName).orElseThrow());
        GoldenFilesTest.checkGolden("com/example/files/" + simpleName + ".java", generated);
    }

    @Test
    void hostWithResourcesImplementingTheGenericInterfaceIsBoundAndVerified() {
        Compilation compilation = compileResourceGolden();
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile(FILES + "LocalFiles_WitBindings").contentsAsUtf8String()
                .contains("\"[constructor]descriptor\"");
        for (String function : List.of("[method]descriptor.read", "[method]descriptor.same-as",
                "[method]directory.open-file", "[static]descriptor.open", "[static]descriptor.temporary",
                "[resource-drop]descriptor", "[resource-drop]directory", "sizes", "copy")) {
            assertThat(compilation).generatedSourceFile(FILES + "LocalFiles_WitBindings").contentsAsUtf8String()
                    .contains("\"" + function + "\"");
        }
        assertThat(compilation).generatedSourceFile(FILES + "LocalFiles_WitBindings").contentsAsUtf8String()
                .doesNotContain("[constructor]directory");
    }

    @Test
    void aStaticFunctionWithoutItsWitFunctionIsAFunctionTheInterfaceLacks() throws IOException {
        Path files = Compilations.goldenDirectory().resolve("com/example/files");
        String host = Compilations.content(Compilations.sourceFile(files.resolve("LocalFiles.java")))
                .replace("    @WitFunction(\"[static]descriptor.temporary\")\n", "");
        Compilation compilation = Compilations.compile(List.of("-Awitbind.wit=" + wit("bindgen-resource")),
                Compilations.sourceFile(files.resolve("package-info.java")),
                JavaFileObjects.forSourceString("com.example.files.LocalFiles", host));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("temporary");
    }

    @Test
    void aResourceClassWithoutTheWitConstructorIsReported() throws IOException {
        Path files = Compilations.goldenDirectory().resolve("com/example/files");
        String host = Compilations.content(Compilations.sourceFile(files.resolve("LocalFiles.java")))
                .replace("public Descriptor(String path, boolean writable)", "Descriptor(String path, boolean writable)");
        Compilation compilation = Compilations.compile(List.of("-Awitbind.wit=" + wit("bindgen-resource")),
                Compilations.sourceFile(files.resolve("package-info.java")),
                JavaFileObjects.forSourceString("com.example.files.LocalFiles", host));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[constructor]descriptor");
    }

    @Test
    void handlesOfOtherInterfacesInRecordsAndInExportsAreGenerated() {
        Compilation compilation = bindgen("tool", "bindgen-handles");
        assertThat(compilation).succeededWithoutWarnings();
        // A resource of another interface is a type parameter bounded by that interface's nested interface.
        assertThat(compilation).generatedSourceFile("com.example.ArchiveHost").contentsAsUtf8String()
                .contains("public interface ArchiveHost<BLOB extends TypesHost.Blob> {");
        assertThat(compilation).generatedSourceFile("com.example.ArchiveHost").contentsAsUtf8String()
                .contains("@Unsigned int pack(@Borrow BLOB content);");
        // In a record, which has no type parameters, it is the nested interface itself.
        assertThat(compilation).generatedSourceFile("com.example.Packed").contentsAsUtf8String()
                .contains("public record Packed(String name, TypesHost.Blob content)");
        // The proxy passes the host resource's Java object.
        assertThat(compilation).generatedSourceFile("com.example.ToolGuest").contentsAsUtf8String()
                .contains("public boolean check(PlainHost. @Borrow Counter c) {");
    }

    @Test
    void resourcesTheGuestDefinesAreRefusedEachOnce() {
        Compilation compilation = bindgen("app", "bindgen-unsupported");
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("the resource 'session' of the exported interface api (the guest "
                + "defines it, and GuestFunction lifts and lowers only resources the host implements)")
                .inFile(compilation.sourceFiles().get(0)).onLineContaining("world = ");
        assertThat(compilation).hadErrorContaining("the handle 'session' in example:guest/api@1.0.0 of the resource "
                + "'session' of example:guest/api@1.0.0, which no interface the world imports defines (the guest "
                + "defines it, and GuestFunction lifts and lowers only resources the host implements)");
    }

    @Test
    void upperCaseFragmentsAndExportedInterfacesAreGenerated() {
        Compilation compilation = bindgen("odd", "bindgen-odd");
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.ApiHost").contentsAsUtf8String()
                .contains("so the implementing method must carry {@code @WitFunction(\"get-HTTP\")}.");
        assertThat(compilation).generatedSourceFile("com.example.ApiHost").contentsAsUtf8String()
                .contains("String getHttp();");
        assertThat(compilation).generatedSourceFile("com.example.ServiceGuest").contentsAsUtf8String()
                .contains("this.ping = instance.function(\"example:odd/service@1.0.0#ping\", PING);");
    }

    @Test
    void witThatDoesNotLoadIsAnErrorOnTheWitValue() {
        Compilation compilation = bindgen("greeter", "broken");
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("does not load, so @WitBindgen cannot generate from it")
                .inFile(compilation.sourceFiles().get(0)).onLineContaining("wit = ");
    }

    @Test
    void noWitAtAllIsAnError() {
        JavaFileObject marker = JavaFileObjects.forSourceString("com.example.Marker",
                "package com.example;\n@dev.witbind.annotations.WitBindgen(world = \"shop\")\nfinal class Marker {}\n");
        Compilation compilation = Compilations.compile(marker);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("has no WIT to generate from");
    }

    @Test
    void typesThatNeverAppearAreReportedOnceProcessingIsOver() {
        Compilation compilation = Compilations.compile(Compilations.source("Orphan", """
                @WitInterface("example:shop/store@1.0.0")
                public final class Orphan implements StoreHost {
                    public void clear() {}
                }
                """));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("@WitInterface class 'com.example.Orphan' uses types that do not "
                + "exist: StoreHost").inFile(compilation.sourceFiles().get(0)).onLineContaining("class Orphan");
    }

    @Test
    void wasi03FunctionsAreRefusedByName() {
        Compilation compilation = bindgen("timer", "wasi03");
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("the function 'sleep' of example:clock/clock@0.3.0 (it is an async "
                + "function (WASI 0.3): witbind implements the synchronous subset that WASI 0.2 uses)");
        assertThat(compilation).hadErrorContaining("the function 'ticks' of example:clock/clock@0.3.0 (it uses "
                + "'stream<u64>'");
    }
}
