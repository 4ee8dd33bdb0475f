package dev.witbind.processor.generation;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.witbind.processor.model.Shape;
import dev.witbind.processor.model.ValueType;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.values.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Lifts and lowers the compound values of one bindings class: records, variants, enums, flags, options, results,
 * lists and resource handles. Each type gets private static helper methods, generated once per bindings class and
 * named after the type ({@code liftEntry}, {@code loadEntry}, {@code storeEntry}, {@code liftListOfEntry}, ...),
 * that spell out its Canonical ABI layout with the offsets and flat positions computed here, at compile time: a call
 * does no lookup, no reflection and interprets no type descriptor.
 *
 * <p>Three forms, as in {@code CanonicalABI.md}: <em>flat</em> ({@code lift_flat}: core values, a {@code long} each
 * in the engine's convention, an {@code i32} in the low bits, floats as raw bits), <em>memory</em>
 * ({@code load}/{@code store} at a checked address), and the one flat result ({@code lower_flat} of a type that
 * flattens to a single value). A variant's payload shares the joined flat slots of all its cases; because every slot
 * is a {@code long} holding raw bits, the spec's bit-casts ({@code i32} from {@code i64}: the low bits; {@code f32}
 * from {@code i32}/{@code i64}: {@code Float.intBitsToFloat} of the low bits; {@code f64} from {@code i64}:
 * {@code Double.longBitsToDouble}) are exactly the conversions each payload type applies to its own slots.
 */
final class ValueCodeGenerator {
    private static final ClassName LIFT_LOWER_CONTEXT = RuntimeTypes.LIFT_LOWER_CONTEXT;
    private static final ClassName ABI = RuntimeTypes.ABI;
    private static final ClassName WIT_TRAP = RuntimeTypes.WIT_TRAP_EXCEPTION;
    private static final ClassName HOST_VALUE = RuntimeTypes.HOST_VALUE_EXCEPTION;
    private static final ClassName RESULT = ClassName.get(Result.class);
    private static final ClassName OK = RESULT.nestedClass("Ok");
    private static final ClassName ERR = RESULT.nestedClass("Err");
    private static final ClassName LIST = ClassName.get("java.util", "List");
    private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
    private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    private static final ClassName ENUM_SET = ClassName.get("java.util", "EnumSet");
    private static final String CX = "cx";
    private static final String PTR = "ptr";
    private static final String LEN = "len";
    private static final String VALUE = "value";

    private final BindingsConstants constants;
    private final NameAllocator helperNames = new NameAllocator();
    private final Map<HelperKey, String> helperByKey = new HashMap<>();
    /** The helpers in the order they were first asked for; a slot is reserved before its body is generated. */
    private final List<MethodSpec> helpers = new ArrayList<>();

    ValueCodeGenerator(BindingsConstants constants) {
        this.constants = constants;
    }

    private record HelperKey(String kind, ValueType type) {}

    /** The helper methods generated so far. */
    List<MethodSpec> helpers() {
        return List.copyOf(helpers);
    }

    // ---- flat lifting (parameters) ----------------------------------------------------------------------------

    /**
     * A value lifted from its flat core values, e.g. {@code liftEntry(cx, args[0], args[1], ...)}.
     *
     * @param slots one expression of type {@code long} per core value of {@code CanonicalAbi.flatten(type)}
     */
    CodeBlock liftFlat(ValueType type, List<CodeBlock> slots) {
        Shape shape = type.shape();
        WitType witType = type.witType();
        if (shape instanceof Shape.Scalar) {
            return liftScalarFlat(witType, slots);
        }
        if (shape instanceof Shape.PrimitiveArray || shape instanceof Shape.ListOf) {
            return CodeBlock.of("$N($N, (int) $L, (int) $L)", listLifter(type), CX, slots.get(0), slots.get(1));
        }
        if (shape instanceof Shape.Handle handle) {
            return liftHandle(type, handle, CodeBlock.of("(int) $L", slots.get(0)));
        }
        if (shape instanceof Shape.Enum) {
            return CodeBlock.of("$N((int) $L)", enumLifter(type), slots.get(0));
        }
        if (shape instanceof Shape.Flags) {
            return CodeBlock.of("$N((int) $L)", flagsLifter(type), slots.get(0));
        }
        return CodeBlock.of("$N($N, $L)", flatLifter(type), CX, CodeBlock.join(slots, ",$W"));
    }

