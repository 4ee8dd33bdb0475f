package dev.witbind.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.witbind.processor.Compilations.compile;
import static dev.witbind.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.Label;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The rules for records, enums, flags, options, results, lists, variants and resources, each broken once: the error
 * is the catalogue's message, on the component, case, parameter or method that breaks it, reported once.
 */
class CompoundTypeErrorsTest {
    private static final String IMPORTS = """
            import dev.witbind.annotations.Borrow;
            import dev.witbind.annotations.WitResource;
            import dev.witbind.wit.values.Result;
            import java.util.EnumSet;
            import java.util.Optional;

            """;

    private static JavaFileObject host(String body) {
        return source("Host", IMPORTS + """
                @WitInterface("example:kv/store@1.0.0")
                public class Host {
                %s
                }
                """.formatted(body.indent(4)));
    }

    // ---- accepted -------------------------------------------------------------------------------------------------

    @Test
    void nestingToAnyDepthCompilesWithoutWarnings() {
        JavaFileObject source = host("""
                public record Entry(String key, byte[] value) {}

                public sealed interface Query {
                    record All() implements Query {}

                    record Keys(List<List<String>> keys) implements Query {}
                }

                public Result<Optional<List<Optional<Entry>>>, Void> find(Query query,
                        Result<Result<Void, String>, Optional<Query>> nested, List<@Unsigned Long> versions) {
                    return Result.ok(Optional.empty());
                }
                """);

        assertThat(compile(source)).succeededWithoutWarnings();
    }

    @Test
    void recordsAndEnumsFromOtherFilesAndPackagesWork() {
        JavaFileObject entry = source("Entry", "public record Entry(String key, @Unsigned int size) {}");
        JavaFileObject color = com.google.testing.compile.JavaFileObjects.forSourceString("com.other.Color",
                "package com.other;\n\npublic enum Color { RED, DARK_BLUE }\n");
        JavaFileObject source = host("""
                public List<Entry> entries(com.other.Color color, EnumSet<com.other.Color> colors) {
                    return List.of();
                }
                """);

        assertThat(compile(source, entry, color)).succeededWithoutWarnings();
    }

    // ---- records ------------------------------------------------------------------------------------------------

    @Test
    void recordComponentWithoutWitTypeIsReportedOnTheComponent() {
        JavaFileObject source = host("""
                public record Entry(String key,
                        Object value) {}

                public void put(Entry entry) {}

                public Entry get() {
                    return null;
                }
                """);

        assertOnlyError(compile(source), source, Messages.unsupportedComponentType("com.example.Host.Entry", "value",
                "java.lang.Object", Messages.useSealedInterfaceOrRecord()), "Object value");
    }

    @Test
    void boxedRecordComponentSuggestsThePrimitive() {
        JavaFileObject source = host("""
                public record Entry(Integer count) {}

                public void put(Entry entry) {}
                """);

        assertOnlyError(compile(source), source, Messages.unsupportedComponentType("com.example.Host.Entry", "count",
                "java.lang.Integer", Messages.usePrimitive("int")), "Integer count");
    }

    @Test
    void genericRecordIsReportedOnTheRecord() {
        JavaFileObject source = host("""
                public record Box<T>(T value) {}

                public void put(Box<String> box) {}
                """);

        assertOnlyError(compile(source), source, Messages.genericType("com.example.Host.Box", "T"), "record Box");
    }

    @Test
    void recordWithoutComponentsIsNotAWitRecord() {
        JavaFileObject source = host("""
                public record Nothing() {}

                public void put(Nothing nothing) {}
                """);

        assertOnlyError(compile(source), source, Messages.emptyRecord("com.example.Host.Nothing"), "record Nothing");
    }

    // ---- tuples -------------------------------------------------------------------------------------------------

    @Test
    void tupleRecordsInListsOptionsAndResultsCompileWithoutWarnings() {
        JavaFileObject source = host("""
                @WitTuple
                public record Pair(String name, @Unsigned int count) {}

                @WitTuple
                public record Outer(Pair pair, Optional<Pair> maybe, List<Pair> pairs) {}

                public Optional<List<Pair>> pairs(List<Pair> pairs, Optional<Outer> outer) {
                    return Optional.of(pairs);
                }

                public Result<Pair, String> first(Outer outer) {
                    return Result.ok(outer.pair());
                }
                """);

        Compilation compilation = compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.Host_WitBindings").contentsAsUtf8String()
                .contains("static final TupleType PAIR_TUPLE = new TupleType(");
    }

