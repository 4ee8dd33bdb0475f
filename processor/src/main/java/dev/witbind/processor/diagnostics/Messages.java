package dev.witbind.processor.diagnostics;

import dev.witbind.wit.names.InvalidNameException;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.ElementKind;

/**
 * Every message the processor reports, in one place so that tests can reference them. Each message says what was
 * found, the rule it breaks, and how to fix it ({@code "... Fix: ..."}).
 *
 * <p>Name problems come from the {@code wit} module's parsers ({@link InvalidNameException}'s part, reason and
 * suggestion): the processor never restates the name grammar itself.
 */
public final class Messages {
    /** The Java types a parameter may have, and their WIT types. */
    public static final String PARAMETER_TYPES = "boolean -> bool, byte -> s8 (@Unsigned: u8), "
            + "short -> s16 (@Unsigned: u16), int -> s32 (@Unsigned: u32, @WitChar: char), "
            + "long -> s64 (@Unsigned: u64), float -> f32, double -> f64, String -> string, byte[] -> list<u8>";

    /** The Java types a method may return, and their WIT results. */
    public static final String RESULT_TYPES = "void -> no result, " + PARAMETER_TYPES;

    private Messages() {}

    // ---- the annotated class ----------------------------------------------------------------------------------

    /** {@code @WitInterface} on an interface, an enum or an annotation type. */
    public static String notAClass(ElementKind kind, String name) {
        return "@WitInterface is on the " + describe(kind) + " '" + name + "', but only a class can implement a WIT "
                + "interface: the generated bindings call the methods of an instance that you register. "
                + "Fix: put @WitInterface on a class (or record) that implements the functions";
    }