    private static CodeBlock liftScalarFlat(WitType type, List<CodeBlock> slots) {
        CodeBlock slot = slots.get(0);
        if (type instanceof ListType) {
            return CodeBlock.of("$N.liftBytes((int) $L, (int) $L)", CX, slot, slots.get(1));
        }
        return switch ((PrimitiveType) type) {
            case BOOL -> CodeBlock.of("$T.liftBool($L)", ABI, slot);
            case S8, U8 -> CodeBlock.of("(byte) $L", slot);
            case S16, U16 -> CodeBlock.of("(short) $L", slot);
            case S32, U32 -> CodeBlock.of("(int) $L", slot);
            case S64, U64 -> slot;
            case F32 -> CodeBlock.of("$T.liftF32($L)", ABI, slot);
            case F64 -> CodeBlock.of("$T.liftF64($L)", ABI, slot);
            case CHAR -> CodeBlock.of("$T.liftChar($L)", ABI, slot);
            case STRING -> CodeBlock.of("$N.liftString((int) $L, (int) $L)", CX, slot, slots.get(1));
        };
    }

    private CodeBlock liftHandle(ValueType type, Shape.Handle handle, CodeBlock index) {
        HandleType handleType = (HandleType) type.witType();
        String method = handleType.ownership() == HandleType.Ownership.OWN ? "liftOwn" : "liftBorrow";
        return CodeBlock.of("($T) $N.$N($N, $L)", handle.resourceClass(), CX, method,
                constants.resourceConstant(handleType.resource()), index);
    }

    // ---- loading (parameters through memory, list elements, nested values) ------------------------------------

    /** A value loaded from guest memory at {@code base + offset}, an address the caller has checked. */
    CodeBlock load(ValueType type, String base, int offset) {
        Shape shape = type.shape();
        WitType witType = type.witType();
        CodeBlock address = address(base, offset);
        if (shape instanceof Shape.Scalar) {
            return loadScalar(witType, base, offset);
        }
        if (shape instanceof Shape.PrimitiveArray || shape instanceof Shape.ListOf) {
            return CodeBlock.of("$N($N, $N.loadI32($L), $N.loadI32($L))", listLifter(type), CX, CX, address, CX,
                    address(base, offset + 4));
        }
        if (shape instanceof Shape.Handle handle) {
            return liftHandle(type, handle, CodeBlock.of("$N.loadI32($L)", CX, address));
        }
        if (shape instanceof Shape.Enum enumShape) {
            return CodeBlock.of("$N($L)", enumLifter(type),
                    loadDiscriminant(CanonicalAbi.discriminantSize(enumShape.constants().size()), address));
        }
        if (shape instanceof Shape.Flags) {
            return CodeBlock.of("$N($L)", flagsLifter(type), loadFlags((FlagsType) witType, address));
        }
        return CodeBlock.of("$N($N, $L)", loader(type), CX, address);
    }

    /** A scalar, string or {@code list<u8>} at {@code base + offset}; shared with the bindings' parameter tuple. */
    static CodeBlock loadScalar(WitType type, String base, int offset) {
        CodeBlock address = address(base, offset);
        if (type instanceof ListType) {
            return CodeBlock.of("$N.liftBytes($N.loadI32($L), $N.loadI32($L))", CX, CX, address, CX,
                    address(base, offset + 4));
        }
        return switch ((PrimitiveType) type) {
            case BOOL -> CodeBlock.of("$T.liftBool($N.loadI8($L))", ABI, CX, address);
            case S8, U8 -> CodeBlock.of("$N.loadI8($L)", CX, address);
            case S16, U16 -> CodeBlock.of("$N.loadI16($L)", CX, address);
            case S32, U32 -> CodeBlock.of("$N.loadI32($L)", CX, address);
            case S64, U64 -> CodeBlock.of("$N.loadI64($L)", CX, address);
            case F32 -> CodeBlock.of("$T.liftF32($N.loadI32($L))", ABI, CX, address);
            case F64 -> CodeBlock.of("$T.liftF64($N.loadI64($L))", ABI, CX, address);
            case CHAR -> CodeBlock.of("$T.liftChar($N.loadI32($L))", ABI, CX, address);
            case STRING -> CodeBlock.of("$N.liftString($N.loadI32($L), $N.loadI32($L))", CX, CX, address, CX,
                    address(base, offset + 4));
        };
    }

    /** An unsigned discriminant of 1, 2 or 4 bytes ({@code load_int}). */
    private static CodeBlock loadDiscriminant(int size, CodeBlock address) {
        return switch (size) {
            case 1 -> CodeBlock.of("$N.loadI8($L) & 0xFF", CX, address);
            case 2 -> CodeBlock.of("$N.loadI16($L) & 0xFFFF", CX, address);
            default -> CodeBlock.of("$N.loadI32($L)", CX, address);
        };
    }

