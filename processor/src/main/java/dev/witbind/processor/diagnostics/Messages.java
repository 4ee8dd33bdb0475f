package dev.witbind.processor.diagnostics;

import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.parser.model.WitFunctionDef;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitTypes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
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
            + "long -> s64 (@Unsigned: u64), float -> f32, double -> f64, String -> string, byte[] -> list<u8>, "
            + "short[]/int[]/long[] -> list<s16/s32/s64> (@Unsigned: u16/u32/u64), float[]/double[]/boolean[] -> "
            + "list<f32/f64/bool>, List<T> -> list<T> (T boxed: Integer -> s32, @Unsigned Integer -> u32, ...), "
            + "Optional<T> -> option<T>, Result<T, E> -> result<T, E> (Void: no payload), a record -> record, "
            + "an enum -> enum, EnumSet<E> -> flags, a sealed interface of records -> variant, "
            + "a @WitResource class nested in the @WitInterface class -> own<r> (@Borrow: borrow<r>)";

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

    /** Two overloads of one Java method both become a WIT function (WIT has no overloading). */
    public static String overloadedFunction(String signature, String witName, String firstSignature) {
        return "'" + signature + "' becomes the WIT function '" + witName + "', which its overload '" + firstSignature
                + "' already is: WIT has no overloading, so every public method needs a name of its own. Fix: name "
                + "one overload with @WitFunction(\"...\"), rename it, or make it package-private if it is a helper "
                + "rather than a WIT function";
    }

    /** Two methods become WIT functions with the same name. */
    public static String duplicateFunctionName(String methodName, String witName, String firstMethodName,
            String firstWitName) {
        String first = firstWitName.equals(witName) ? "" : " (as '" + firstWitName + "')";
        return "method '" + methodName + "' becomes the WIT function '" + witName + "', which method '"
                + firstMethodName + "' already is" + first + ": function names in an interface must be strongly unique "
                + "(different ignoring case, and [method]r.m and [static]r.m are one name). Fix: rename one of the methods, or give one another name with @WitFunction";
    }

    /** A resource method or static function whose label is the resource's own name ({@code [method]r.r}). */
    public static String functionNamedAsItsResource(String methodName, String witName, String resource) {
        return "method '" + methodName + "' becomes the WIT function '" + witName + "', which the Component Model "
                + "names '" + resource + "': the name of the resource itself (names must be strongly unique). Fix: "
                + "rename the method, or give it another name with @WitFunction";
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
                + String.join(", ", exceptions) + ": the bindings call it from a host function, which cannot throw "
                + "checked exceptions, and a guest has no way to catch one. Fix: catch it in the method, or throw "
                + "an unchecked exception instead (it reaches the guest's caller as WitHostException)";
    }

    // ---- types ------------------------------------------------------------------------------------------------

    /** A parameter whose Java type has no WIT type. */
    public static String unsupportedParameterType(String parameterName, String methodName, String javaType,
            String fix) {
        return "parameter '" + parameterName + "' of '" + methodName + "' has the Java type '" + javaType
                + "', which has no WIT type: witbind maps " + PARAMETER_TYPES + ". Fix: " + fix + orHelper(methodName);
    }

    /** A return type that has no WIT type. */
    public static String unsupportedReturnType(String methodName, String javaType, String fix) {
        return "method '" + methodName + "' returns the Java type '" + javaType + "', which has no WIT type: "
                + "witbind maps " + RESULT_TYPES + ". Fix: " + fix + orHelper(methodName);
    }

    /** The other fix when a public method has a type WIT cannot carry: it may be a helper that is public by mistake. */
    private static String orHelper(String methodName) {
        return "; or, if '" + methodName + "' is a helper rather than a WIT function, make it package-private (every "
                + "public method of the class is a function of the interface)";
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

    /** A record component whose Java type has no WIT type. */
    public static String unsupportedComponentType(String recordName, String componentName, String javaType,
            String fix) {
        return "component '" + componentName + "' of record '" + recordName + "' has the Java type '" + javaType
                + "', which has no WIT type: witbind maps " + PARAMETER_TYPES + ". Fix: " + fix;
    }

    /** The fix for a type whose part has no WIT type. */
    public static String unsupportedPart(String partType, String fix) {
        return "its part '" + partType + "' has no WIT type: " + fix;
    }

    /** The fix for {@code Character} as a type argument. */
    public static String useWitCharInteger() {
        return "a Java Character is a UTF-16 code unit and cannot hold every Unicode scalar value; "
                + "declare '@WitChar Integer' for a WIT char";
    }

    /** The fix for an array of references, or of arrays. */
    public static String useList() {
        return "use java.util.List<T> (only arrays of primitives map to WIT lists)";
    }

    /** The fix for a raw generic type. */
    public static String rawType(String javaType) {
        return "'" + javaType + "' is a raw type, whose elements have no known WIT type; add the type argument, "
                + "e.g. " + javaType + "<String>";
    }

    /** The fix for a wildcard type argument. */
    public static String wildcard(String javaType) {
        return "the wildcard '" + javaType + "' has no one WIT type; write the type itself, without '?'";
    }

    /** The fix for a type variable. */
    public static String typeVariable(String javaType) {
        return "the type variable '" + javaType + "' has no one WIT type; use a concrete type";
    }

    /** The fix for {@code Void} outside {@code Result}. */
    public static String voidOutsideResult() {
        return "Void only marks the side of Result<T, E> that has no payload (Result<Void, E> is result<_, E>); "
                + "use another type here";
    }

    /** The fix for an interface or class that is not a supported compound type. */
    public static String useSealedInterfaceOrRecord() {
        return "use one of these types and convert in the method body; a record becomes a WIT record, and a "
                + "sealed interface whose permitted subclasses are all records becomes a WIT variant";
    }

    /** The fix for a collection type other than {@code List}. */
    public static String useListInterface(String javaType) {
        return "declare java.util.List<...> instead of '" + javaType + "' (witbind lifts a list<T> into a new List)";
    }

    /** An {@code EnumSet} of an enum that has more constants than WIT flags can hold. */
    public static String tooManyFlags(String enumName, int count) {
        return "EnumSet<" + enumName + "> would be WIT flags, but '" + enumName + "' has " + count + " constants "
                + "and WIT flags hold at most 32 (they travel as one i32). Fix: split the enum, or pass a "
                + "List<" + enumName + "> (a list of enum values) instead";
    }

    /** An enum without constants, as an enum or as flags. */
    public static String emptyEnum(String enumName) {
        return "enum '" + enumName + "' has no constants, but a WIT enum or flags type has at least one case. "
                + "Fix: add the constants";
    }

    /** A record without components used as a WIT record. */
    public static String emptyRecord(String recordName) {
        return "record '" + recordName + "' has no components, but a WIT record has at least one field. Fix: add "
                + "a component, or make the record a case of a sealed interface (a case without payload)";
    }

    /** A {@code @WitTuple} record without components. */
    public static String emptyTuple(String recordName) {
        return "@WitTuple record '" + recordName + "' has no components, but a WIT tuple has at least one "
                + "element. Fix: add a component for each element of the tuple, in order";
    }

    /** {@code @WitTuple} on a class, interface or enum. */
    public static String tupleNotRecord(String typeName) {
        return "@WitTuple is on '" + typeName + "', which is not a record: a WIT tuple is carried by a record "
                + "whose components are its elements, in order. Fix: declare '" + typeName + "' as a record, or "
                + "remove @WitTuple";
    }

    /** A plain record where the WIT has a tuple. */
    public static String addWitTuple(String recordName) {
        return "a record annotated @WitTuple whose component types carry the elements in order (a record without "
                + "@WitTuple is a WIT record, never a tuple. Fix: add @WitTuple to '" + recordName + "')";
    }

    /** A generic record or sealed interface. */
    public static String genericType(String typeName, String typeParameters) {
        return "'" + typeName + "' has the type parameters <" + typeParameters + ">: a WIT record or variant has "
                + "one fixed type, which cannot depend on a Java type variable. Fix: remove the type parameters";
    }

    /** A type the generated bindings cannot name. */
    public static String typeNotAccessible(String typeName) {
        return "'" + typeName + "' is not accessible from its package: the generated bindings, in the package of "
                + "the @WitInterface class, create and take apart its values. Fix: make it (and the classes it is "
                + "nested in) public, or package-private in the same package";
    }

    /** A record or variant that contains itself. */
    public static String recursiveType(String typeName) {
        return "'" + typeName + "' contains itself: WIT types cannot be recursive, so it has no WIT type. Fix: "
                + "flatten the structure, e.g. into a list of records that refer to each other by index";
    }

    /** A permitted subclass of a sealed interface that is not a record. */
    public static String caseNotRecord(String variantName, String caseName) {
        return "'" + caseName + "' is permitted by the sealed interface '" + variantName + "', which would be a WIT "
                + "variant, but it is not a record: each case of a variant is a record with no component (no "
                + "payload) or one (the payload). Fix: declare '" + caseName + "' as a record";
    }

    /** A case record with more than one component. */
    public static String caseWithSeveralComponents(String variantName, String caseName, int count) {
        return "record '" + caseName + "' is a case of the variant '" + variantName + "' and has " + count
                + " components, but a WIT variant case has at most one payload. Fix: wrap them in a record, e.g. "
                + "record " + simpleName(caseName) + "(" + simpleName(caseName) + "Payload payload)";
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    /** A record component, enum constant or case class whose WIT name is not a label. */
    public static String invalidMemberName(String what, String javaName, InvalidNameException problem) {
        return what + " '" + javaName + "' becomes the WIT name '" + problem.input() + "', which is invalid: "
                + problem.part() + " " + problem.reason() + ". Fix: rename it (camelCase for components and "
                + "classes, UPPER_SNAKE_CASE for enum constants, starting with an ASCII letter)";
    }

    /** Two members of a record, enum or variant with the same WIT name. */
    public static String duplicateMemberName(String what, String javaName, String witName, String firstJavaName) {
        return what + " '" + javaName + "' becomes the WIT name '" + witName + "', which '" + firstJavaName
                + "' already is: member names must be unique, ignoring case. Fix: rename one of them";
    }

    /** A marker on a part of a type where it does not fit. */
    public static String markerOnPart(String marker, String what, String partType) {
        return marker + " is on the part '" + partType + "' of the type of " + what + ", where it does not fit: "
                + "@Unsigned marks byte, short, int, long and their boxes, @WitChar marks int and Integer, "
                + "@Borrow marks a @WitResource class in a parameter. Fix: remove " + marker;
    }

    // ---- resources --------------------------------------------------------------------------------------------

    /** {@code @Borrow} on a type that is not a resource. */
    public static String borrowNotResource(String what, String javaType) {
        return "@Borrow is on " + what + " of type '" + javaType + "', which is not a @WitResource class of this "
                + "interface: only resource handles can be borrowed. Fix: remove @Borrow";
    }

    /** A borrow handle in a result. */
    public static String borrowInResult(String methodName) {
        return "the result of '" + methodName + "' contains a borrow<...> handle, but a borrow lasts only for the "
                + "call that lends it, so only parameters can borrow. Fix: remove @Borrow (the guest then owns the "
                + "returned resource)";
    }

    /** A {@code @WitResource} class that belongs to no interface class. */
    public static String resourceOutsideInterface(String what, String resourceName, String className) {
        return what + " has the type '" + resourceName + "', a @WitResource class that is not nested in a valid "
                + "@WitInterface class: a resource belongs to the interface that defines it ('" + className + "' "
                + "may use its own resources and those of other interface classes). Fix: nest the resource class in "
                + "the @WitInterface class of its interface";
    }

    /** {@code @WitResource} on a class that is not nested in a {@code @WitInterface} class. */
    public static String resourceNotNested(String resourceName) {
        return "@WitResource is on '" + resourceName + "', which is not nested in a @WitInterface class: a resource "
                + "belongs to the interface that defines it. Fix: nest it as a public class in the @WitInterface "
                + "class";
    }

    /** A resource class of the wrong kind or visibility. */
    public static String resourceShape(String resourceName, String problem) {
        return "@WitResource class '" + resourceName + "' " + problem + ": the generated bindings create its "
                + "instances, call its methods and hand out handles to them. Fix: declare it as a public, "
                + "non-abstract, non-generic class nested in the @WitInterface class";
    }

    /** A resource class with several public constructors. */
    public static String severalResourceConstructors(String resourceName) {
        return "@WitResource class '" + resourceName + "' has more than one public constructor, but a WIT resource "
                + "has at most one constructor. Fix: keep one public constructor, make the others non-public, or "
                + "add a public static factory method (a [static] function)";
    }

    /** The resource name in {@code @WitResource} is not a label. */
    public static String invalidResourceName(String resourceName, InvalidNameException problem) {
        return "@WitResource class '" + resourceName + "' becomes the WIT resource '" + problem.input()
                + "', which is invalid: " + problem.part() + " " + problem.reason() + ". Fix: "
                + problem.suggestion().map(fixed -> "write @WitResource(\"" + fixed + "\")")
                        .orElse("name it with @WitResource(\"a-label\")");
    }

    /** {@code @WitFunction("[...]r...")} naming a resource the class does not have. */
    public static String unknownResource(String methodName, String witName, String resource, List<String> known) {
        return "@WitFunction(\"" + witName + "\") on '" + methodName + "' names the resource '" + resource
                + "', but the class has " + (known.isEmpty() ? "no @WitResource classes"
                        : "only the resources " + String.join(", ", known))
                + ". Fix: nest a @WitResource class for '" + resource + "' in the class, or correct the name";
    }

    /** A {@code [constructor]r} method that does not return the resource. */
    public static String constructorMustReturnResource(String methodName, String witName, String resourceClass) {
        return "method '" + methodName + "' implements '" + witName + "', a constructor, so it must return the "
                + "resource: an own<...> handle to a new '" + resourceClass + "'. Fix: declare the return type '"
                + resourceClass + "'";
    }

    /** A {@code [method]r.m} method whose first parameter is not the resource. */
    public static String methodNeedsSelf(String methodName, String witName, String resourceClass) {
        return "method '" + methodName + "' implements '" + witName + "', a resource method, so its first "
                + "parameter is self: the borrowed '" + resourceClass + "'. Fix: declare '" + resourceClass
                + " self' as the first parameter, or implement the function as a method of the resource class";
    }

    /** {@code @WitFunction("[resource-drop]r")}. */
    public static String resourceDropReserved(String methodName, String witName) {
        return "@WitFunction(\"" + witName + "\") on '" + methodName + "': the bindings define the drop of every "
                + "resource themselves (they close an AutoCloseable resource when its owner drops it). "
                + "Fix: implement AutoCloseable in the resource class instead";
    }

    /** How the type messages name a record component. */
    public static String component(String componentName, String recordName) {
        return "component '" + componentName + "' of record '" + recordName + "'";
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

    // ---- verification against WIT ------------------------------------------------------------------------------

    /** The annotation processor option that names the WIT to verify against. */
    public static final String WIT_OPTION = "witbind.wit";

    /**
     * The two signatures, each on a line of its own (javac indents the lines after a message's first by two spaces,
     * so they line up under it).
     */
    private static String sideBySide(String wit, String java) {
        return "\nWIT:  " + wit + "\nJava: " + java;
    }

    /** The WIT the processor was pointed at does not load. */
    public static String witDoesNotLoad(String where, String witError) {
        return "the WIT in " + where + " does not load, so no @WitInterface class can be checked against it:\n"
                + witError.stripTrailing()
                + "\nFix: correct the WIT, or point witbind at other WIT with -A" + WIT_OPTION + "=<dir>"
                + " (-A" + WIT_OPTION + "= with no value turns the check off)";
    }

    /** The annotated interface is in none of the loaded WIT packages. */
    public static String interfaceNotInWit(String interfaceName, String where, boolean explicit,
            List<String> available) {
        String has = available.isEmpty() ? "no interfaces" : "only " + String.join(", ", available);
        String fix = explicit
                ? "correct the name in @WitInterface, or add the directory of its WIT package to -A" + WIT_OPTION
                        + " (several directories are separated by the path separator)"
                : "correct the name in @WitInterface, or add the interface's WIT package there (as a subdirectory "
                        + "of src/main/wit, or in its deps/), or name the WIT directories with -A" + WIT_OPTION
                        + "=<dir>";
        return "@WitInterface(\"" + interfaceName + "\") names an interface that the WIT in " + where + " does not "
                + "have: it has " + has + ". Fix: " + fix;
    }

    /** The annotation's version differs from the version of the WIT package that has the interface. */
    public static String versionMismatch(String interfaceName, List<String> witNames, String where) {
        String highest = witNames.get(witNames.size() - 1);
        return "@WitInterface(\"" + interfaceName + "\") names another version than the WIT in " + where + ":"
                + sideBySide("interface " + String.join(", ", witNames), "@WitInterface(\"" + interfaceName + "\")")
                + "\na host implements exactly the version it names, and the WIT of that version says which functions "
                + "it has. Fix: write @WitInterface(\"" + highest + "\"), or add the WIT package of "
                + "the version you implement";
    }

    /** One side names a version and the other does not. */
    public static String unversionedMismatch(String interfaceName, String witName, String where) {
        boolean javaVersioned = interfaceName.indexOf('@') >= 0;
        return "@WitInterface(\"" + interfaceName + "\") " + (javaVersioned ? "has a version" : "has no version")
                + ", but the WIT package in " + where + (javaVersioned ? " has none" : " has one") + ":"
                + sideBySide("interface " + witName, "@WitInterface(\"" + interfaceName + "\")")
                + "\nan unversioned name matches only an unversioned package. Fix: write @WitInterface(\"" + witName
                + "\"), or " + (javaVersioned ? "add the version to the WIT's package declaration"
                        : "remove the version from the WIT's package declaration");
    }

    /** A WIT function that no method implements. */
    public static String missingFunction(String className, String witName, String interfaceName, String witSignature,
            String suggestion, String where) {
        return "'" + className + "' does not implement WIT function '" + witName + "' of " + interfaceName + ":"
                + sideBySide(witSignature, "(no method)")
                + "\nevery function the interface has at its version must be implemented (only @unstable ones may "
                + "be left out). Fix: add " + suggestion + " to " + where;
    }

    /** A WIT resource that no {@code @WitResource} class implements. */
    public static String missingResource(String className, String resource, String interfaceName,
            List<String> witSignatures) {
        return "'" + className + "' has no @WitResource class for WIT resource '" + resource + "' of "
                + interfaceName + ":"
                + sideBySide("resource " + resource + (witSignatures.isEmpty() ? ""
                        : " {\n        " + String.join("\n        ", witSignatures) + "\n      }"),
                        "(no @WitResource class)")
                + "\nFix: nest a public class annotated @WitResource(\"" + resource + "\") in '" + className
                + "', with its constructor and methods";
    }

    /** A {@code @WitResource} class for a resource the interface lacks. */
    public static String extraResource(String resourceClass, String resource, String interfaceName,
            List<String> resources) {
        return "@WitResource class '" + resourceClass + "' is WIT resource '" + resource + "', which " + interfaceName
                + " does not have; it has " + (resources.isEmpty() ? "no resources"
                        : "the resources " + String.join(", ", resources)) + ":"
                + sideBySide("(no resource '" + resource + "')", "@WitResource class " + resourceClass)
                + "\nFix: name the resource as the WIT does with @WitResource(\"...\"), or remove the class";
    }

    /** A public method that is a function the interface lacks. */
    public static String extraFunction(String what, String witName, String interfaceName, String javaSignature,
            List<String> functions) {
        return what + " is WIT function '" + witName + "', which " + interfaceName + " does not have:"
                + sideBySide("(no function '" + witName + "'; the interface has "
                        + (functions.isEmpty() ? "none" : String.join(", ", functions)) + ")", javaSignature)
                + "\npublic methods are the interface's functions. Fix: name the function the method implements "
                + "with @WitFunction, make the method package-private if it is a helper, or add the function to "
                + "the WIT";
    }

    /** A method whose signature does not carry its WIT function's. */
    public static String signatureMismatch(String what, String witName, String interfaceName, String witSignature,
            String javaSignature, List<String> problems, String suggestion) {
        // When the declaration the WIT implies is the one written, the problem is inside a type: its own line says
        // what to change there, and repeating the method's signature as the fix would mislead.
        boolean sameDeclaration = suggestion.equals("'" + javaSignature + "'");
        return what + " does not match WIT function '" + witName + "' of " + interfaceName + ":"
                + sideBySide(witSignature, javaSignature) + "\n" + String.join("\n", problems)
                + (sameDeclaration ? "\nFix: change the types as said above, or correct the WIT"
                        : "\nFix: declare " + suggestion + ", or correct the WIT");
    }

    /** A signature problem: the parameter lists differ in length. */
    public static String parameterCount(List<String> witNames, List<String> javaNames) {
        return "the parameters: WIT has " + witNames.size() + " (" + String.join(", ", witNames) + "), Java has "
                + javaNames.size() + " (" + String.join(", ", javaNames) + ")";
    }

    /** A signature problem: one side has a result and the other does not. */
    public static String resultPresence(String witResult, String javaResult) {
        return "the result: " + (witResult == null ? "WIT has none, Java returns " + javaResult
                : "WIT returns " + witResult + ", Java returns nothing (void)");
    }

    /** A signature problem: a Java type that does not carry the WIT type at that place. */
    public static String notCarried(String where, String witType, String javaType, String accepted) {
        return where + ": WIT " + witType + " is not carried by Java " + javaType + " (accepted: " + accepted + ")";
    }

    /** A signature problem: the members of a record, variant, enum or flags type do not correspond. */
    public static String membersDiffer(String where, String witType, String witMembers, String javaType,
            String javaMembers) {
        return where + ": WIT " + witType + " has " + witMembers + ", Java " + javaType + " has " + javaMembers
                + " (they must correspond one to one, by kebab-case name, in order)";
    }

    /** A record whose components are as many as the WIT fields but named otherwise. */
    public static String componentsToRename(String where, String witType, String witFields, String javaType,
            List<String> renames) {
        return where + ": WIT " + witType + " has the fields " + witFields + "; record " + javaType + " has as many "
                + "components, named otherwise: rename " + String.join(", ", renames) + " (components correspond to "
                + "fields by kebab-case name, in order)";
    }

    // ---- bindings from WIT (@WitBindgen) -----------------------------------------------------------------------

    /** The world name in {@code @WitBindgen} is neither a world label nor a full world name. */
    public static String bindgenInvalidWorld(String world, String reason) {
        return "@WitBindgen(world = \"" + world + "\") is not a world name: " + reason + ". Fix: write the world's "
                + "full name, 'namespace:package/world@version' (e.g. 'example:greeter/greeter@0.2.1'), or its name "
                + "in the root package (e.g. 'greeter')";
    }

    /** No WIT to generate from: no {@code wit()}, no option, no convention directory. */
    public static String bindgenNoWit(String world) {
        return "@WitBindgen(world = \"" + world + "\") has no WIT to generate from: it has no wit() value, there is "
                + "no -A" + WIT_OPTION + ", and no src/main/wit beside the sources. Fix: add wit = \"<dir>\" (a WIT "
                + "package directory or .wit file), or put the WIT in src/main/wit";
    }

    /** The WIT that {@code @WitBindgen} names does not load. */
    public static String bindgenWitDoesNotLoad(String where, String witError) {
        return "the WIT in " + where + " does not load, so @WitBindgen cannot generate from it:\n"
                + witError.stripTrailing() + "\nFix: correct the WIT, or point wit() at other WIT";
    }

    /** The world is in none of the loaded packages. */
    public static String bindgenWorldNotFound(String world, String where, List<String> available) {
        String has = available.isEmpty() ? "no worlds" : "only " + String.join(", ", available);
        return "@WitBindgen(world = \"" + world + "\") names a world that the WIT in " + where + " does not have: it "
                + "has " + has + ". Fix: correct the world name, or add its WIT package to wit()";
    }

    /** Something bindings from WIT do not generate. */
    public static String bindgenUnsupported(String world, String what) {
        return "@WitBindgen cannot generate bindings for world " + world + ": bindings from WIT do not support "
                + what + " yet. Fix: write that part from Java, or use a world without it";
    }

    /**
     * A WIT function that witbind reads but cannot bind: WASI 0.3's {@code async}, or a type outside the synchronous
     * subset ({@code stream}, {@code future}, {@code error-context}, {@code list<T, N>}, {@code map<K, V>}).
     */
    public static String unsupportedWitFunction(String className, String function, String interfaceName,
            String signature, String what) {
        return "'" + className + "' cannot implement WIT function '" + function + "' of " + interfaceName + " ("
                + signature + "): " + what + ", which witbind does not run yet (it implements the synchronous subset "
                + "that WASI 0.2 uses). Fix: implement a version of the interface without it";
    }

    /** Why a WIT function cannot be bound, or empty: {@code async}, or the first part of a type outside the subset. */
    public static Optional<String> unsupportedPart(WitFunctionDef function) {
        if (function.async()) {
            return Optional.of("it is an async function (WASI 0.3)");
        }
        return Stream.concat(function.type().params().stream().map(WitParam::type), function.type().result().stream())
                .map(WitTypes::unsupportedPart).flatMap(Optional::stream).findFirst()
                .map(part -> "it uses '" + part + "'");
    }

    /** No WIT was found for a {@code @WitInterface} class, so it was bound as declared, unchecked. */
    public static String notCheckedAgainstWit(String className, String interfaceName, String why) {
        return "'" + className + "' was not checked against the WIT of " + interfaceName + ": " + why + "; the "
                + "interface the class declares stands. To check it, pass -A" + WIT_OPTION + "=<dir> or put the WIT "
                + "in the project's wit/ or src/main/wit/ folder (-A" + WIT_OPTION + "= turns the check and this "
                + "note off)";
    }

    /** A {@code @WitInterface} class still refers to types that do not exist when processing is over. */
    public static String unresolvedTypes(String className, List<String> types) {
        return "@WitInterface class '" + className + "' uses types that do not exist: " + String.join(", ", types)
                + " (not even after every round of annotation processing, so no @WitBindgen generates them). Fix: "
                + "correct the names or imports, or check the @WitBindgen that should generate them";
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