    @Test
    void witTupleOnAClassIsReportedOnTheAnnotation() {
        JavaFileObject source = host("""
                @WitTuple
                public static final class Pair {}

                public void ping() {}
                """);

        assertOnlyError(compile(source), source, Messages.tupleNotRecord("com.example.Host.Pair"), "@WitTuple");
    }

    @Test
    void witTupleOnAnEnumIsReportedEvenWhenUsed() {
        JavaFileObject source = host("""
                @WitTuple
                public enum Pair { A, B }

                public void put(Pair pair) {}
                """);

        assertOnlyError(compile(source), source, Messages.tupleNotRecord("com.example.Host.Pair"), "@WitTuple");
    }

    @Test
    void tupleRecordWithoutComponentsIsReportedOnce() {
        JavaFileObject source = host("""
                @WitTuple
                public record Nothing() {}

                public void put(Nothing nothing, List<Nothing> more) {}
                """);

        assertOnlyError(compile(source), source, Messages.emptyTuple("com.example.Host.Nothing"), "record Nothing");
    }

    @Test
    void genericTupleRecordIsReportedOnce() {
        JavaFileObject source = host("""
                @WitTuple
                public record Pair<T>(T first, String second) {}

                public void put(Pair<String> pair) {}
                """);

        assertOnlyError(compile(source), source, Messages.genericType("com.example.Host.Pair", "T"), "record Pair");
    }

    @Test
    void tupleComponentWithoutWitTypeIsReportedOnTheComponent() {
        JavaFileObject source = host("""
                @WitTuple
                public record Pair(String name, Object value) {}

                public void put(Pair pair) {}
                """);

        Compilation compilation = compile(source);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("Object").inFile(source).onLineContaining("Object value");
    }

    @Test
    void recursiveRecordIsReportedOnce() {
        JavaFileObject source = host("""
                public record Node(String name, List<Node> children) {}

                public void put(Node node) {}

                public Node get() {
                    return null;
                }
                """);

        assertOnlyError(compile(source), source, Messages.recursiveType("com.example.Host.Node"), "record Node");
    }