    private static CodeBlock loadFlags(FlagsType flags, CodeBlock address) {
        return switch (CanonicalAbi.size(flags)) {
            case 1 -> CodeBlock.of("$N.loadI8($L)", CX, address);
            case 2 -> CodeBlock.of("$N.loadI16($L)", CX, address);
            default -> CodeBlock.of("$N.loadI32($L)", CX, address);
        };
    }

    private static CodeBlock address(String base, int offset) {
        return offset == 0 ? CodeBlock.of("$N", base) : CodeBlock.of("$N + $L", base, offset);
    }

    // ---- storing (results through the return pointer, list elements, nested values) --------------------------

    /**
     * Statements that store {@code value} at {@code base + offset}, an address inside checked memory.
     *
     * @param what how a {@code null} value is described to the host developer ({@code "field 'key' of record
     *     entry"}); {@code null} when the value cannot be {@code null} (a primitive, {@code Optional.get()})
     */
    CodeBlock store(ValueType type, String base, int offset, CodeBlock value, String what) {
        Shape shape = type.shape();
        WitType witType = type.witType();
        CodeBlock address = address(base, offset);
        CodeBlock checked = what != null && !type.javaType().isPrimitive()
                ? CodeBlock.of("$T.requireValue($L,$W$S)", ABI, value, what)
                : value;
        if (shape instanceof Shape.Scalar) {
            return storeScalar(type, address, checked);
        }
        if (shape instanceof Shape.Handle) {
            return CodeBlock.of("$N.storeI32($L, $L);\n", CX, address, lowerHandle(type, checked));
        }
        if (shape instanceof Shape.Enum enumShape) {
            return storeDiscriminant(CanonicalAbi.discriminantSize(enumShape.constants().size()), address,
                    CodeBlock.of("$L.ordinal()", checked));
        }
        if (shape instanceof Shape.Flags) {
            CodeBlock bits = CodeBlock.of("$N($L)", flagsLowerer(type), checked);
            return switch (CanonicalAbi.size(witType)) {
                case 1 -> CodeBlock.of("$N.storeI8($L, (byte) $L);\n", CX, address, bits);
                case 2 -> CodeBlock.of("$N.storeI16($L, (short) $L);\n", CX, address, bits);
                default -> CodeBlock.of("$N.storeI32($L, $L);\n", CX, address, bits);
            };
        }
        return CodeBlock.of("$N($N, $L, $L);\n", storer(type), CX, address, checked);
    }

    private CodeBlock storeScalar(ValueType type, CodeBlock address, CodeBlock value) {
        if (type.witType() instanceof ListType) {
            return CodeBlock.of("$N($N, $L, $L);\n", bytesStorer(), CX, address, value);
        }
        return switch ((PrimitiveType) type.witType()) {
            case BOOL -> CodeBlock.of("$N.storeI8($L, (byte) ($L ? 1 : 0));\n", CX, address, value);
            case S8, U8 -> CodeBlock.of("$N.storeI8($L, $L);\n", CX, address, value);
            case S16, U16 -> CodeBlock.of("$N.storeI16($L, $L);\n", CX, address, value);
            case S32, U32 -> CodeBlock.of("$N.storeI32($L, $L);\n", CX, address, value);
            case S64, U64 -> CodeBlock.of("$N.storeI64($L, $L);\n", CX, address, value);
            case F32 -> CodeBlock.of("$N.storeI32($L, (int) $T.lowerF32($L));\n", CX, address, ABI, value);
            case F64 -> CodeBlock.of("$N.storeI64($L, $T.lowerF64($L));\n", CX, address, ABI, value);
            case CHAR -> CodeBlock.of("$N.storeI32($L, (int) $T.lowerChar($L));\n", CX, address, ABI, value);
            case STRING -> CodeBlock.of("$N($N, $L, $L);\n", stringStorer(), CX, address, value);
        };
    }

    private static CodeBlock storeDiscriminant(int size, CodeBlock address, CodeBlock discriminant) {
        return switch (size) {
            case 1 -> CodeBlock.of("$N.storeI8($L, (byte) $L);\n", CX, address, discriminant);
            case 2 -> CodeBlock.of("$N.storeI16($L, (short) $L);\n", CX, address, discriminant);
            default -> CodeBlock.of("$N.storeI32($L, $L);\n", CX, address, discriminant);
        };
    }

    private CodeBlock lowerHandle(ValueType type, CodeBlock value) {
        HandleType handle = (HandleType) type.witType();
        if (handle.ownership() != HandleType.Ownership.OWN) {
            throw new IllegalArgumentException("a borrow handle cannot be lowered: " + type.witType());
        }
        return CodeBlock.of("$N.lowerOwn($N, $L)", CX, constants.resourceConstant(handle.resource()), value);
    }

    // ---- the one flat result ----------------------------------------------------------------------------------

