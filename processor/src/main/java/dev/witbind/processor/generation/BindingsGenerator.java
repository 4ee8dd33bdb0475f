package dev.witbind.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.witbind.processor.model.FunctionModel;
import dev.witbind.processor.model.InterfaceModel;
import dev.witbind.processor.model.ResourceModel;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.abi.CoreSignature;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.Version;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.types.WitTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code <Class>_WitBindings} source for an {@link InterfaceModel}: one {@code ImportHandle} class per
 * function, specialised at compile time to the function's Canonical ABI signature, so that a call does no lookup,
 * no reflection and no boxing, and the engine calls it with no adapter in between.
 */
public final class BindingsGenerator {
    private static final ClassName WIT_BINDINGS = RuntimeTypes.WIT_BINDINGS;
    private static final ClassName FUNCTION_DEFINITIONS = RuntimeTypes.FUNCTION_DEFINITIONS;
    private static final ClassName IMPORT_HANDLE = RuntimeTypes.IMPORT_HANDLE;
    private static final ClassName IMPORT_HANDLE_FACTORY = RuntimeTypes.IMPORT_HANDLE_FACTORY;
    private static final ClassName LIFT_LOWER_CONTEXT = RuntimeTypes.LIFT_LOWER_CONTEXT;
    private static final ClassName ABI = RuntimeTypes.ABI;
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private static final String INTERFACE_NAME = "INTERFACE_NAME";
    private static final String FUNCTIONS_SINCE = "FUNCTIONS_SINCE";
    private static final String IMPLEMENTATION = "implementation";
    /** The parameter of {@code defineFunctions}. */
    private static final String FUNCTIONS = "functions";
    /** The record that makes every function's handles, and the static method it calls. */
    private static final String HANDLES = "Handles";
    private static final String HANDLE_METHOD = "handle";
    /** The handle method's parameters: which function, and what the {@code ImportHandle} constructor takes. */
    private static final String INDEX_PARAMETER = "index";
    private static final String CONTEXT_PARAMETER = "context";
    private static final String FUNCTION_PARAMETER = "function";
    /** What a handle's body reads: the inherited context field, the flat arguments, the shared empty result. */
    private static final String CONTEXT = "cx";
    private static final String ARGS = "args";
    private static final String NO_RESULTS = "NO_RESULTS";
    /**
     * Names a handle's body must not declare, because it reads them: the implementation (a parameter of the
     * enclosing {@code handle} method), what it inherits from {@code ImportHandle}, its own parameter, and the
     * simple names of the types it refers to (a local would obscure them). The enclosing method's other parameters
     * may be shadowed: the body lives in a class of its own and never reads them.
     */
    private static final List<String> TAKEN_IN_BODY = List.of(IMPLEMENTATION, CONTEXT, ARGS, NO_RESULTS,
            ABI.simpleName(), IMPORT_HANDLE.simpleName());

    private final String generatorName;

    /** @param generatorName what {@code @Generated} names as the generator: the processor's class name */
    public BindingsGenerator(String generatorName) {
        this.generatorName = Objects.requireNonNull(generatorName, "generatorName");
    }