    @Test
    void privateRecordIsNotAccessible() {
        JavaFileObject source = host("""
                private record Secret(String value) {}

                public void put(String value) {}

                public void take(List<Secret> secrets) {}
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorContaining(Messages.typeNotAccessible("com.example.Host.Secret"))
                .inFile(source).onLineContaining("record Secret");
    }

    @Test
    void duplicateComponentNamesAreReported() {
        JavaFileObject source = host("""
                public record Pair(String userId,
                        String user_id) {}

                public void put(Pair pair) {}
                """);

        assertOnlyError(compile(source), source,
                Messages.duplicateMemberName("component", "user_id", "user-id", "userId"), "String user_id");
    }

    // ---- enums and flags ------------------------------------------------------------------------------------

    @Test
    void enumConstantWithoutLabelIsReportedOnTheConstant() {
        JavaFileObject source = host("""
                public enum Mode {
                    ON,
                    OFF__NOW
                }

                public void set(Mode mode) {}
                """);
        InvalidNameException problem = assertThrows(InvalidNameException.class, () -> Label.checkLabel("off--now"));

        assertOnlyError(compile(source), source, Messages.invalidMemberName("enum constant", "OFF__NOW", problem),
                "OFF__NOW");
    }

    @Test
    void flagsHoldAtMost32Constants() {
        String constants = IntStream.range(0, 33).mapToObj(i -> "F" + i).collect(Collectors.joining(", "));
        JavaFileObject source = host("""
                public enum Big { %s }

                public void set(EnumSet<Big> set) {}

                public void one(Big big) {}
                """.formatted(constants));

        assertOnlyError(compile(source), source, Messages.tooManyFlags("com.example.Host.Big", 33), "EnumSet<Big> set");
    }

    // ---- variants -----------------------------------------------------------------------------------------

    @Test
    void caseWithTwoComponentsSaysToWrapThem() {
        JavaFileObject source = host("""
                public sealed interface Shape {
                    record Circle(double radius) implements Shape {}

                    record Point(int x, int y) implements Shape {}
                }

                public void draw(Shape shape) {}
                """);

        assertOnlyError(compile(source), source, Messages.caseWithSeveralComponents("com.example.Host.Shape",
                "com.example.Host.Shape.Point", 2), "record Point");
        assertThat(compile(source)).hadErrorContaining("Fix: wrap them in a record");
    }

    @Test
    void caseThatIsNotARecordIsReportedOnTheCase() {
        JavaFileObject source = host("""
                public sealed interface Shape {
                    record Circle(double radius) implements Shape {}

                    final class Square implements Shape {}
                }

                public void draw(Shape shape) {}
                """);

        assertOnlyError(compile(source), source,
                Messages.caseNotRecord("com.example.Host.Shape", "com.example.Host.Shape.Square"), "class Square");
    }

    @Test
    void interfaceThatIsNotSealedHasNoWitType() {
        JavaFileObject source = host("""
                public interface Shape {}

                public void draw(Shape shape) {}
                """);

        assertOnlyError(compile(source), source, Messages.unsupportedParameterType("shape", "draw",
                "com.example.Host.Shape", Messages.useSealedInterfaceOrRecord()), "Shape shape");
    }

    // ---- generic types ---------------------------------------------------------------------------------------

    @Test
    void rawOptionalNeedsItsTypeArgument() {
        JavaFileObject source = host("""
                @SuppressWarnings("rawtypes")
                public void take(Optional value) {}
                """);

        assertOnlyError(compile(source), source, Messages.unsupportedParameterType("value", "take",
                "java.util.Optional", Messages.rawType("java.util.Optional")), "Optional value");
    }

    @Test
    void wildcardHasNoWitType() {
        JavaFileObject source = host("""
                public void take(List<? extends CharSequence> names) {}
                """);

        assertOnlyError(compile(source), source, Messages.wildcard("? extends java.lang.CharSequence"),
                "List<? extends CharSequence> names");
    }

    @Test
    void listOfCharacterSuggestsWitCharInteger() {
        JavaFileObject source = host("""
                public void take(List<Character> letters) {}
                """);

        assertOnlyError(compile(source), source, Messages.unsupportedParameterType("letters", "take",
                "java.util.List<java.lang.Character>",
                Messages.unsupportedPart("java.lang.Character", Messages.useWitCharInteger())), "letters");
    }

    @Test
    void arrayOfReferencesSuggestsList() {
        JavaFileObject source = host("""
                public void take(String[] names) {}
                """);

        assertOnlyError(compile(source), source, Messages.unsupportedParameterType("names", "take",
                "java.lang.String[]", Messages.useList()), "String[] names");
    }

    @Test
    void voidOutsideResultHasNoWitType() {
        JavaFileObject source = host("""
                public void take(Optional<Void> nothing) {}
                """);

        assertOnlyError(compile(source), source, Messages.voidOutsideResult(), "Optional<Void> nothing");
    }

    @Test
    void unsignedOnATypeArgumentThatIsNotIntegral() {
        JavaFileObject source = host("""
                public void take(List<@Unsigned String> names) {}
                """);

        assertOnlyError(compile(source), source,
                Messages.markerOnPart("@Unsigned", Messages.parameter("names", "take"), "java.lang.String"), "names");
    }

    @Test
    void otherCollectionsSuggestList() {
        JavaFileObject source = host("""
                public void take(java.util.Set<String> names) {}
                """);

        assertOnlyError(compile(source), source, Messages.useListInterface("java.util.Set<java.lang.String>"),
                "names");
    }

    // ---- resources --------------------------------------------------------------------------------------------

    @Test
    void borrowOnlyMarksResources() {
        JavaFileObject source = host("""
                public void take(@Borrow String name) {}
                """);

        assertOnlyError(compile(source), source,
                Messages.borrowNotResource(Messages.parameter("name", "take"), "java.lang.String"), "String name");
    }

    @Test
    void borrowCannotBeReturned() {
        JavaFileObject source = host("""
                @WitResource
                public static final class Bucket {}

                public List<@Borrow Bucket> buckets() {
                    return List.of();
                }
                """);

        assertOnlyError(compile(source), source, Messages.borrowInResult("buckets"), "buckets()");
    }

    @Test
    void resourceOfAnotherInterfaceClassIsThatInterfacesResource() {
        JavaFileObject other = source("Other", IMPORTS + """
                @WitInterface("example:other/o@1.0.0")
                public class Other {
                    public void ping() {}

                    @WitResource
                    public static final class Thing {}
                }
                """);
        JavaFileObject source = host("""
                public void use(Other.Thing thing) {}
                """);

        Compilation compilation = compile(source, other);

        // the handle is example:other/o's thing (SharedResourcesTest has the generated code)
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.Host_WitBindings").contentsAsUtf8String()
                .contains("new ResourceType(\"example:other/o@1.0.0\", \"thing\")");
    }

    @Test
    void resourceOutsideAnInterfaceClassIsReported() {
        JavaFileObject source = source("Loose", IMPORTS + """
                public class Loose {
                    @WitResource
                    public static final class Thing {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.resourceNotNested("com.example.Loose.Thing"), "@WitResource");
    }

    @Test
    void resourceWithTwoPublicConstructorsIsReportedOnTheSecond() {
        JavaFileObject source = host("""
                @WitResource
                public static final class Bucket {
                    public Bucket() {}

                    public Bucket(String name) {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.severalResourceConstructors("com.example.Host.Bucket"),
                "public Bucket(String name)");
    }

    @Test
    void resourceMustBePublic() {
        JavaFileObject source = host("""
                public void ping() {}

                @WitResource
                static final class Bucket {}
                """);

        assertOnlyError(compile(source), source, Messages.resourceShape("com.example.Host.Bucket", "is not public"),
                "class Bucket");
    }

    @Test
    void resourceFunctionMustNameAResourceOfTheClass() {
        JavaFileObject source = host("""
                @WitResource
                public static final class Bucket {}

                @WitFunction("[static]box.open")
                public Bucket open(String name) {
                    return new Bucket();
                }
                """);

        assertOnlyError(compile(source), source,
                Messages.unknownResource("open", "[static]box.open", "box", List.of("bucket")), "[static]box.open");
    }

    @Test
    void constructorFunctionMustReturnTheResource() {
        JavaFileObject source = host("""
                @WitResource
                public static final class Bucket {
                    Bucket() {}
                }

                @WitFunction("[constructor]bucket")
                public String create(String name) {
                    return name;
                }
                """);

        assertOnlyError(compile(source), source, Messages.constructorMustReturnResource("create",
                "[constructor]bucket", "com.example.Host.Bucket"), "public String create(");
    }

    @Test
    void methodFunctionNeedsTheResourceFirst() {
        JavaFileObject source = host("""
                @WitResource
                public static final class Bucket {}

                @WitFunction("[method]bucket.size")
                public int size(String name) {
                    return 0;
                }
                """);

        assertOnlyError(compile(source), source,
                Messages.methodNeedsSelf("size", "[method]bucket.size", "com.example.Host.Bucket"), "public int size(");
    }

    @Test
    void resourceDropIsDefinedByTheBindings() {
        JavaFileObject source = host("""
                @WitResource
                public static final class Bucket {}

                @WitFunction("[resource-drop]bucket")
                public void drop(Bucket bucket) {}
                """);

        assertOnlyError(compile(source), source, Messages.resourceDropReserved("drop", "[resource-drop]bucket"),
                "[resource-drop]bucket");
    }

    @Test
    void resourceFunctionsAndClassFunctionsShareOneNamespace() {
        JavaFileObject source = host("""
                @WitResource
                public static final class Bucket {
                    public Bucket(String name) {}
                }

                @WitFunction("[constructor]bucket")
                public Bucket create(String name) {
                    return new Bucket(name);
                }
                """);

        assertOnlyError(compile(source), source, Messages.duplicateFunctionName("Bucket", "[constructor]bucket",
                "create", "[constructor]bucket"), "public Bucket(String name)");
    }

    @Test
    void aMethodAndAStaticFunctionOfOneResourceWithOneLabelAreOneName() {
        // the Explainer's strong uniqueness: [method]bucket.get and [static]bucket.get are both bucket.get
        JavaFileObject source = host("""
                @WitResource
                public static final class Bucket {
                    public String get() {
                        return "";
                    }

                    public static Bucket get(String name) {
                        return null;
                    }
                }
                """);

        assertOnlyError(compile(source), source, Messages.duplicateFunctionName("get", "[static]bucket.get",
                "get", "[method]bucket.get"), "public static Bucket get(String name)");
    }

    @Test
    void aResourceMethodNamedAsItsResourceIsTheResourcesName() {
        JavaFileObject source = host("""
                @WitResource
                public static final class Bucket {
                    public String bucket() {
                        return "";
                    }
                }
                """);

        assertOnlyError(compile(source), source, Messages.functionNamedAsItsResource("bucket", "[method]bucket.bucket",
                "bucket"), "public String bucket()");
    }

    private static void assertOnlyError(Compilation compilation, JavaFileObject source, String message,
            String lineSubstring) {
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(lineSubstring);
    }
}