    /**
     * The single core value of a result that flattens to one value (an enum, flags, an own handle, a record of one
     * such field, a variant without payloads), as the engine's {@code long}.
     *
     * @param value an expression that is not {@code null}
     */
    CodeBlock lowerFlat(ValueType type, CodeBlock value) {
        Shape shape = type.shape();
        if (shape instanceof Shape.Scalar) {
            return switch ((PrimitiveType) type.witType()) {
                case BOOL -> CodeBlock.of("$T.lowerBool($L)", ABI, value);
                case S8, S16, S32, S64, U64 -> value;
                case U8 -> CodeBlock.of("$L & 0xFFL", value);
                case U16 -> CodeBlock.of("$L & 0xFFFFL", value);
                case U32 -> CodeBlock.of("$L & 0xFFFFFFFFL", value);
                case F32 -> CodeBlock.of("$T.lowerF32($L)", ABI, value);
                case F64 -> CodeBlock.of("$T.lowerF64($L)", ABI, value);
                case CHAR -> CodeBlock.of("$T.lowerChar($L)", ABI, value);
                case STRING -> throw new IllegalArgumentException("a string flattens to two values");
            };
        }
        if (shape instanceof Shape.Enum) {
            return CodeBlock.of("$L.ordinal()", value);
        }
        if (shape instanceof Shape.Flags) {
            return CodeBlock.of("$N($L) & 0xFFFFFFFFL", flagsLowerer(type), value);
        }
        if (shape instanceof Shape.Handle) {
            return lowerHandle(type, value);
        }
        if (shape instanceof Shape.Record record && record.fields().size() == 1) {
            Shape.Field field = record.fields().get(0);
            CodeBlock component = CodeBlock.of("$L.$N()", value, field.accessor());
            if (!field.type().javaType().isPrimitive()) {
                component = CodeBlock.of("$T.requireValue($L,$W$S)", ABI, component, fieldWhat(type, field));
            }
            return lowerFlat(field.type(), component);
        }
        if ((shape instanceof Shape.Variant || shape instanceof Shape.Result)
                && CanonicalAbi.flatten(type.witType()).size() == 1) {
            return CodeBlock.of("$N($L)", discriminator(type), value);
        }
        throw new IllegalArgumentException(type.witType() + " does not flatten to one core value");
    }

    // ---- helper methods ---------------------------------------------------------------------------------------