    private static String describe(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "interface";
            case ENUM -> "enum";
            case ANNOTATION_TYPE -> "annotation type";
            default -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** The annotated class is not public. */
    public static String classNotPublic(String className) {
        return "class '" + className + "' is not public: its bindings are public and java.util.ServiceLoader "
                + "creates them, so the class they bind must be visible everywhere they are. "
                + "Fix: declare '" + className + "' public";
    }

    /** A class the annotated class is nested in is not public. */
    public static String enclosingClassNotPublic(String className, String enclosingName) {
        return "class '" + className + "' is nested in '" + enclosingName + "', which is not public: the bindings "
                + "must be able to name the class from anywhere. Fix: declare '" + enclosingName + "' public";
    }

    /** The annotated class is an inner (non-static nested) class. */
    public static String innerClass(String className) {
        return "class '" + className + "' is an inner class: each of its instances belongs to an instance of the "
                + "class around it, and witbind binds only top-level and static nested classes. "
                + "Fix: declare it static, or move it to the top level";
    }

    /** The annotated class is abstract. */
    public static String abstractClass(String className) {
        return "class '" + className + "' is abstract: witbind binds the methods a class declares, and an abstract "
                + "class can leave functions to subclasses that the bindings cannot see. "
                + "Fix: remove 'abstract', or put @WitInterface on the concrete subclass";
    }

    /** The annotated class has type parameters. */
    public static String genericClass(String className, String typeParameters) {
        return "class '" + className + "' has the type parameters <" + typeParameters + ">: a WIT function has one "
                + "fixed type, which cannot depend on a Java type variable. "
                + "Fix: remove the type parameters, or put @WitInterface on a non-generic subclass";
    }

    /** The class declares no method that becomes a WIT function. */
    public static String noFunctions(String className) {
        return "class '" + className + "' has no WIT functions: only public, non-static methods that the class "
                + "itself declares become functions (not inherited methods, and not Object methods or record "
                + "accessors unless they carry @WitFunction), and bindings without functions are a mistake. "
                + "Fix: add the public methods that implement the interface's functions";
    }

    // ---- the interface name -----------------------------------------------------------------------------------

    /** The interface name does not parse. */
    public static String invalidInterfaceName(InvalidNameException problem) {
        return "invalid interface name '" + problem.input() + "': " + problem.part() + " " + problem.reason()
                + ". Fix: " + problem.suggestion()
                        .map(fixed -> "write '" + fixed + "'")
                        .orElse("write 'namespace:package/interface' with an optional '@MAJOR.MINOR.PATCH', "
                                + "in lowercase kebab-case, e.g. 'example:greeter/host@0.2.1'");
    }

    /** The interface name is a plain name such as {@code greeter}. */
    public static String plainInterfaceName(String name) {
        return "'" + name + "' is a plain name, not an interface name: @WitInterface needs "
                + "'namespace:package/interface' with an optional '@version', like 'wasi:io/streams@0.2.1'. "
                + "Fix: write 'namespace:package/" + name + "' with your own namespace and package";
    }

    // ---- methods ----------------------------------------------------------------------------------------------

    /** The name in {@code @WitFunction} is not a label. */
    public static String invalidFunctionName(String methodName, InvalidNameException problem) {
        return "invalid WIT function name '" + problem.input() + "' in @WitFunction on '" + methodName + "': "
                + problem.part() + " " + problem.reason() + "; function names are kebab-case labels. Fix: write "
                + problem.suggestion().map(fixed -> "@WitFunction(\"" + fixed + "\")")
                        .orElse("a label such as @WitFunction(\"get-value\")");
    }

    /** The name derived from the method name is not a label. */
    public static String invalidDerivedFunctionName(String methodName, InvalidNameException problem) {
        return "method '" + methodName + "' becomes the WIT function '" + problem.input() + "', which is invalid: "
                + problem.part() + " " + problem.reason() + "; function names are kebab-case labels. "
                + "Fix: rename the method, or name the function with "
                + problem.suggestion().map(fixed -> "@WitFunction(\"" + fixed + "\")")
                        .orElse("@WitFunction(\"a-label\")");
    }

    /** Two methods become WIT functions with the same name. */
    public static String duplicateFunctionName(String methodName, String witName, String firstMethodName,
            String firstWitName) {
        String first = firstWitName.equals(witName) ? "" : " (as '" + firstWitName + "')";
        return "method '" + methodName + "' becomes the WIT function '" + witName + "', which method '"
                + firstMethodName + "' already is" + first + ": function names in an interface must be unique, "
                + "ignoring case. Fix: rename one of the methods, or give one another name with @WitFunction";
    }

    /** {@code @WitFunction} on a method that does not become a function. */
    public static String witFunctionIgnored(String methodName, boolean isPublic, boolean isStatic) {
        String why = !isPublic && isStatic ? "not public and static" : isStatic ? "static" : "not public";
        return "@WitFunction is on '" + methodName + "', which is " + why + ": only public instance methods become "
                + "WIT functions, so the annotation would be silently ignored. "
                + "Fix: make '" + methodName + "' a public instance method, or remove @WitFunction";
    }

    /** A method with type parameters. */
    public static String genericMethod(String methodName, String typeParameters) {
        return "method '" + methodName + "' has the type parameters <" + typeParameters + ">: a WIT function has one "
                + "fixed type, and the bindings call the method without type arguments. Fix: remove the type "
                + "parameters, or make the generic method non-public and call it from a public one";
    }

    /** A method that declares checked exceptions. */
    public static String checkedExceptions(String methodName, List<String> exceptions) {
        return "method '" + methodName + "' declares the checked exception" + (exceptions.size() == 1 ? " " : "s ")
                + String.join(", ", exceptions) + ": the bindings call it from a HostCall, which cannot throw "
                + "checked exceptions, and a guest has no way to catch one. Fix: catch it in the method, or throw "
                + "an unchecked exception instead (it reaches the guest's caller as WitHostException)";
    }

    // ---- types ------------------------------------------------------------------------------------------------

    /** A parameter whose Java type has no WIT type. */
    public static String unsupportedParameterType(String parameterName, String methodName, String javaType,
            String fix) {
        return "parameter '" + parameterName + "' of '" + methodName + "' has the Java type '" + javaType
                + "', which has no WIT type: witbind maps " + PARAMETER_TYPES + ". Fix: " + fix;
    }

    /** A return type that has no WIT type. */
    public static String unsupportedReturnType(String methodName, String javaType, String fix) {
        return "method '" + methodName + "' returns the Java type '" + javaType + "', which has no WIT type: "
                + "witbind maps " + RESULT_TYPES + ". Fix: " + fix;
    }

    /** The fix for {@code char}. */
    public static String useWitCharInt() {
        return "a Java char is a UTF-16 code unit and cannot hold every Unicode scalar value; "
                + "declare '@WitChar int' for a WIT char";
    }

    /** The fix for a boxed primitive. */
    public static String usePrimitive(String primitive) {
        return "use the primitive '" + primitive + "': WIT values are never null";
    }

    /** The fix for {@code List<Byte>}. */
    public static String useByteArray() {
        return "use 'byte[]' for a list<u8>";
    }

    /** The fix for any other type. */
    public static String useSupportedType() {
        return "use one of these types and convert in the method body";
    }

    /** {@code @Unsigned} on a type that is not {@code byte}, {@code short}, {@code int} or {@code long}. */
    public static String unsignedNotIntegral(String what, String javaType) {
        return "@Unsigned is on " + what + " of type '" + javaType + "', but only byte, short, int and long carry "
                + "unsigned integers (u8, u16, u32, u64). Fix: remove @Unsigned";
    }

    /** {@code @WitChar} on a type that is not {@code int}. */
    public static String witCharNotInt(String what, String javaType) {
        return "@WitChar is on " + what + " of type '" + javaType + "', but a WIT char is carried by an int code "
                + "point. Fix: declare it as 'int', or remove @WitChar";
    }

    /** Both {@code @Unsigned} and {@code @WitChar}. */
    public static String unsignedAndWitChar(String what) {
        return "@Unsigned and @WitChar are both on " + what + ": an int is either a u32 (@Unsigned) or a char "
                + "(@WitChar), not both. Fix: remove one of them";
    }

    /** How the type messages name a parameter. */
    public static String parameter(String parameterName, String methodName) {
        return "parameter '" + parameterName + "' of '" + methodName + "'";
    }

    /** How the type messages name a method's result. */
    public static String result(String methodName) {
        return "the result of '" + methodName + "'";
    }

    /** A parameter name that does not give a WIT label. */
    public static String invalidParameterName(String parameterName, String methodName, InvalidNameException problem) {
        return "parameter '" + parameterName + "' of '" + methodName + "' becomes the WIT parameter '"
                + problem.input() + "', which is invalid: " + problem.part() + " " + problem.reason()
                + "; parameter names are kebab-case labels. Fix: rename the parameter to a camelCase name that "
                + "starts with an ASCII letter";
    }

    /** Two parameter names that give the same WIT label. */
    public static String duplicateParameterName(String parameterName, String methodName, String witName,
            String firstParameterName) {
        return "parameter '" + parameterName + "' of '" + methodName + "' becomes the WIT parameter '" + witName
                + "', which parameter '" + firstParameterName + "' already is: parameter names of a function must "
                + "be unique. Fix: rename one of them";
    }

    // ---- the processor itself ---------------------------------------------------------------------------------

    /** Writing a generated file failed. */
    public static String couldNotWrite(String file, String reason) {
        return "could not write " + file + ": " + reason + ". Fix: check that the output directory is writable and "
                + "that no other processor writes the same file";
    }

    /** An exception inside the processor: a bug in witbind, never the user's fault. */
    public static String internalError(String processorName, String subject, Throwable exception) {
        StackTraceElement[] trace = exception.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0];
        return processorName + " failed on " + subject + " with " + exception + where + ". This is a bug in "
                + "witbind, not in your code: please report it with the class that triggered it";
    }
}