    /**
     * The bindings source.
     *
     * @param originatingElements the elements the source is generated from, for incremental builds; passed to the
     *     filer untouched
     */
    public JavaFile generate(InterfaceModel model, List<? extends Element> originatingElements) {
        ClassName bindings = model.bindingsName();
        ClassName implementation = model.implementation();
        BindingsConstants typeConstants = BindingsConstants.of(model, List.of(INTERFACE_NAME, NO_RESULTS, FUNCTIONS_SINCE));
        List<String> constants = typeConstants.functionConstants();
        ValueCodeGenerator values = new ValueCodeGenerator(typeConstants);

        TypeSpec.Builder type = TypeSpec.classBuilder(bindings)
                .addJavadoc(classJavadoc(model))
                .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", generatorName).build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(WIT_BINDINGS, implementation))
                .addField(interfaceNameField(model));
        typeConstants.typeFields().forEach(type::addField);
        for (int i = 0; i < constants.size(); i++) {
            type.addField(functionTypeField(model, model.functions().get(i), constants.get(i), typeConstants));
        }
        typeConstants.dropFields().forEach(type::addField);
        type.addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("Creates the bindings; the linker does, having found them in the services index.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .build())
                .addMethod(MethodSpec.methodBuilder("implementationType")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Class.class), implementation))
                        .addStatement("return $T.class", implementation)
                        .build())
                .addMethod(MethodSpec.methodBuilder("interfaceName")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(InterfaceName.class)
                        .addStatement("return $N", INTERFACE_NAME)
                        .build())
                .addMethod(defineFunctionsMethod(model, constants, typeConstants));
        if (!model.functionsSince().isEmpty()) {
            type.addField(functionsSinceField(model)).addMethod(functionsSinceMethod());
        }
        type.addMethod(handleMethod(model, typeConstants, values))
                .addType(handlesRecord(model));
        values.helpers().forEach(type::addMethod);
        originatingElements.forEach(type::addOriginatingElement);
        return JavaFile.builder(bindings.packageName(), type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    // ---- class and constants ----------------------------------------------------------------------------------

    private static CodeBlock classJavadoc(InterfaceModel model) {
        return CodeBlock.builder()
                .add("Binds {@link $T} to the WIT interface {@code $L}.\n", model.implementation(), model.interfaceName())
                .add("\n<p>{@link #defineFunctions} defines one host function per WIT function, each calling the\n")
                .add("implementation directly; register an implementation with {@code Linker.register}. Generated by\n")
                .add("witbind from {@code @WitInterface}; edit {@link $T} instead.\n", model.implementation())
                .build();
    }

    /**
     * The interface name as a parsed value, whose track the linker reads instead of deriving it again. The processor
     * has checked the name; parsing it once more when the class initialises costs microseconds and keeps a single
     * way of making names.
     */
    private static FieldSpec interfaceNameField(InterfaceModel model) {
        FieldSpec.Builder field = FieldSpec.builder(InterfaceName.class, INTERFACE_NAME,
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        Optional<String> track = model.compatibilityTrack();
        field.addJavadoc("The interface name exactly as annotated.\n\n");
        if (track.isPresent()) {
            field.addJavadoc("<p>Its compatibility track is {@code $L}: a guest that imports another version on\n",
                            track.get())
                    .addJavadoc("this track links to the highest version a linker has on it.\n");
        } else {
            field.addJavadoc("<p>It has no compatibility track (it has no version, a {@code 0.0.x} version or a\n")
                    .addJavadoc("prerelease), so it matches only imports of exactly this name.\n");
        }
        return field.initializer("$T.parse($S)", InterfaceName.class, model.interfaceName()).build();
    }

    private static FieldSpec functionsSinceField(InterfaceModel model) {
        CodeBlock.Builder entries = CodeBlock.builder();
        model.functionsSince().forEach((function, version) -> entries.add(entries.isEmpty() ? "\n" : ",\n")
                .add("$T.entry($S, $T.parse($S))", Map.class, function, Version.class, version.toString()));
        return FieldSpec.builder(ParameterizedTypeName.get(Map.class, String.class, Version.class), FUNCTIONS_SINCE,
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The {@code @since} version of each function, from the WIT this class was checked against.\n")
                .initializer(CodeBlock.builder().add("$T.ofEntries(", Map.class).indent().indent().add(entries.build())
                        .unindent().unindent().add(")").build())
                .build();
    }

    private static MethodSpec functionsSinceMethod() {
        return MethodSpec.methodBuilder("functionsSince")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Map.class, String.class, Version.class))
                .addStatement("return $N", FUNCTIONS_SINCE)
                .build();
    }

    private static FieldSpec functionTypeField(InterfaceModel model, FunctionModel function, String constant,
            BindingsConstants typeConstants) {
        return FieldSpec.builder(WitFunctionType.class, constant, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The type of the WIT function {@code $L}, implemented by $L.\n",
                        function.witName(), Invocations.link(model, function))
                .initializer(functionType(function.witType(), typeConstants))
                .build();
    }

    /**
     * {@code WitFunctionType.of(List.of(...), result)}: the parameter list on a line of its own, and one parameter
     * per line when there are several, so that long signatures stay readable.
     */
    private static CodeBlock functionType(WitFunctionType type, BindingsConstants typeConstants) {
        List<CodeBlock> params = type.params().stream().map(param -> witParam(param, typeConstants)).toList();
        if (params.isEmpty()) {
            CodeBlock result = type.result().map(witType -> CodeBlock.of(", $L", witType(witType, typeConstants)))
                    .orElse(CodeBlock.of(""));
            return CodeBlock.of("$T.of($T.of()$L)", WitFunctionType.class, List.class, result);
        }
        CodeBlock paramList = params.size() == 1
                ? CodeBlock.of("$T.of($L)", List.class, params.get(0))
                : CodeBlock.of("$T.of(\n$>$>$L)$<$<", List.class, CodeBlock.join(params, ",\n"));
        CodeBlock resultLine = type.result()
                .map(witType -> CodeBlock.of(",\n$L", witType(witType, typeConstants)))
                .orElse(CodeBlock.of(""));
        return CodeBlock.of("$T.of(\n$>$>$L$L$<$<)", WitFunctionType.class, paramList, resultLine);
    }

    private static CodeBlock witParam(WitParam param, BindingsConstants typeConstants) {
        return CodeBlock.of("new $T($S, $L)", WitParam.class, param.name(), witType(param.type(), typeConstants));
    }

    private static CodeBlock witType(WitType type, BindingsConstants typeConstants) {
        if (type instanceof ListType list) {
            return CodeBlock.of("new $T($L)", ListType.class, witType(list.element(), typeConstants));
        }
        if (!(type instanceof PrimitiveType)) {
            return typeConstants.witType(type);
        }
        return CodeBlock.of("$T.$L", PrimitiveType.class, ((PrimitiveType) type).name());
    }

    // ---- defineFunctions --------------------------------------------------------------------------------------

    private static MethodSpec defineFunctionsMethod(InterfaceModel model, List<String> constants,
            BindingsConstants typeConstants) {
        MethodSpec.Builder define = MethodSpec.methodBuilder("defineFunctions")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ParameterizedTypeName.get(FUNCTION_DEFINITIONS, model.implementation()), FUNCTIONS);
        int index = 0;
        for (int i = 0; i < constants.size(); i++) {
            define.addStatement("$N.define($S, $N, new $N($L))", FUNCTIONS, model.functions().get(i).witName(),
                    constants.get(i), HANDLES, index++);
        }
        for (ResourceModel resource : model.resources()) {
            define.addStatement("$N.define($S, $N, new $N($L))", FUNCTIONS, resource.dropFunctionName(),
                    typeConstants.dropConstant(resource.type()), HANDLES, index++);
        }
        return define.build();
    }

    /**
     * {@code record Handles(int index) implements ImportHandleFactory<Impl>}: one factory class for every function (a
     * factory lambda per function was one more class per function, spun at registration). The linker passes the
     * implementation for the guest instance being made: the registered object, or what a factory made for it.
     */
    private static TypeSpec handlesRecord(InterfaceModel model) {
        return TypeSpec.recordBuilder(HANDLES)
                .addJavadoc("Makes the handles of function {@code $N} (in the order {@link #defineFunctions} defines "
                        + "them) for each\nguest instance that imports it.\n", INDEX_PARAMETER)
                .addModifiers(Modifier.PRIVATE)
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(int.class, INDEX_PARAMETER)
                        .build())
                .addSuperinterface(ParameterizedTypeName.get(IMPORT_HANDLE_FACTORY, model.implementation()))
                .addMethod(MethodSpec.methodBuilder("bind")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(IMPORT_HANDLE)
                        .addParameter(LIFT_LOWER_CONTEXT, CONTEXT_PARAMETER)
                        .addParameter(String.class, FUNCTION_PARAMETER)
                        .addParameter(model.implementation(), IMPLEMENTATION)
                        .addStatement("return $N($N, $N, $N, $N)", HANDLE_METHOD, INDEX_PARAMETER, IMPLEMENTATION,
                                CONTEXT_PARAMETER, FUNCTION_PARAMETER)
                        .build())
                .build();
    }

    /**
     * The handle of function {@code index} for one guest instance: an anonymous {@code ImportHandle} per function,
     * whose object holds the implementation, so that the engine calls {@code call} directly. Static, so that a
     * handle captures only the implementation. (The JVM's verifier loads every handle class when it links the
     * bindings class, that is at registration: anonymous classes loaded from the jar, cheaper than the lambdas
     * they replace.)
     */
    private static MethodSpec handleMethod(InterfaceModel model, BindingsConstants typeConstants,
            ValueCodeGenerator values) {
        CodeBlock.Builder cases = CodeBlock.builder().add("return switch ($N) {\n$>", INDEX_PARAMETER);
        int index = 0;
        for (FunctionModel function : model.functions()) {
            cases.add("case $L -> $L;\n", index++, handle(hostCallBody(function, typeConstants, values)));
        }
        for (ResourceModel resource : model.resources()) {
            CodeBlock drop = CodeBlock.builder()
                    .addStatement("$N.dropResource($N, (int) $N[0])", CONTEXT,
                            typeConstants.resourceConstant(resource.type()), ARGS)
                    .addStatement("return $N", NO_RESULTS)
                    .build();
            cases.add("case $L -> $L;\n", index++, handle(drop));
        }
        cases.add("default -> throw new $T($S + $N);\n", IllegalArgumentException.class, "no function ",
                INDEX_PARAMETER).add("$<};\n");
        return MethodSpec.methodBuilder(HANDLE_METHOD)
                .addJavadoc("The handle of function {@code $N} for one guest instance.\n", INDEX_PARAMETER)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(IMPORT_HANDLE)
                .addParameter(int.class, INDEX_PARAMETER)
                .addParameter(model.implementation(), IMPLEMENTATION)
                .addParameter(LIFT_LOWER_CONTEXT, CONTEXT_PARAMETER)
                .addParameter(String.class, FUNCTION_PARAMETER)
                .addCode(cases.build())
                .build();
    }

    /** {@code new ImportHandle(context, function) { protected long[] call(long[] args) {...} }}. */
    private static TypeSpec handle(CodeBlock body) {
        return TypeSpec.anonymousClassBuilder("$N, $N", CONTEXT_PARAMETER, FUNCTION_PARAMETER)
                .superclass(IMPORT_HANDLE)
                .addMethod(MethodSpec.methodBuilder("call")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PROTECTED)
                        .returns(long[].class)
                        .addParameter(long[].class, ARGS)
                        .addCode(body)
                        .build())
                .build();
    }

    /**
     * The body of one handle's {@code call}: lift every argument into a local named after the Java parameter, call the
     * implementation, lower the result.
     */
    private static CodeBlock hostCallBody(FunctionModel function, BindingsConstants typeConstants,
            ValueCodeGenerator values) {
        NameAllocator names = new NameAllocator();
        TAKEN_IN_BODY.forEach(names::newName);
        typeConstants.namesUsedInHandles().forEach(names::newName);
        // Java parameter names first, so that they keep their names and the helper locals give way.
        List<String> locals = function.parameters().stream().map(parameter -> names.newName(parameter.javaName()))
                .toList();

        WitFunctionType witType = function.witType();
        CoreSignature signature = CanonicalAbi.signature(witType, CanonicalAbi.Direction.LOWER);
        CodeBlock.Builder body = CodeBlock.builder();
        if (witType.params().stream().anyMatch(param -> WitTypes.liftsFromMemory(param.type()))) {
            body.addStatement("$N.beginLift()", CONTEXT); // a fresh lift budget; scalar-only calls skip it
        }
        int returnPointer;
        if (signature.paramsByPointer()) {
            String params = names.newName("params");
            body.addStatement("int $N = $N.checkRange((int) $N[0], $L, $L, $S)", params, CONTEXT, ARGS,
                    CanonicalAbi.paramsSize(witType), CanonicalAbi.paramsAlignment(witType), "the parameters");
            int[] offsets = CanonicalAbi.paramOffsets(witType);
            for (int i = 0; i < locals.size(); i++) {
                ValueType type = function.parameters().get(i).type();
                body.addStatement("$T $N = $L", type.javaType(), locals.get(i), type.isScalar()
                        ? load(type.witType(), params, offsets[i])
                        : values.load(type, params, offsets[i]));
            }
            returnPointer = 1;
        } else {
            int flatIndex = 0;
            for (int i = 0; i < locals.size(); i++) {
                ValueType type = function.parameters().get(i).type();
                int width = CanonicalAbi.flatten(type.witType()).size();
                body.addStatement("$T $N = $L", type.javaType(), locals.get(i), type.isScalar()
                        ? liftFlat(type.witType(), flatIndex)
                        : values.liftFlat(type, argumentSlots(flatIndex, width)));
                flatIndex += width;
            }
            returnPointer = flatIndex;
        }

        CodeBlock call = Invocations.call(function, locals, IMPLEMENTATION);
        // Borrowed handles are lent to the host only until the implementation returns. Only functions that borrow
        // end lends, so that the rest pay nothing for it.
        boolean borrows = witType.params().stream().anyMatch(param -> WitTypes.containsBorrow(param.type()));
        if (function.result().isEmpty()) {
            body.addStatement("$L", call);
            if (borrows) {
                body.addStatement("$N.endBorrows()", CONTEXT);
            }
            return body.addStatement("return $N", NO_RESULTS).build();
        }
        ValueType result = function.result().get();
        String resultLocal = names.newName("result");
        body.addStatement("$T $N = $L", result.javaType(), resultLocal, call);
        if (borrows) {
            body.addStatement("$N.endBorrows()", CONTEXT);
        }
        if (!result.isScalar()) {
            return compoundResult(body, result, resultLocal, returnPointer, signature, names, values);
        }
        if (signature.resultsByPointer()) {
            return body.addStatement("$N.$N((int) $N[$L], $N)", CONTEXT, storeMethod(result.witType()), ARGS,
                            returnPointer, resultLocal)
                    .addStatement("return $N", NO_RESULTS)
                    .build();
        }
        return body.addStatement("return new long[] {$L}", lowerFlat(result.witType(), resultLocal)).build();
    }

    /**
     * Lowers a compound result: stored through the checked return pointer when it flattens to several core values,
     * returned as its one core value otherwise.
     */
    private static CodeBlock compoundResult(CodeBlock.Builder body, ValueType result, String resultLocal,
            int returnPointer, CoreSignature signature, NameAllocator names, ValueCodeGenerator values) {
        String what = "the result";
        if (signature.resultsByPointer()) {
            String retptr = names.newName("retptr");
            return body.addStatement("int $N = $N.checkRange((int) $N[$L], $L, $L, $S)", retptr, CONTEXT, ARGS,
                            returnPointer, CanonicalAbi.size(result.witType()), CanonicalAbi.alignment(result.witType()),
                            "the return pointer")
                    .add(values.store(result, retptr, 0, CodeBlock.of("$N", resultLocal), what))
                    .addStatement("return $N", NO_RESULTS)
                    .build();
        }
        CodeBlock value = result.javaType().isPrimitive()
                ? CodeBlock.of("$N", resultLocal)
                : CodeBlock.of("$T.requireValue($N, $S)", ABI, resultLocal, what);
        return body.addStatement("return new long[] {$L}", values.lowerFlat(result, value)).build();
    }

    private static List<CodeBlock> argumentSlots(int from, int count) {
        List<CodeBlock> slots = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            slots.add(CodeBlock.of("$N[$L]", ARGS, i));
        }
        return slots;
    }

    /** A value from the flat arguments: {@code args[index]}, and {@code args[index + 1]} for a pointer and length. */
    private static CodeBlock liftFlat(WitType type, int index) {
        if (type instanceof ListType) {
            requireBytes(type);
            return CodeBlock.of("$N.liftBytes((int) $N[$L], (int) $N[$L])", CONTEXT, ARGS, index, ARGS, index + 1);
        }
        return switch ((PrimitiveType) type) {
            case BOOL -> CodeBlock.of("$T.liftBool($N[$L])", ABI, ARGS, index);
            case S8, U8 -> CodeBlock.of("(byte) $N[$L]", ARGS, index);
            case S16, U16 -> CodeBlock.of("(short) $N[$L]", ARGS, index);
            case S32, U32 -> CodeBlock.of("(int) $N[$L]", ARGS, index);
            case S64, U64 -> CodeBlock.of("$N[$L]", ARGS, index);
            case F32 -> CodeBlock.of("$T.liftF32($N[$L])", ABI, ARGS, index);
            case F64 -> CodeBlock.of("$T.liftF64($N[$L])", ABI, ARGS, index);
            case CHAR -> CodeBlock.of("$T.liftChar($N[$L])", ABI, ARGS, index);
            case STRING -> CodeBlock.of("$N.liftString((int) $N[$L], (int) $N[$L])", CONTEXT, ARGS, index, ARGS,
                    index + 1);
        };
    }

    /** A value from the parameter tuple in guest memory, at its offset from the checked pointer {@code params}. */
    private static CodeBlock load(WitType type, String params, int offset) {
        if (type instanceof ListType) {
            requireBytes(type);
        }
        return ValueCodeGenerator.loadScalar(type, params, offset);
    }

    /** The one flat result, as the engine's {@code long}: unsigned values zero-extended, floats as raw bits. */
    private static CodeBlock lowerFlat(WitType type, String value) {
        return switch ((PrimitiveType) type) {
            case BOOL -> CodeBlock.of("$T.lowerBool($N)", ABI, value);
            case S8, S16, S32, S64, U64 -> CodeBlock.of("$N", value);
            case U8 -> CodeBlock.of("$N & 0xFFL", value);
            case U16 -> CodeBlock.of("$N & 0xFFFFL", value);
            case U32 -> CodeBlock.of("$N & 0xFFFFFFFFL", value);
            case F32 -> CodeBlock.of("$T.lowerF32($N)", ABI, value);
            case F64 -> CodeBlock.of("$T.lowerF64($N)", ABI, value);
            case CHAR -> CodeBlock.of("$T.lowerChar($N)", ABI, value);
            case STRING -> throw new IllegalArgumentException("a string result is stored through the return pointer");
        };
    }

    /** The {@code LiftLowerContext} method that stores a result through the guest's return pointer. */
    private static String storeMethod(WitType type) {
        if (type == PrimitiveType.STRING) {
            return "storeString";
        }
        requireBytes(type);
        return "storeBytes";
    }

    /** The validator admits {@code list<u8>} ({@code byte[]}) as the only list; other lists need new runtime code. */
    private static void requireBytes(WitType type) {
        if (!(type instanceof ListType list) || list.element() != PrimitiveType.U8) {
            throw new IllegalArgumentException("no generated code for " + type + " yet: only list<u8> is supported");
        }
    }
}
