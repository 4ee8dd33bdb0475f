package dev.witbind.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.witbind.processor.Compilations.compile;
import static dev.witbind.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.wit.parser.WitPackages;
import dev.witbind.wit.parser.WitParseException;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Verification against WIT ({@code -Awitbind.wit} and the {@code src/main/wit} convention): every rule broken once,
 * each error pinned to its message (from the catalogue, with both signatures), file, line and count; and what a
 * verified class gets: bindings with the WIT's types.
 */
class VerificationTest {
    private static final Path WIT = Compilations.testResources().resolve("wit");
    private static final String GREETER = "example:greeter/host@0.2.2";
    private static final String KV = "example:kv/store@1.0.0";

    private static List<String> witOption(String... directories) {
        return List.of("-A" + Messages.WIT_OPTION + "=" + Arrays.stream(directories)
                .map(directory -> WIT.resolve(directory).toString())
                .collect(Collectors.joining(File.pathSeparator)));
    }

    private static String where(String... directories) {
        return "-A" + Messages.WIT_OPTION + " (" + Arrays.stream(directories)
                .map(directory -> WIT.resolve(directory).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator)) + ")";
    }

    private static JavaFileObject greeter(String name, String body) {
        return source("Host", """
                @WitInterface("%s")
                public class Host {
                %s
                }
                """.formatted(name, body.indent(4)));
    }

    private static final String GREETER_0_2_2 = """
            public void log(String message) {}

            public String greet(String name) { return name; }

            public String shout(String text) { return text; }
            """;

    // ---- versions and @since gates --------------------------------------------------------------------------------

    @Test
    void hostWithEveryStableFunctionVerifies() {
        Compilation compilation = compile(witOption("greeter"), greeter(GREETER, GREETER_0_2_2));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void unstableFunctionMayBeImplemented() {
        Compilation compilation = compile(witOption("greeter"),
                greeter(GREETER, GREETER_0_2_2 + "\npublic String sparkle(String text) { return text; }\n"));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void functionSinceThePackageVersionIsRequiredButUnstableIsNot() {
        JavaFileObject source = greeter(GREETER, """
                public void log(String message) {}

                public String greet(String name) { return name; }
                """);

        Compilation compilation = compile(witOption("greeter"), source);

        assertOnlyError(compilation, source, Messages.missingFunction("com.example.Host", "shout", GREETER,
                "shout: func(text: string) -> string", "'public String shout(String text)'", "'com.example.Host'"),
                "@WitInterface(");
    }

    @Test
    void versionOtherThanThePackagesIsReportedOnTheName() {
        JavaFileObject source = greeter("example:greeter/host@0.2.1", GREETER_0_2_2);

        Compilation compilation = compile(witOption("greeter"), source);

        assertOnlyError(compilation, source, Messages.versionMismatch("example:greeter/host@0.2.1",
                List.of(GREETER), where("greeter")), "@WitInterface(");
        assertThat(compilation).hadErrorContaining("Fix: write @WitInterface(\"" + GREETER + "\")");
    }

    @Test
    void unversionedNameDoesNotMatchAVersionedPackage() {
        JavaFileObject source = greeter("example:greeter/host", GREETER_0_2_2);

        Compilation compilation = compile(witOption("greeter"), source);

        assertOnlyError(compilation, source, Messages.unversionedMismatch("example:greeter/host", GREETER,
                where("greeter")), "@WitInterface(");
    }

    @Test
    void versionedNameDoesNotMatchAnUnversionedPackage() {
        JavaFileObject source = greeter("example:plain/host@1.0.0",
                "public String greet(String name) { return name; }");

        Compilation compilation = compile(witOption("plain"), source);

        assertOnlyError(compilation, source, Messages.unversionedMismatch("example:plain/host@1.0.0",
                "example:plain/host", where("plain")), "@WitInterface(");
    }

    @Test
    void unversionedNameMatchesAnUnversionedPackage() {
        Compilation compilation = compile(witOption("plain"),
                greeter("example:plain/host", "public String greet(String name) { return name; }"));

        assertThat(compilation).succeededWithoutWarnings();
    }

    // ---- functions --------------------------------------------------------------------------------------------

    @Test
    void publicMethodTheInterfaceLacksIsReportedOnTheMethod() {
        JavaFileObject source = greeter(GREETER, GREETER_0_2_2 + "\npublic void helper() {}\n");

        Compilation compilation = compile(witOption("greeter"), source);

        assertOnlyError(compilation, source, Messages.extraFunction("method 'helper'", "helper", GREETER,
                "public void helper()", List.of("log", "greet", "shout", "sparkle")), "public void helper()");
    }

    @Test
    void wrongParameterTypeShowsBothSignatures() {
        JavaFileObject source = greeter(GREETER, GREETER_0_2_2.replace("greet(String name)", "greet(int name)"));

        Compilation compilation = compile(witOption("greeter"), source);

        assertOnlyError(compilation, source, Messages.signatureMismatch("method 'greet'", "greet", GREETER,
                "greet: func(name: string) -> string", "public String greet(int name)",
                List.of(Messages.notCarried("parameter 'name'", "string", "int", "String")),
                "'public String greet(String name)'"), "greet(int name)");
    }

    @Test
    void wrongResultTypeShowsBothSignatures() {
        JavaFileObject source = greeter(GREETER, GREETER_0_2_2.replace(
                "public String greet(String name) { return name; }", "public int greet(String name) { return 0; }"));

        Compilation compilation = compile(witOption("greeter"), source);

        assertOnlyError(compilation, source, Messages.signatureMismatch("method 'greet'", "greet", GREETER,
                "greet: func(name: string) -> string", "public int greet(String name)",
                List.of(Messages.notCarried("the result", "string", "int", "String")),
                "'public String greet(String name)'"), "public int greet(");
        // The message the design promised, verbatim.
        assertThat(compilation).hadErrorContaining("method 'greet' does not match WIT function 'greet' of "
                + GREETER + ":\n  WIT:  greet: func(name: string) -> string\n  Java: public int greet(String name)\n"
                + "  the result: WIT string is not carried by Java int (accepted: String)\n  Fix: ");
    }

    @Test
    void wrongParameterCountShowsBothSignatures() {
        JavaFileObject source = greeter(GREETER, GREETER_0_2_2.replace("greet(String name)",
                "greet(String name, String title)"));

        Compilation compilation = compile(witOption("greeter"), source);

        assertOnlyError(compilation, source, Messages.signatureMismatch("method 'greet'", "greet", GREETER,
                "greet: func(name: string) -> string", "public String greet(String name, String title)",
                List.of(Messages.parameterCount(List.of("name"), List.of("name", "title"))),
                "'public String greet(String name)'"), "greet(String name, String title)");
    }

    @Test
    void missingResultIsReported() {
        JavaFileObject source = greeter(GREETER, GREETER_0_2_2.replace(
                "public String greet(String name) { return name; }", "public void greet(String name) {}"));

        Compilation compilation = compile(witOption("greeter"), source);

        assertOnlyError(compilation, source, Messages.signatureMismatch("method 'greet'", "greet", GREETER,
                "greet: func(name: string) -> string", "public void greet(String name)",
                List.of(Messages.resultPresence("string", null)), "'public String greet(String name)'"),
                "public void greet(");
    }

    // ---- resources and named types -----------------------------------------------------------------------------

    private static final String KV_IMPORTS = """
            import dev.witbind.annotations.Borrow;
            import dev.witbind.annotations.WitResource;
            import dev.witbind.wit.values.Result;
            import java.util.EnumSet;
            import java.util.Optional;

            """;

    /** The key-value store of the samples, without a single {@code @Unsigned}: the WIT says what is unsigned. */
    private static final String KV_STORE = """
            @WitInterface("example:kv/store@1.0.0")
            public final class Store {
                public enum ErrorCode { NOT_FOUND, READ_ONLY, TOO_LARGE }

                public enum Permission { READ, WRITE, ADMIN }

                public record Entry(String key, byte[] value, long version) {}

                public sealed interface Query {
                    record All() implements Query {}

                    record Prefix(String prefix) implements Query {}

                    record NewerThan(long version) implements Query {}

                    record Keys(List<String> keys) implements Query {}
                }

                public record Stats(String name, int count, long totalBytes, Optional<Entry> largest,
                        EnumSet<Permission> permissions) {}

                @WitFunction("[static]bucket.open-read-only")
                public Bucket openReadOnly(String name) { return new Bucket(name, EnumSet.of(Permission.READ)); }

                public Result<Integer, ErrorCode> copyAll(@Borrow Bucket source, @Borrow Bucket target) {
                    return Result.ok(0);
                }

                public int merge(@Borrow Bucket target, Bucket source) { return 0; }

                public List<Integer> countAll(List<@Borrow Bucket> buckets) { return List.of(); }

                @WitResource
                public static final class Bucket {
                    public Bucket(String name, EnumSet<Permission> permissions) {}

                    public Result<Optional<byte[]>, ErrorCode> get(String key) { return Result.ok(Optional.empty()); }

                    public Result<Long, ErrorCode> set(String key, byte[] value) { return Result.ok(0L); }

                    public List<Entry> entries(Query q) { return List.of(); }

                    public Stats stats() { return null; }
                }
            }
            """;

    private static JavaFileObject store(String text) {
        return source("Store", KV_IMPORTS + text);
    }

    @Test
    void bindingsOfAVerifiedHostSayWhichVersionAddedEachFunction() {
        Compilation verified = compile(witOption("greeter"), greeter(GREETER, GREETER_0_2_2
                + "\npublic String sparkle(String text) { return text; }\n"));
        Compilation unverified = compile(greeter(GREETER, GREETER_0_2_2));

        assertThat(verified).succeededWithoutWarnings();
        String bindings = Compilations.content(verified.generatedSourceFile("com.example.Host_WitBindings")
                .orElseThrow());
        // sorted by name; sparkle is @unstable, without a version
        assertTrue(bindings.contains("""
                    private static final Map<String, Version> FUNCTIONS_SINCE = Map.ofEntries(
                            Map.entry("greet", Version.parse("0.2.0")),
                            Map.entry("log", Version.parse("0.2.0")),
                            Map.entry("shout", Version.parse("0.2.2")));
                """), bindings);
        assertTrue(bindings.contains("""
                    @Override
                    public Map<String, Version> functionsSince() {
                        return FUNCTIONS_SINCE;
                    }
                """), bindings);
        String javaOnly = Compilations.content(unverified.generatedSourceFile("com.example.Host_WitBindings")
                .orElseThrow());
        assertFalse(javaOnly.contains("functionsSince"), "without WIT the default (no versions) stays: " + javaOnly);
    }

    @Test
    void storeVerifiesAndItsBindingsUseTheWitNames() {
        Compilation compilation = compile(witOption("kv"), store(KV_STORE));

        assertThat(compilation).succeededWithoutWarnings();
        String bindings = Compilations.content(
                compilation.generatedSourceFile("com.example.Store_WitBindings").orElseThrow());
        // Java's EnumSet<Permission> would be flags 'permission'; the WIT names them 'permissions'.
        assertTrue(bindings.contains("PERMISSIONS_FLAGS = new FlagsType(\"permissions\""), bindings);
        assertTrue(bindings.contains("new RecordType.Field(\"version\", PrimitiveType.U64)"), bindings);
        assertFalse(bindings.contains("\"permission\""), bindings);
    }

    @Test
    void missingResourceFunctionIsReportedOnTheResourceClass() {
        JavaFileObject source = store(KV_STORE.replace("public Stats stats() { return null; }", ""));

        Compilation compilation = compile(witOption("kv"), source);

        assertOnlyError(compilation, source, Messages.missingFunction("com.example.Store", "[method]bucket.stats", KV,
                "[method]bucket.stats: func(self: borrow<bucket>) -> stats", "'public Stats stats()'",
                "@WitResource class 'com.example.Store.Bucket'"), "@WitResource");
    }

    @Test
    void missingResourceIsReportedOnTheInterface() {
        JavaFileObject source = greeter("example:files/fs@1.0.0", "public void ping() {}");

        Compilation compilation = compile(witOption("files"), source);

        assertOnlyError(compilation, source, Messages.missingResource("com.example.Host", "file",
                "example:files/fs@1.0.0", List.of("[constructor]file: func(path: string) -> file",
                        "[method]file.read: func(self: borrow<file>) -> string")), "@WitInterface(");
    }

    @Test
    void borrowWhereTheWitOwnsIsReported() {
        JavaFileObject source = store(KV_STORE.replace("merge(@Borrow Bucket target, Bucket source)",
                "merge(@Borrow Bucket target, @Borrow Bucket source)"));

        Compilation compilation = compile(witOption("kv"), source);

        assertOnlyError(compilation, source, Messages.signatureMismatch("method 'merge'", "merge", KV,
                "merge: func(target: borrow<bucket>, source: bucket) -> u32",
                "public int merge(@Borrow Bucket target, @Borrow Bucket source)",
                List.of(Messages.notCarried("parameter 'source'", "own<bucket>", "@Borrow Bucket", "Bucket")),
                "'public int merge(@Borrow Bucket target, Bucket source)'"), "merge(@Borrow");
    }

    @Test
    void ownWhereTheWitBorrowsIsReported() {
        JavaFileObject source = store(KV_STORE.replace("copyAll(@Borrow Bucket source,", "copyAll(Bucket source,"));

        Compilation compilation = compile(witOption("kv"), source);

        assertOnlyError(compilation, source, Messages.signatureMismatch("method 'copyAll'", "copy-all", KV,
                "copy-all: func(source: borrow<bucket>, target: borrow<bucket>) -> result<u32, error-code>",
                "public Result<Integer, ErrorCode> copyAll(Bucket source, @Borrow Bucket target)",
                List.of(Messages.notCarried("parameter 'source'", "borrow<bucket>", "Bucket", "@Borrow Bucket")),
                "'public Result<Integer, ErrorCode> copyAll(@Borrow Bucket source, @Borrow Bucket target)'"),
                "copyAll(Bucket source");
    }

    private static final String PAIRS = "example:pairs/counts@1.0.0";

    private static String pairsHost(String pairAnnotation) {
        return """
                %s
                public record Pair(String word, @Unsigned int count) {}

                public record Entry(String key, Seen seen) {}

                @WitTuple
                public record Seen(@Unsigned int times, java.util.Optional<String> last) {}

                @WitTuple
                public record Split(Entry entry, List<Pair> pairs) {}

                public java.util.Optional<Pair> tally(List<Pair> words) {
                    return java.util.Optional.empty();
                }

                public Split split(Entry entry) {
                    return new Split(entry, List.of());
                }
                """.formatted(pairAnnotation);
    }

    @Test
    void witTupleRecordsCarryWitTuples() {
        Compilation compilation = compile(witOption("bindgen-tuple"), greeter(PAIRS, pairsHost("@WitTuple")));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void plainRecordDoesNotCarryAWitTuple() {
        JavaFileObject source = greeter(PAIRS, pairsHost(""));

        Compilation compilation = compile(witOption("bindgen-tuple"), source);

        // tally uses Pair twice (parameter and result), split once: one error per function, each naming the fix.
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining(rendered(Messages.notCarried("parameter 'words', the list's "
                + "elements", "tuple<string, u32>", "Pair", Messages.addWitTuple("Pair"))))
                .inFile(source).onLineContaining("tally(List<Pair> words)");
        assertThat(compilation).hadErrorContaining(rendered(Messages.notCarried("the result, the option's value",
                "tuple<string, u32>", "Pair", Messages.addWitTuple("Pair"))))
                .inFile(source).onLineContaining("tally(List<Pair> words)");
        assertThat(compilation).hadErrorContaining(rendered(Messages.notCarried("the result, element 1 of "
                + "tuple<entry, list<tuple<string, u32>>>, the list's elements", "tuple<string, u32>", "Pair",
                Messages.addWitTuple("Pair"))))
                .inFile(source).onLineContaining("public Split split(");
    }

    @Test
    void tupleRecordDoesNotCarryAWitRecord() {
        JavaFileObject source = greeter(PAIRS, pairsHost("@WitTuple").replace(
                "public record Entry(String key", "@WitTuple\npublic record Entry(String key"));

        Compilation compilation = compile(witOption("bindgen-tuple"), source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("WIT record entry is not carried by Java Entry")
                .inFile(source).onLineContaining("public Split split(");
    }

    @Test
    void recordFieldsMustCorrespondByNameAndTheErrorNamesTheComponentToRename() {
        JavaFileObject source = store(KV_STORE.replace("record Entry(String key, byte[] value, long version)",
                "record Entry(String key, byte[] data, long version)"));

        Compilation compilation = compile(witOption("kv"), source);

        assertThat(compilation).hadErrorContaining("the result, the list's elements: WIT record entry has the fields "
                + "key, value, version; record Entry has as many components, named otherwise: rename 'data' to "
                + "'value' (components correspond to fields by kebab-case name, in order)\n  Fix: change the types as "
                + "said above, or correct the WIT")
                .inFile(source).onLineContaining("public List<Entry> entries(");
        // stats() returns an option<entry> inside its record stats: the same mismatch, reported on that method.
        assertThat(compilation).hadErrorContaining("the result, field 'largest' of record stats, the option's "
                + "value: WIT record entry has the fields key, value, version; record Entry has as many components, "
                + "named otherwise: rename 'data' to 'value'")
                .inFile(source).onLineContaining("public Stats stats()");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aRecordWithAnotherNumberOfComponentsListsBothSides() {
        JavaFileObject source = store(KV_STORE.replace("record Entry(String key, byte[] value, long version)",
                "record Entry(String key, byte[] value)"));

        Compilation compilation = compile(witOption("kv"), source);

        assertThat(compilation).hadErrorContaining(rendered(Messages.membersDiffer(
                "the result, the list's elements", "record entry", "the fields key, value, version", "Entry",
                "the components key, value")))
                .inFile(source).onLineContaining("public List<Entry> entries(");
    }

    @Test
    void resourceClassTheInterfaceLacksIsReportedOnItsAnnotation() {
        JavaFileObject source = store(KV_STORE.replace("    }\n}\n", """
                    }

                    @WitResource("cursor")
                    public static final class Cursor {
                        public boolean next() { return false; }
                    }
                }
                """));

        Compilation compilation = compile(witOption("kv"), source);

        assertOnlyError(compilation, source, Messages.extraResource("com.example.Store.Cursor", "cursor", KV,
                List.of("bucket")), "@WitResource(\"cursor\")");
    }

    // ---- carriers -----------------------------------------------------------------------------------------------

    private static final String NUMBERS = """
            @WitInterface("example:numbers/narrow@1.0.0")
            public final class Numbers {
                public record Pair(byte low, int code) {}

                public enum Mode { FAST, SAFE }

                public byte narrow(byte x) { return x; }

                public int initial(int c) { return c; }

                public short[] split(Pair p, java.util.EnumSet<Mode> m) { return new short[0]; }
            }
            """;

    @Test
    void plainPrimitivesCarryUnsignedIntegersAndCharsAndTheBindingsUseTheWitTypes() {
        Compilation verified = compile(witOption("numbers"), source("Numbers", NUMBERS));
        Compilation unverified = compile(source("Numbers", NUMBERS));

        assertThat(verified).succeededWithoutWarnings();
        assertThat(unverified).succeededWithoutWarnings();
        String bindings = Compilations.content(
                verified.generatedSourceFile("com.example.Numbers_WitBindings").orElseThrow());
        String javaOnly = Compilations.content(
                unverified.generatedSourceFile("com.example.Numbers_WitBindings").orElseThrow());
        // A u8 result carried by a plain byte is lowered zero-extended: 0xFF is 255, not -1.
        assertTrue(bindings.contains("new WitParam(\"x\", PrimitiveType.U8)"), bindings);
        assertTrue(bindings.contains("& 0xFFL"), bindings);
        assertFalse(javaOnly.contains("& 0xFFL"), javaOnly);
        // A char carried by a plain int is lifted as a char (checked for surrogates), and the record says so.
        assertTrue(bindings.contains("Abi.liftChar("), bindings);
        assertTrue(bindings.contains("new RecordType.Field(\"code\", PrimitiveType.CHAR)"), bindings);
        assertTrue(bindings.contains("new ListType(PrimitiveType.U16)"), bindings);
        assertTrue(bindings.contains("MODES_FLAGS = new FlagsType(\"modes\""), bindings);
    }

    @Test
    void widerCarrierIsNotAccepted() {
        JavaFileObject source = source("Numbers", NUMBERS.replace("public byte narrow(byte x)",
                "public byte narrow(int x)"));

        Compilation compilation = compile(witOption("numbers"), source);

        assertOnlyError(compilation, source, Messages.signatureMismatch("method 'narrow'", "narrow",
                "example:numbers/narrow@1.0.0", "narrow: func(x: u8) -> u8", "public byte narrow(int x)",
                List.of(Messages.notCarried("parameter 'x'", "u8", "int", "byte")), "'public byte narrow(byte x)'"),
                "narrow(int x)");
    }

    // ---- finding the WIT ----------------------------------------------------------------------------------------

    @Test
    void explicitDirectoryWithoutTheInterfaceNamesWhatItHas() {
        JavaFileObject source = greeter(GREETER, GREETER_0_2_2);

        Compilation compilation = compile(witOption("other"), source);

        assertOnlyError(compilation, source, Messages.interfaceNotInWit(GREETER, where("other"), true,
                List.of("example:other/tools@1.0.0", "example:other/toys@1.0.0")), "@WitInterface(");
    }

    @Test
    void pathListFindsTheInterfaceInAnyDirectory() {
        Compilation compilation = compile(witOption("other", "greeter", "kv"), greeter(GREETER, GREETER_0_2_2),
                store(KV_STORE));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void witThatDoesNotParseIsOneErrorOnTheFirstClassThatNeedsIt() {
        Path broken = WIT.resolve("broken");
        WitParseException problem = assertThrows(WitParseException.class, () -> WitPackages.load(broken));
        JavaFileObject first = greeter(GREETER, GREETER_0_2_2);
        JavaFileObject second = store(KV_STORE);

        Compilation compilation = compile(witOption("broken"), first, second);

        assertThat(compilation).hadErrorContaining(rendered(Messages.witDoesNotLoad(
                "'" + broken.toAbsolutePath().normalize() + "'", problem.getMessage())))
                .inFile(first).onLineContaining("@WitInterface(");
        assertThat(compilation).hadErrorContaining("greet: func(name: string) -> ;");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void defaultConventionFindsSrcMainWitAboveTheSourceFile() {
        Path project = Compilations.testResources().resolve("conventions/project");
        JavaFileObject source = Compilations.sourceFile(
                project.resolve("src/main/java/com/example/ConventionHost.java"));

        Compilation compilation = compile(source);

        assertThat(compilation).succeededWithoutWarnings();
        String bindings = Compilations.content(
                compilation.generatedSourceFile("com.example.ConventionHost_WitBindings").orElseThrow());
        // The WIT names the parameter 'who'; the Java method calls it 'name'.
        assertTrue(bindings.contains("new WitParam(\"who\", PrimitiveType.STRING)"), bindings);
    }

    @Test
    void emptyOptionTurnsTheConventionOff() {
        Path project = Compilations.testResources().resolve("conventions/project");
        JavaFileObject source = Compilations.sourceFile(
                project.resolve("src/main/java/com/example/ConventionHost.java"));

        Compilation compilation = compile(List.of("-A" + Messages.WIT_OPTION + "="), source);

        assertThat(compilation).succeededWithoutWarnings();
        String bindings = Compilations.content(
                compilation.generatedSourceFile("com.example.ConventionHost_WitBindings").orElseThrow());
        assertTrue(bindings.contains("new WitParam(\"name\", PrimitiveType.STRING)"), bindings);
    }

    @Test
    void defaultConventionWithoutTheInterfaceSaysHowToFixIt() {
        Path project = Compilations.testResources().resolve("conventions/project");
        JavaFileObject source = Compilations.sourceFile(project.resolve("src/main/java/com/example/StrayHost.java"));
        String witRoot = project.resolve("src/main/wit").toAbsolutePath().toString();

        Compilation compilation = compile(source);

        assertOnlyError(compilation, source, Messages.interfaceNotInWit("example:stray/host@1.0.0",
                "'" + witRoot + "' (the src/main/wit beside the sources)", false,
                List.of("example:convention/host@1.0.0")), "@WitInterface(");
    }

    private static void assertOnlyError(Compilation compilation, JavaFileObject source, String message,
            String lineSubstring) {
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(rendered(message)).inFile(source).onLineContaining(lineSubstring);
    }

    /** A message as javac reports it: every line after the first indented by two spaces. */
    private static String rendered(String message) {
        return message.replace("\n", "\n  ");
    }

    @Test
    void wasi03FunctionsAreRefusedByName() {
        Compilation compilation = Compilations.compile(witOption("wasi03"), source("Clock", """
                @WitInterface("example:clock/clock@0.3.0")
                public class Clock {
                    public long now() { return 0; }

                    public void sleep(long ns) {}
                }
                """));
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("cannot implement WIT function 'sleep' of example:clock/clock@0.3.0 "
                + "(sleep: async func(ns: u64)): it is an async function (WASI 0.3), which witbind does not run yet")
                .inFile(compilation.sourceFiles().get(0)).onLineContaining("public void sleep");
        assertThat(compilation).hadErrorContaining("cannot implement WIT function 'ticks' of "
                + "example:clock/clock@0.3.0 (ticks: func() -> stream<u64>): it uses 'stream<u64>'")
                .inFile(compilation.sourceFiles().get(0)).onLineContaining("@WitInterface");
    }

    @Test
    void theWitFolderAtTheProjectRootIsFoundAsSrcMainWitIs() {
        Path project = Compilations.testResources().resolve("conventions/rootwit");
        JavaFileObject source = Compilations.sourceFile(project.resolve("src/main/java/com/example/RootWitHost.java"));

        Compilation compilation = compile(source);

        assertThat(compilation).succeededWithoutWarnings();
        String bindings = Compilations.content(
                compilation.generatedSourceFile("com.example.RootWitHost_WitBindings").orElseThrow());
        assertTrue(bindings.contains("new WitParam(\"who\", PrimitiveType.STRING)"), bindings);
    }

    @Test
    void aClassWithoutWitIsNotedAsNotChecked() {
        Path project = Compilations.testResources().resolve("conventions/nowit");
        JavaFileObject source = Compilations.sourceFile(project.resolve("src/main/java/com/example/UncheckedHost.java"));

        Compilation compilation = compile(source);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).hadNoteContaining("'com.example.UncheckedHost' was not checked against the WIT of "
                + "example:unchecked/host@1.0.0: there is no -Awitbind.wit option, and no wit/ or src/main/wit/ "
                + "folder in a project directory above").inFile(source).onLineContaining("@WitInterface(");
        assertThat(compilation).hadNoteContaining("To check it, pass -Awitbind.wit=<dir> or put the WIT in the "
                + "project's wit/ or src/main/wit/ folder");

        // Turned off on purpose: no note.
        Compilation off = compile(List.of("-A" + Messages.WIT_OPTION + "="), source);
        assertThat(off).succeededWithoutWarnings();
        assertTrue(off.notes().stream().noneMatch(note -> note.getMessage(null).contains("was not checked")),
                off.notes()::toString);
    }
}
