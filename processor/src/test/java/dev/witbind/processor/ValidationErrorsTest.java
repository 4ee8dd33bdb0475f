package dev.witbind.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.witbind.processor.Compilations.compile;
import static dev.witbind.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.Label;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule the processor enforces, each broken once: the error must be the catalogue's message, on the most
 * precise line, reported exactly once, and the broken class must get no bindings.
 */
class ValidationErrorsTest {

    // ---- the interface name -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Example:greeter/host@0.2.1, example:greeter/host@0.2.1",
            "example:greeter/host@0.0, example:greeter/host@0.0.0",
            "example:greeter/host@v0.2.1, example:greeter/host@0.2.1",
            "example:greeter/host@0.02.1, example:greeter/host@0.2.1"})
    void invalidInterfaceNameIsReportedOnTheValueWithTheCorrectedName(String name, String corrected) {
        JavaFileObject source = source("Host", """
                @WitInterface("%s")
                public class Host {
                    public void log(String message) {}
                }
                """.formatted(name));

        Compilation compilation = compile(source);

        assertOnlyError(compilation, source, Messages.invalidInterfaceName(interfaceNameProblem(name)),
                "@WitInterface(");
        assertThat(compilation).hadErrorContaining("Fix: write '" + corrected + "'");
    }

    @Test
    void interfaceNameWithoutInterfacePartHasAGenericFix() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter")
                public class Host {
                    public void log(String message) {}
                }
                """);

        Compilation compilation = compile(source);

        assertOnlyError(compilation, source, Messages.invalidInterfaceName(interfaceNameProblem("example:greeter")),
                "@WitInterface(");
        assertThat(compilation).hadErrorContaining("Fix: write 'namespace:package/interface'");
    }

    @Test
    void plainNameIsNotAnInterfaceName() {
        JavaFileObject source = source("Host", """
                @WitInterface("greeter")
                public class Host {
                    public void log(String message) {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.plainInterfaceName("greeter"), "@WitInterface(");
    }

    // ---- the annotated class ----------------------------------------------------------------------------------

    @Test
    void interfaceCannotBeAnnotated() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public interface Host {
                    void log(String message);
                }
                """);

        assertOnlyError(compile(source), source, Messages.notAClass(ElementKind.INTERFACE, "com.example.Host"),
                "@WitInterface(");
    }

    @Test
    void enumCannotBeAnnotated() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public enum Host {
                    INSTANCE;

                    public void log(String message) {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.notAClass(ElementKind.ENUM, "com.example.Host"),
                "@WitInterface(");
    }

    @Test
    void classMustBePublic() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                class Host {
                    public void log(String message) {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.classNotPublic("com.example.Host"), "class Host");
    }

    @Test
    void enclosingClassMustBePublic() {
        JavaFileObject source = source("Outer", """
                final class Outer {
                    @WitInterface("example:greeter/host@0.2.1")
                    public static class Host {
                        public void log(String message) {}
                    }
                }
                """);

        assertOnlyError(compile(source), source,
                Messages.enclosingClassNotPublic("com.example.Outer.Host", "com.example.Outer"), "class Host");
    }

    @Test
    void classMustNotBeAbstract() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public abstract class Host {
                    public void log(String message) {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.abstractClass("com.example.Host"), "class Host");
    }

    @Test
    void classMustNotBeGeneric() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host<T, U> {
                    public void log(String message) {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.genericClass("com.example.Host", "T, U"), "class Host");
    }

    @Test
    void nestedClassMustBeStatic() {
        JavaFileObject source = source("Outer", """
                public class Outer {
                    @WitInterface("example:greeter/host@0.2.1")
                    public class Host {
                        public void log(String message) {}
                    }
                }
                """);

        assertOnlyError(compile(source), source, Messages.innerClass("com.example.Outer.Host"), "class Host");
    }

    @Test
    void classWithoutFunctionsIsAnError() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    void log(String message) {}

                    public static Host create() {
                        return new Host();
                    }

                    @Override
                    public String toString() {
                        return "Host";
                    }
                }
                """);

        assertOnlyError(compile(source), source, Messages.noFunctions("com.example.Host"), "class Host");
    }

    // ---- methods ----------------------------------------------------------------------------------------------

    @Test
    void invalidWitFunctionNameIsReportedOnTheValueWithTheCorrectedName() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    @WitFunction("Greet")
                    public String greet(String name) {
                        return name;
                    }
                }
                """);

        Compilation compilation = compile(source);

        assertOnlyError(compilation, source, Messages.invalidFunctionName("greet", labelProblem("Greet")),
                "@WitFunction(\"Greet\")");
        assertThat(compilation).hadErrorContaining("Fix: write @WitFunction(\"greet\")");
    }

    @Test
    void methodNameThatGivesNoLabelIsReportedOnTheMethod() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void _1st() {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.invalidDerivedFunctionName("_1st", labelProblem("1st")),
                "void _1st()");
    }

    @Test
    void duplicateFunctionNameIsReportedOnTheSecondMethod() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public String greet(String name) {
                        return name;
                    }

                    @WitFunction("greet")
                    public String hello(String name) {
                        return name;
                    }
                }
                """);

        assertOnlyError(compile(source), source, Messages.duplicateFunctionName("hello", "greet", "greet", "greet"),
                "String hello(");
    }

    @Test
    void aPublicHelperWithATypeWitCannotCarryIsToldItMayBePackagePrivate() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public String greet(String name) {
                        return name;
                    }

                    public void remember(java.io.File file) {}
                }
                """);

        assertOnlyError(compile(source), source, "parameter 'file' of 'remember' has the Java type 'java.io.File', "
                + "which has no WIT type", "remember(java.io.File file)");
        assertThat(compile(source)).hadErrorContaining("; or, if 'remember' is a helper rather than a WIT function, "
                + "make it package-private (every public method of the class is a function of the interface)");
    }

    @Test
    void overloadsAreNamedByTheirSignatures() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void log(String message) {}

                    public void log(String message, int level) {}
                }
                """);

        assertOnlyError(compile(source), source, "'public void log(String message, int level)' becomes the WIT "
                + "function 'log', which its overload 'public void log(String message)' already is: WIT has no "
                + "overloading, so every public method needs a name of its own. Fix: name one overload with "
                + "@WitFunction(\"...\"), rename it, or make it package-private if it is a helper rather than a WIT "
                + "function", "int level)");
    }

    @Test
    void functionNamesThatDifferOnlyInCaseAreDuplicates() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    @WitFunction("get-HTTP")
                    public int status() {
                        return 200;
                    }

                    public int getHttp() {
                        return 200;
                    }
                }
                """);

        assertOnlyError(compile(source), source,
                Messages.duplicateFunctionName("getHttp", "get-http", "status", "get-HTTP"), "int getHttp()");
    }

    @Test
    void witFunctionOnStaticMethodIsReportedOnTheAnnotation() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    @WitFunction("helper")
                    public static void helper() {}

                    public void log(String message) {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.witFunctionIgnored("helper", true, true),
                "@WitFunction(\"helper\")");
    }

    @Test
    void witFunctionOnPrivateMethodIsReportedOnTheAnnotation() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    @WitFunction("helper")
                    private void helper() {}

                    public void log(String message) {
                        helper();
                    }
                }
                """);

        assertOnlyError(compile(source), source, Messages.witFunctionIgnored("helper", false, false),
                "@WitFunction(\"helper\")");
    }

    @Test
    void genericMethodIsAnError() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public <T extends CharSequence> void log(T message) {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.genericMethod("log", "T"), "void log(");
    }

    @Test
    void checkedExceptionIsAnError() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public String read(String path) throws IOException, IllegalStateException {
                        throw new IOException(path);
                    }
                }
                """);

        Compilation compilation = compile(source);

        assertOnlyError(compilation, source, Messages.checkedExceptions("read", List.of("java.io.IOException")),
                "String read(");
        assertThat(compilation).hadErrorContaining("it reaches the guest's caller as WitHostException");
    }

    // ---- types ------------------------------------------------------------------------------------------------

    @Test
    void unsupportedParameterTypeIsReportedOnTheParameterWithTheTable() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void store(
                            String key,
                            Object value) {}
                }
                """);

        Compilation compilation = compile(source);

        assertOnlyError(compilation, source, Messages.unsupportedParameterType("value", "store", "java.lang.Object",
                Messages.useSealedInterfaceOrRecord()), "Object value");
        assertThat(compilation).hadErrorContaining(Messages.PARAMETER_TYPES);
    }

    @Test
    void unsupportedReturnTypeIsReportedOnTheMethod() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public java.util.Map<String, String> names() {
                        return java.util.Map.of();
                    }
                }
                """);

        Compilation compilation = compile(source);

        assertOnlyError(compilation, source, Messages.unsupportedReturnType("names",
                "java.util.Map<java.lang.String, java.lang.String>", Messages.useSealedInterfaceOrRecord()), "names()");
        assertThat(compilation).hadErrorContaining("void -> no result");
    }

    @Test
    void charParameterSuggestsWitCharInt() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void type(char key) {}
                }
                """);

        assertOnlyError(compile(source), source,
                Messages.unsupportedParameterType("key", "type", "char", Messages.useWitCharInt()), "char key");
    }

    @Test
    void boxedParameterSuggestsThePrimitive() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void count(Integer value) {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.unsupportedParameterType("value", "count",
                "java.lang.Integer", Messages.usePrimitive("int")), "Integer value");
    }

    @Test
    void listOfBytesSuggestsByteArray() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void write(List<Byte> data) {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.unsupportedParameterType("data", "write",
                "java.util.List<java.lang.Byte>", Messages.useByteArray()), "List<Byte> data");
    }

    @Test
    void unsignedOnStringIsReportedOnTheAnnotation() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void log(@Unsigned String message) {}
                }
                """);

        assertOnlyError(compile(source), source,
                Messages.unsignedNotIntegral(Messages.parameter("message", "log"), "java.lang.String"),
                "@Unsigned String message");
    }

    @Test
    void unsignedOnVoidMethodIsReportedOnTheAnnotation() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    @Unsigned
                    public void reset() {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.unsignedNotIntegral(Messages.result("reset"), "void"),
                "@Unsigned");
    }

    @Test
    void witCharOnLongIsReportedOnTheAnnotation() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void type(@WitChar long key) {}
                }
                """);

        assertOnlyError(compile(source), source,
                Messages.witCharNotInt(Messages.parameter("key", "type"), "long"), "@WitChar long key");
    }

    @Test
    void unsignedAndWitCharTogetherIsAnError() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void type(@Unsigned @WitChar int key) {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.unsignedAndWitChar(Messages.parameter("key", "type")),
                "int key");
    }

    @Test
    void parameterNameThatGivesNoLabelIsReportedOnTheParameter() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void log(String _1) {}
                }
                """);

        assertOnlyError(compile(source), source, Messages.invalidParameterName("_1", "log", labelProblem("1")),
                "String _1");
    }

    @Test
    void parameterNamesThatGiveTheSameLabelAreReportedOnTheSecond() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void log(String fooBar,
                            String foo_bar) {}
                }
                """);

        assertOnlyError(compile(source), source,
                Messages.duplicateParameterName("foo_bar", "log", "foo-bar", "fooBar"), "String foo_bar");
    }

    // ---- keeping going ----------------------------------------------------------------------------------------

    @Test
    void everyProblemOfAClassIsReportedOnceOnItsOwnLine() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.02")
                public class Host {
                    public void type(char key) {}

                    public void load(String path) throws IOException {}

                    public void log(String message) {}
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining(
                        Messages.invalidInterfaceName(interfaceNameProblem("example:greeter/host@0.02")))
                .inFile(source).onLineContaining("@WitInterface(");
        assertThat(compilation).hadErrorContaining(
                        Messages.unsupportedParameterType("key", "type", "char", Messages.useWitCharInt()))
                .inFile(source).onLineContaining("char key");
        assertThat(compilation).hadErrorContaining(
                        Messages.checkedExceptions("load", List.of("java.io.IOException")))
                .inFile(source).onLineContaining("void load(");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /**
     * The compilation failed with exactly this one error, on this line. (compile-testing hides the generated files
     * of a failed compilation; {@link OutputDirectoriesTest} shows on disk that a broken class gets no bindings.)
     */
    private static void assertOnlyError(Compilation compilation, JavaFileObject source, String message,
            String lineSubstring) {
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(lineSubstring);
    }

    /** What the wit module says about an interface name: the processor must say the same. */
    private static InvalidNameException interfaceNameProblem(String name) {
        return assertThrows(InvalidNameException.class, () -> InterfaceName.parse(name));
    }

    private static InvalidNameException labelProblem(String label) {
        return assertThrows(InvalidNameException.class, () -> Label.checkLabel(label));
    }
}
