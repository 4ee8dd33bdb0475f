package dev.witbind.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.witbind.processor.Compilations.compile;
import static dev.witbind.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Which methods become WIT functions, and bindings that compile whatever the Java names are. */
class FunctionSelectionTest {
    private static final Pattern FUNC = Pattern.compile("functions\\.define\\(\"([^\"]+)\",");

    @Test
    void recordAccessorsAndObjectMethodsAreNotFunctions() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public record Host(String prefix) {
                    public String greet(String name) {
                        return prefix + name;
                    }

                    @Override
                    public String toString() {
                        return prefix;
                    }
                }
                """);

        assertEquals(List.of("greet"), functionNames(compile(source), "com.example.Host_WitBindings"));
    }

    @Test
    void witFunctionMakesAnObjectMethodAFunction() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    @WitFunction("describe")
                    @Override
                    public String toString() {
                        return "host";
                    }
                }
                """);

        assertEquals(List.of("describe"), functionNames(compile(source), "com.example.Host_WitBindings"));
    }

    @Test
    void inheritedStaticAndNonPublicMethodsAreNotFunctions() {
        JavaFileObject base = source("Base", """
                public class Base {
                    public void inherited() {}
                }
                """);
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host extends Base {
                    public static Host create() {
                        return new Host();
                    }

                    void helper() {}

                    public void log(String message) {}
                }
                """);

        assertEquals(List.of("log"), functionNames(compile(base, source), "com.example.Host_WitBindings"));
    }

    @Test
    void functionsKeepDeclarationOrder() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@0.2.1")
                public class Host {
                    public void zebra() {}

                    public void apple() {}

                    public void mango() {}
                }
                """);

        assertEquals(List.of("zebra", "apple", "mango"), functionNames(compile(source), "com.example.Host_WitBindings"));
    }

    @Test
    void javaNamesThatClashWithGeneratedNamesStillCompile() {
        // The function's constant would be INTERFACE_NAME, and every parameter is named like a variable or type
        // the generated code uses; 19 flat values also make the generator declare its own 'params' local.
        JavaFileObject source = source("Host", """
                @WitInterface("example:names/host@1.0.0")
                public class Host {
                    public String interfaceName(String cx, int args, long instance, String result,
                            boolean implementation, double linker, float params, short Abi, String ImportHandle,
                            String context, String function, String NO_RESULTS, int index) {
                        return cx + args + instance + result + implementation + linker + params + Abi + ImportHandle
                                + context + function + NO_RESULTS + index;
                    }
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).succeededWithoutWarnings();
        String bindings = Compilations.content(
                compilation.generatedSourceFile("com.example.Host_WitBindings").orElseThrow());
        assertTrue(bindings.contains("functions.define(\"interface-name\", INTERFACE_NAME_, new Handles(0));"),
                bindings);
        assertTrue(bindings.contains("case 0 -> new ImportHandle(context, function) {"), bindings);
        assertTrue(bindings.contains("int params_ = cx.checkRange((int) args[0], "), bindings);
        assertTrue(bindings.contains("String result_ = implementation.interfaceName(cx_, args_, instance, result,"),
                bindings);
        // every parameter that would clash with a name the handle's body reads got a fresh name; the handle
        // method's own variables (index, context, function) and other names (linker, instance) are only shadowed,
        // which the handle's class allows (the call wraps where JavaPoet breaks it)
        assertTrue(bindings.replaceAll("\\s+", " ").contains("implementation_, linker, params, Abi_, ImportHandle_, "
                + "context, function, NO_RESULTS_, index);"), bindings);
    }

    @Test
    void prereleaseInterfaceNameHasNoCompatibilityTrack() {
        JavaFileObject source = source("Host", """
                @WitInterface("example:greeter/host@1.0.0-rc.1")
                public class Host {
                    public void log(String message) {}
                }
                """);

        Compilation compilation = compile(source);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.example.Host_WitBindings")
                .contentsAsUtf8String().contains("<p>It has no compatibility track");
    }

    /** The WIT function names the bindings register, in order; the compilation must be clean. */
    private static List<String> functionNames(Compilation compilation, String bindingsClass) {
        assertThat(compilation).succeededWithoutWarnings();
        String bindings = Compilations.content(compilation.generatedSourceFile(bindingsClass).orElseThrow());
        return FUNC.matcher(bindings).results().map(match -> match.group(1)).toList();
    }
}