    /** The helper of {@code kind} for {@code type}, generating it on first use. */
    private String helper(String kind, ValueType type, HelperBody body) {
        HelperKey key = new HelperKey(kind, type);
        String existing = helperByKey.get(key);
        if (existing != null) {
            return existing;
        }
        String name = helperNames.newName(kind + baseName(type));
        helperByKey.put(key, name);
        int slot = helpers.size();
        helpers.add(null);
        helpers.set(slot, body.build(MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC))
                .build());
        return name;
    }

    private interface HelperBody {
        MethodSpec.Builder build(MethodSpec.Builder method);
    }

    /** {@code Entry}, {@code ListOfEntry}, {@code OptionOfBytes}, {@code ResultOfU64OrErrorCode}, ... */
    private static String baseName(ValueType type) {
        Shape shape = type.shape();
        if (shape instanceof Shape.Scalar) {
            return type.witType() instanceof ListType ? "Bytes" : capitalize(type.witType().toString());
        }
        if (shape instanceof Shape.PrimitiveArray) {
            return capitalize(((ListType) type.witType()).element().toString()) + "Array";
        }
        if (shape instanceof Shape.ListOf list) {
            return "ListOf" + baseName(list.element());
        }
        if (shape instanceof Shape.Option option) {
            return "OptionOf" + baseName(option.some());
        }
        if (shape instanceof Shape.Result result) {
            return "ResultOf" + result.ok().map(ValueCodeGenerator::baseName).orElse("Void") + "Or"
                    + result.err().map(ValueCodeGenerator::baseName).orElse("Void");
        }
        if (shape instanceof Shape.Flags flags) {
            return flags.enumClass().simpleName() + "Flags";
        }
        if (shape instanceof Shape.Handle handle) {
            boolean own = ((HandleType) type.witType()).ownership() == HandleType.Ownership.OWN;
            return (own ? "Own" : "Borrow") + handle.resourceClass().simpleName();
        }
        return ((ClassName) type.javaType()).simpleName();
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static MethodSpec.Builder slotParameters(MethodSpec.Builder method, int count) {
        method.addParameter(LIFT_LOWER_CONTEXT, CX);
        for (int i = 0; i < count; i++) {
            method.addParameter(TypeName.LONG, "a" + i);
        }
        return method;
    }

    private static List<CodeBlock> slotNames(int from, int count) {
        List<CodeBlock> slots = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            slots.add(CodeBlock.of("$N", "a" + i));
        }
        return slots;
    }

    /** {@code liftX(cx, a0, a1, ...)}: a record, variant, option or result from its flat values. */
    private String flatLifter(ValueType type) {
        return helper("lift", type, method -> {
            int count = CanonicalAbi.flatten(type.witType()).size();
            slotParameters(method, count).returns(type.javaType());
            Shape shape = type.shape();
            if (shape instanceof Shape.Record record) {
                NameAllocator locals = locals(count);
                List<CodeBlock> arguments = new ArrayList<>();
                int slot = 0;
                for (Shape.Field field : record.fields()) {
                    int width = CanonicalAbi.flatten(field.type().witType()).size();
                    String local = locals.newName(field.accessor());
                    method.addStatement("$T $N = $L", field.type().javaType(), local,
                            liftFlat(field.type(), slotNames(slot, width)));
                    arguments.add(CodeBlock.of("$N", local));
                    slot += width;
                }
                return method.addStatement("return new $T($L)", type.javaType(), CodeBlock.join(arguments, ", "));
            }
            List<Optional<ValueType>> payloads = payloads(type);
            List<CodeBlock> arms = new ArrayList<>();
            for (int i = 0; i < payloads.size(); i++) {
                Optional<CodeBlock> payload = payloads.get(i).map(payloadType -> liftFlat(payloadType,
                        slotNames(1, CanonicalAbi.flatten(payloadType.witType()).size())));
                arms.add(CodeBlock.of("case $L -> $L;\n", i, construct(type, i, payload)));
            }
            return method.addCode(CodeBlock.builder()
                    .add("return switch ((int) a0) {\n$>")
                    .add(CodeBlock.join(arms, ""))
                    .add("default -> throw $L;\n", invalidDiscriminant(type, CodeBlock.of("(int) a0")))
                    .add("$<};\n")
                    .build());
        });
    }

    /** {@code loadX(cx, ptr)}: a record, variant, option or result from guest memory. */
    private String loader(ValueType type) {
        return helper("load", type, method -> {
            method.addParameter(LIFT_LOWER_CONTEXT, CX).addParameter(TypeName.INT, PTR).returns(type.javaType());
            Shape shape = type.shape();
            if (shape instanceof Shape.Record record) {
                NameAllocator locals = new NameAllocator();
                locals.newName(CX);
                locals.newName(PTR);
                int[] offsets = CanonicalAbi.fieldOffsets(CanonicalAbi.fieldTypes(type.witType()));
                List<CodeBlock> arguments = new ArrayList<>();
                for (int i = 0; i < record.fields().size(); i++) {
                    Shape.Field field = record.fields().get(i);
                    String local = locals.newName(field.accessor());
                    method.addStatement("$T $N = $L", field.type().javaType(), local,
                            load(field.type(), PTR, offsets[i]));
                    arguments.add(CodeBlock.of("$N", local));
                }
                return method.addStatement("return new $T($L)", type.javaType(), CodeBlock.join(arguments, ", "));
            }
            List<Optional<ValueType>> payloads = payloads(type);
            int payloadOffset = CanonicalAbi.payloadOffset(type.witType());
            List<CodeBlock> arms = new ArrayList<>();
            for (int i = 0; i < payloads.size(); i++) {
                Optional<CodeBlock> payload = payloads.get(i).map(payloadType -> load(payloadType, PTR, payloadOffset));
                arms.add(CodeBlock.of("case $L -> $L;\n", i, construct(type, i, payload)));
            }
            method.addStatement("int discriminant = $L",
                    loadDiscriminant(CanonicalAbi.discriminantSize(payloads.size()), CodeBlock.of("$N", PTR)));
            return method.addCode(CodeBlock.builder()
                    .add("return switch (discriminant) {\n$>")
                    .add(CodeBlock.join(arms, ""))
                    .add("default -> throw $L;\n", invalidDiscriminant(type, CodeBlock.of("discriminant")))
                    .add("$<};\n")
                    .build());
        });
    }

    private static NameAllocator locals(int slots) {
        NameAllocator locals = new NameAllocator();
        locals.newName(CX);
        for (int i = 0; i < slots; i++) {
            locals.newName("a" + i);
        }
        return locals;
    }

    /** The payload type of each case of a variant, option or result, in case order. */
    private static List<Optional<ValueType>> payloads(ValueType type) {
        Shape shape = type.shape();
        if (shape instanceof Shape.Variant variant) {
            return variant.cases().stream().map(c -> c.payload().map(Shape.Field::type)).toList();
        }
        if (shape instanceof Shape.Option option) {
            return List.of(Optional.empty(), Optional.of(option.some()));
        }
        Shape.Result result = (Shape.Result) shape;
        return List.of(result.ok(), result.err());
    }

    /** The Java value of case {@code index} with its lifted payload. */
    private static CodeBlock construct(ValueType type, int index, Optional<CodeBlock> payload) {
        Shape shape = type.shape();
        if (shape instanceof Shape.Variant variant) {
            return CodeBlock.of("new $T($L)", variant.cases().get(index).caseClass(), payload.orElse(CodeBlock.of("")));
        }
        if (shape instanceof Shape.Option) {
            return payload.map(some -> CodeBlock.of("$T.of($L)", OPTIONAL, some))
                    .orElseGet(() -> CodeBlock.of("$T.empty()", OPTIONAL));
        }
        return CodeBlock.of("$T.$N($L)", RESULT, index == 0 ? "ok" : "err", payload.orElse(CodeBlock.of("null")));
    }

    /** {@code new WitTrapException("invalid discriminant 7 for variant query (4 cases)")}. */
    private static CodeBlock invalidDiscriminant(ValueType type, CodeBlock discriminant) {
        int cases = type.shape() instanceof Shape.Enum enumShape
                ? enumShape.constants().size()
                : CanonicalAbi.caseTypes(type.witType()).size();
        String kind = type.shape() instanceof Shape.Variant ? "variant "
                : type.shape() instanceof Shape.Enum ? "enum " : "";
        return CodeBlock.of("new $T($S +$W$T.toUnsignedString($L) +$W$S)", WIT_TRAP, "invalid discriminant ",
                Integer.class, discriminant, " for " + kind + type.witType() + " (" + cases + " cases)");
    }

    /** {@code liftX(discriminant)}: an enum constant by its ordinal. */
    private String enumLifter(ValueType type) {
        return helper("lift", type, method -> {
            Shape.Enum shape = (Shape.Enum) type.shape();
            method.addParameter(TypeName.INT, "discriminant").returns(type.javaType());
            CodeBlock.Builder body = CodeBlock.builder().add("return switch (discriminant) {\n$>");
            for (int i = 0; i < shape.constants().size(); i++) {
                body.add("case $L -> $T.$N;\n", i, type.javaType(), shape.constants().get(i));
            }
            body.add("default -> throw $L;\n", invalidDiscriminant(type, CodeBlock.of("discriminant")));
            return method.addCode(body.add("$<};\n").build());
        });
    }

    /** {@code liftXFlags(bits)}: the set of the constants whose bits are set; undeclared bits are ignored. */
    private String flagsLifter(ValueType type) {
        return helper("lift", type, method -> {
            Shape.Flags shape = (Shape.Flags) type.shape();
            method.addParameter(TypeName.INT, "bits").returns(type.javaType())
                    .addStatement("$T set = $T.noneOf($T.class)", type.javaType(), ENUM_SET, shape.enumClass());
            for (int i = 0; i < shape.constants().size(); i++) {
                method.beginControlFlow("if ((bits & 0x$L) != 0)", Integer.toHexString(1 << i).toUpperCase())
                        .addStatement("set.add($T.$N)", shape.enumClass(), shape.constants().get(i))
                        .endControlFlow();
            }
            return method.addStatement("return set");
        });
    }

    /** {@code lowerXFlags(set)}: bit {@code i} for the constant with ordinal {@code i}. */
    private String flagsLowerer(ValueType type) {
        return helper("lower", type, method -> {
            Shape.Flags shape = (Shape.Flags) type.shape();
            return method.addParameter(type.javaType(), VALUE).returns(TypeName.INT)
                    .addStatement("int bits = 0")
                    .beginControlFlow("for ($T flag : $N)", shape.enumClass(), VALUE)
                    .addStatement("bits |= 1 << flag.ordinal()")
                    .endControlFlow()
                    .addStatement("return bits");
        });
    }

    /** {@code discriminantOfX(value)}: the case index of a variant or result without payloads. */
    private String discriminator(ValueType type) {
        return helper("discriminantOf", type, method -> {
            method.addParameter(type.javaType(), VALUE).returns(TypeName.INT);
            if (type.shape() instanceof Shape.Result) {
                return method.addStatement("return $N.isOk() ? 0 : 1", VALUE);
            }
            List<Shape.Case> cases = ((Shape.Variant) type.shape()).cases();
            for (int i = 0; i < cases.size(); i++) {
                method.beginControlFlow("if ($N instanceof $T)", VALUE, cases.get(i).caseClass())
                        .addStatement("return $L", i)
                        .endControlFlow();
            }
            return method.addStatement("throw $L", notACase(type));
        });
    }

    private static CodeBlock notACase(ValueType type) {
        return CodeBlock.of("new $T($S +$W$N.getClass().getName() +$W$S)", HOST_VALUE, "returned an instance of ",
                VALUE, ", which is not a case of variant " + type.witType() + " (recompile the bindings)");
    }

    /** {@code storeX(cx, ptr, value)}: a record, variant, option, result or list into guest memory. */
    private String storer(ValueType type) {
        return helper("store", type, method -> {
            method.addParameter(LIFT_LOWER_CONTEXT, CX).addParameter(TypeName.INT, PTR)
                    .addParameter(type.javaType(), VALUE);
            Shape shape = type.shape();
            if (shape instanceof Shape.Record record) {
                int[] offsets = CanonicalAbi.fieldOffsets(CanonicalAbi.fieldTypes(type.witType()));
                for (int i = 0; i < record.fields().size(); i++) {
                    Shape.Field field = record.fields().get(i);
                    method.addCode(store(field.type(), PTR, offsets[i],
                            CodeBlock.of("$N.$N()", VALUE, field.accessor()), fieldWhat(type, field)));
                }
                return method;
            }
            if (shape instanceof Shape.ListOf || shape instanceof Shape.PrimitiveArray) {
                return storeList(method, type);
            }
            int discriminantSize = CanonicalAbi.discriminantSize(CanonicalAbi.caseTypes(type.witType()).size());
            int payloadOffset = CanonicalAbi.payloadOffset(type.witType());
            CodeBlock at = CodeBlock.of("$N", PTR);
            if (shape instanceof Shape.Option option) {
                return method.beginControlFlow("if ($N.isPresent())", VALUE)
                        .addCode(storeDiscriminant(discriminantSize, at, CodeBlock.of("1")))
                        .addCode(store(option.some(), PTR, payloadOffset, CodeBlock.of("$N.get()", VALUE), null))
                        .nextControlFlow("else")
                        .addCode(storeDiscriminant(discriminantSize, at, CodeBlock.of("0")))
                        .endControlFlow();
            }
            if (shape instanceof Shape.Result result) {
                TypeName[] arguments = ((ParameterizedTypeName) type.javaType()).typeArguments().toArray(new TypeName[0]);
                if (result.ok().isPresent()) {
                    method.beginControlFlow("if ($N instanceof $T ok)", VALUE, ParameterizedTypeName.get(OK, arguments))
                            .addCode(storeDiscriminant(discriminantSize, at, CodeBlock.of("0")))
                            .addCode(store(result.ok().get(), PTR, payloadOffset, CodeBlock.of("ok.value()"),
                                    "the ok value of " + type.witType()));
                } else {
                    method.beginControlFlow("if ($N.isOk())", VALUE)
                            .addCode(storeDiscriminant(discriminantSize, at, CodeBlock.of("0")));
                }
                method.nextControlFlow("else");
                if (result.err().isPresent()) {
                    TypeName errType = ParameterizedTypeName.get(ERR, arguments);
                    method.addStatement("$T err = ($T) $N", errType, errType, VALUE)
                            .addCode(storeDiscriminant(discriminantSize, at, CodeBlock.of("1")))
                            .addCode(store(result.err().get(), PTR, payloadOffset, CodeBlock.of("err.error()"),
                                    "the error value of " + type.witType()));
                } else {
                    method.addCode(storeDiscriminant(discriminantSize, at, CodeBlock.of("1")));
                }
                return method.endControlFlow();
            }
            List<Shape.Case> cases = ((Shape.Variant) shape).cases();
            for (int i = 0; i < cases.size(); i++) {
                Shape.Case c = cases.get(i);
                if (i == 0) {
                    method.beginControlFlow("if ($N instanceof $T c)", VALUE, c.caseClass());
                } else {
                    method.nextControlFlow("else if ($N instanceof $T c)", VALUE, c.caseClass());
                }
                method.addCode(storeDiscriminant(discriminantSize, at, CodeBlock.of("$L", i)));
                c.payload().ifPresent(field -> method.addCode(store(field.type(), PTR, payloadOffset,
                        CodeBlock.of("c.$N()", field.accessor()),
                        "the payload of case " + c.witName() + " of variant " + type.witType())));
            }
            return method.nextControlFlow("else")
                    .addStatement("throw $L", notACase(type))
                    .endControlFlow();
        });
    }

    private static String fieldWhat(ValueType record, Shape.Field field) {
        if (record.witType() instanceof TupleType && record.shape() instanceof Shape.Record shape) {
            return "element " + shape.fields().indexOf(field) + " of " + record.witType();
        }
        return "field '" + field.witName() + "' of record " + record.witType();
    }

    /** Allocates the elements with {@code cabi_realloc}, stores each, then stores {@code (data, len)} at ptr. */
    private MethodSpec.Builder storeList(MethodSpec.Builder method, ValueType type) {
        ListType listType = (ListType) type.witType();
        int size = CanonicalAbi.size(listType.element());
        int alignment = CanonicalAbi.alignment(listType.element());
        boolean array = type.shape() instanceof Shape.PrimitiveArray;
        method.addStatement("int $N = $N.$L", LEN, VALUE, array ? "length" : "size()")
                .addStatement("int data = $N.allocate($L, $T.multiplyExact($N, $L), $S)", CX, alignment, Math.class,
                        LEN, size, listType.toString());
        if (array) {
            ValueType element = new ValueType(((ArrayTypeName) type.javaType()).componentType(), listType.element());
            method.beginControlFlow("for (int i = 0; i < $N; i++)", LEN)
                    .addStatement("int element = data + i * $L", size)
                    .addCode(store(element, "element", 0, CodeBlock.of("$N[i]", VALUE), null))
                    .endControlFlow();
        } else {
            ValueType element = ((Shape.ListOf) type.shape()).element();
            method.addStatement("int element = data")
                    .beginControlFlow("for ($T item : $N)", element.javaType(), VALUE)
                    .addCode(store(element, "element", 0, CodeBlock.of("item"), "an element of " + listType))
                    .addStatement("element += $L", size)
                    .endControlFlow();
        }
        return method.addStatement("$N.storeI32($N, data)", CX, PTR)
                .addStatement("$N.storeI32($N + 4, $N)", CX, PTR, LEN);
    }

    /** {@code liftListOfX(cx, ptr, len)}: checks the range, then loads each element. */
    private String listLifter(ValueType type) {
        return helper("lift", type, method -> {
            ListType listType = (ListType) type.witType();
            int size = CanonicalAbi.size(listType.element());
            int alignment = CanonicalAbi.alignment(listType.element());
            method.addParameter(LIFT_LOWER_CONTEXT, CX).addParameter(TypeName.INT, PTR).addParameter(TypeName.INT, LEN)
                    .returns(type.javaType())
                    .addStatement("$N.checkListRange($N, $N, $L, $L, $S)", CX, PTR, LEN, size, alignment,
                            listType.toString());
            if (type.shape() instanceof Shape.PrimitiveArray) {
                TypeName component = ((ArrayTypeName) type.javaType()).componentType();
                ValueType element = new ValueType(component, listType.element());
                return method.addStatement("$T array = new $T[$N]", type.javaType(), component, LEN)
                        .beginControlFlow("for (int i = 0; i < $N; i++)", LEN)
                        .addStatement("int element = $N + i * $L", PTR, size)
                        .addStatement("array[i] = $L", load(element, "element", 0))
                        .endControlFlow()
                        .addStatement("return array");
            }
            ValueType element = ((Shape.ListOf) type.shape()).element();
            return method.addStatement("$T list = new $T<>($N)", type.javaType(), ARRAY_LIST, LEN)
                    .beginControlFlow("for (int i = 0; i < $N; i++)", LEN)
                    .addStatement("int element = $N + i * $L", PTR, size)
                    .addStatement("list.add($L)", load(element, "element", 0))
                    .endControlFlow()
                    .addStatement("return list");
        });
    }

    /** {@code storeString(cx, ptr, value)}: a string's bytes through {@code cabi_realloc}, then (ptr, len). */
    private String stringStorer() {
        ValueType string = new ValueType(ClassName.get(String.class), PrimitiveType.STRING);
        return helper("store", string, method -> method
                .addParameter(LIFT_LOWER_CONTEXT, CX).addParameter(TypeName.INT, PTR)
                .addParameter(String.class, VALUE)
                .addStatement("long data = $N.lowerString($N)", CX, VALUE)
                .addStatement("$N.storeI32($N, (int) data)", CX, PTR)
                .addStatement("$N.storeI32($N + 4, (int) (data >>> 32))", CX, PTR));
    }

    /** {@code storeBytes(cx, ptr, value)}: a {@code list<u8>} through {@code cabi_realloc}, then (ptr, len). */
    private String bytesStorer() {
        ValueType bytes = new ValueType(ArrayTypeName.of(TypeName.BYTE), new ListType(PrimitiveType.U8));
        return helper("store", bytes, method -> method
                .addParameter(LIFT_LOWER_CONTEXT, CX).addParameter(TypeName.INT, PTR)
                .addParameter(ArrayTypeName.of(TypeName.BYTE), VALUE)
                .addStatement("$N.storeI32($N, $N.lowerBytes($N, $S))", CX, PTR, CX, VALUE, "list<u8>")
                .addStatement("$N.storeI32($N + 4, $N.length)", CX, PTR, VALUE));
    }
}
