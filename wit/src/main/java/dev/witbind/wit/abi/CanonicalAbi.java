package dev.witbind.wit.abi;

import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.types.WitTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The Canonical ABI's static rules for the synchronous, 32-bit-address subset: sizes, alignments, flattening
 * and function signatures ({@code spec/CanonicalABI.md}: {@code alignment}, {@code elem_size},
 * {@code flatten_type}, {@code flatten_functype}). The processor uses them to generate specialised code at
 * compile time and the runtime uses them to check guest signatures, so they live here once.
 */
public final class CanonicalAbi {
    /** Parameters that flatten to more core values than this travel through one pointer. */
    public static final int MAX_FLAT_PARAMS = 16;
    /** Results that flatten to more core values than this travel through memory. */
    public static final int MAX_FLAT_RESULTS = 1;

    private CanonicalAbi() {}

    /** Whether the function is lifted (a guest export called by the host) or lowered (a host import). */
    public enum Direction {
        /** A guest export, called from the host ({@code canon lift}). */
        LIFT,
        /** A host function, imported and called by the guest ({@code canon lower}). */
        LOWER
    }

    /**
     * The refusal of a type outside the subset ({@code stream}, {@code future}, {@code error-context},
     * {@code list<T, N>}, {@code map<K, V>}): the parser reads them, and every stage that would lay them out refuses
     * them here, by name.
     */
    private static void checkSupported(WitType type) {
        WitTypes.unsupportedPart(type).ifPresent(part -> {
            throw new IllegalArgumentException("the Canonical ABI of '" + part + "' is not implemented: witbind "
                    + "implements the synchronous subset that WASI 0.2 uses (no async, streams, futures, "
                    + "error-context, fixed-length lists or maps yet)");
        });
    }

    /** The alignment in bytes of a value of this type in linear memory ({@code alignment}). */
    public static int alignment(WitType type) {
        checkSupported(type);
        if (type instanceof PrimitiveType primitive) {
            return primitive == PrimitiveType.STRING ? 4 : primitiveSize(primitive);
        }
        if (type instanceof ListType || type instanceof HandleType) {
            return 4;
        }
        if (type instanceof FlagsType flags) {
            return flagsSize(flags);
        }
        List<WitType> fields = fieldTypes(type);
        if (fields != null) {
            return recordAlignment(fields);
        }
        List<Optional<WitType>> cases = caseTypes(type);
        return Math.max(discriminantSize(cases.size()), maxCaseAlignment(cases));
    }

    /** The size in bytes of a value of this type in linear memory ({@code elem_size}). */
    public static int size(WitType type) {
        checkSupported(type);
        if (type instanceof PrimitiveType primitive) {
            return primitiveSize(primitive);
        }
        if (type instanceof ListType) {
            return 8;
        }
        if (type instanceof HandleType) {
            return 4;
        }
        if (type instanceof FlagsType flags) {
            return flagsSize(flags);
        }
        List<WitType> fields = fieldTypes(type);
        if (fields != null) {
            if (fields.isEmpty()) {
                return 0;
            }
            int[] offsets = fieldOffsets(fields);
            int last = fields.size() - 1;
            return alignTo(offsets[last] + size(fields.get(last)), recordAlignment(fields));
        }
        List<Optional<WitType>> cases = caseTypes(type);
        int payloadSize = 0;
        for (Optional<WitType> payload : cases) {
            if (payload.isPresent()) {
                payloadSize = Math.max(payloadSize, size(payload.get()));
            }
        }
        return alignTo(payloadOffset(type) + payloadSize, alignment(type));
    }

    private static int primitiveSize(PrimitiveType type) {
        return switch (type) {
            case BOOL, S8, U8 -> 1;
            case S16, U16 -> 2;
            case S32, U32, F32, CHAR -> 4;
            case S64, U64, F64, STRING -> 8;
        };
    }

    private static int flagsSize(FlagsType flags) {
        int count = flags.flags().size();
        return count <= 8 ? 1 : count <= 16 ? 2 : 4;
    }

    /**
     * The field types of a record-like type ({@code record}, {@code tuple}), which the Canonical ABI lays out
     * alike; {@code null} for any other type.
     */
    public static List<WitType> fieldTypes(WitType type) {
        if (type instanceof RecordType record) {
            return record.fields().stream().map(RecordType.Field::type).toList();
        }
        if (type instanceof TupleType tuple) {
            return tuple.elements();
        }
        return null;
    }

    /**
     * The case payloads of a variant-like type, in case order ({@code despecialize}): a {@code variant}; an
     * {@code enum} (no payloads); {@code option<T>} as {@code none, some(T)}; {@code result<T, E>} as
     * {@code ok(T?), error(E?)}.
     *
     * @throws IllegalArgumentException for a type that is not variant-like
     */
    public static List<Optional<WitType>> caseTypes(WitType type) {
        if (type instanceof VariantType variant) {
            return variant.cases().stream().map(VariantType.Case::payload).toList();
        }
        if (type instanceof EnumType enumType) {
            return Collections.nCopies(enumType.cases().size(), Optional.empty());
        }
        if (type instanceof OptionType option) {
            return List.of(Optional.empty(), Optional.of(option.some()));
        }
        if (type instanceof ResultType result) {
            return List.of(result.ok(), result.err());
        }
        throw new IllegalArgumentException(type + " is not a variant, enum, option or result");
    }

    /** The byte size of the discriminant of a variant with {@code caseCount} cases ({@code discriminant_type}). */
    public static int discriminantSize(int caseCount) {
        return caseCount <= 1 << 8 ? 1 : caseCount <= 1 << 16 ? 2 : 4;
    }

    /** The offset of the payload of a variant-like type in memory: after the discriminant, aligned for every case. */
    public static int payloadOffset(WitType variantLike) {
        List<Optional<WitType>> cases = caseTypes(variantLike);
        return alignTo(discriminantSize(cases.size()), maxCaseAlignment(cases));
    }

    private static int maxCaseAlignment(List<Optional<WitType>> cases) {
        int alignment = 1;
        for (Optional<WitType> payload : cases) {
            if (payload.isPresent()) {
                alignment = Math.max(alignment, alignment(payload.get()));
            }
        }
        return alignment;
    }

    private static int recordAlignment(List<WitType> fields) {
        int alignment = 1;
        for (WitType field : fields) {
            alignment = Math.max(alignment, alignment(field));
        }
        return alignment;
    }

    /** The byte offsets of fields laid out as a record ({@code elem_size_record}). */
    public static int[] fieldOffsets(List<WitType> fields) {
        int[] offsets = new int[fields.size()];
        int offset = 0;
        for (int i = 0; i < offsets.length; i++) {
            offset = alignTo(offset, alignment(fields.get(i)));
            offsets[i] = offset;
            offset += size(fields.get(i));
        }
        return offsets;
    }

    /** The core values one value of this type flattens to ({@code flatten_type}). */
    public static List<CoreType> flatten(WitType type) {
        checkSupported(type);
        if (type instanceof PrimitiveType primitive) {
            return switch (primitive) {
                case BOOL, S8, U8, S16, U16, S32, U32, CHAR -> List.of(CoreType.I32);
                case S64, U64 -> List.of(CoreType.I64);
                case F32 -> List.of(CoreType.F32);
                case F64 -> List.of(CoreType.F64);
                case STRING -> List.of(CoreType.I32, CoreType.I32);
            };
        }
        if (type instanceof ListType) {
            return List.of(CoreType.I32, CoreType.I32);
        }
        if (type instanceof HandleType || type instanceof FlagsType) {
            return List.of(CoreType.I32);
        }
        List<WitType> fields = fieldTypes(type);
        if (fields != null) {
            List<CoreType> flat = new ArrayList<>();
            fields.forEach(field -> flat.addAll(flatten(field)));
            return List.copyOf(flat);
        }
        return flattenVariant(caseTypes(type));
    }

    /** {@code flatten_variant}: the discriminant, then each position joined across the cases' payloads. */
    private static List<CoreType> flattenVariant(List<Optional<WitType>> cases) {
        List<CoreType> payload = new ArrayList<>();
        for (Optional<WitType> caseType : cases) {
            if (caseType.isEmpty()) {
                continue;
            }
            List<CoreType> flat = flatten(caseType.get());
            for (int i = 0; i < flat.size(); i++) {
                if (i < payload.size()) {
                    payload.set(i, join(payload.get(i), flat.get(i)));
                } else {
                    payload.add(flat.get(i));
                }
            }
        }
        List<CoreType> flat = new ArrayList<>(payload.size() + 1);
        flat.add(CoreType.I32);
        flat.addAll(payload);
        return List.copyOf(flat);
    }

    /** {@code join}: the core type both can be bit-cast to; {@code i32} and {@code f32} meet in {@code i32}. */
    public static CoreType join(CoreType a, CoreType b) {
        if (a == b) {
            return a;
        }
        boolean i32AndF32 = (a == CoreType.I32 && b == CoreType.F32) || (a == CoreType.F32 && b == CoreType.I32);
        return i32AndF32 ? CoreType.I32 : CoreType.I64;
    }

    /** The core signature of a function in the given direction ({@code flatten_functype}). */
    public static CoreSignature signature(WitFunctionType function, Direction direction) {
        function.params().forEach(param -> checkSupported(param.type()));
        function.result().ifPresent(CanonicalAbi::checkSupported);
        List<CoreType> params = new ArrayList<>();
        for (WitParam param : function.params()) {
            params.addAll(flatten(param.type()));
        }
        boolean paramsByPointer = params.size() > MAX_FLAT_PARAMS;
        if (paramsByPointer) {
            params = new ArrayList<>(List.of(CoreType.I32));
        }
        List<CoreType> results = function.result().map(CanonicalAbi::flatten).orElse(List.of());
        boolean resultsByPointer = results.size() > MAX_FLAT_RESULTS;
        if (resultsByPointer) {
            if (direction == Direction.LIFT) {
                results = List.of(CoreType.I32);
            } else {
                params.add(CoreType.I32);
                results = List.of();
            }
        }
        return new CoreSignature(params, results, paramsByPointer, resultsByPointer);
    }

    /** {@code align_to}: rounds {@code offset} up to a multiple of {@code alignment}. */
    public static int alignTo(int offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    /**
     * The byte offsets of the parameters when they travel through memory as a tuple (the record layout of
     * {@code elem_size_record}).
     */
    public static int[] paramOffsets(WitFunctionType function) {
        return fieldOffsets(paramTypes(function));
    }

    /** The alignment of the parameter tuple: the largest alignment of its fields, at least 1. */
    public static int paramsAlignment(WitFunctionType function) {
        return recordAlignment(paramTypes(function));
    }

    private static List<WitType> paramTypes(WitFunctionType function) {
        return function.params().stream().map(WitParam::type).toList();
    }

    /** The size of the parameter tuple in memory, padded to its alignment. */
    public static int paramsSize(WitFunctionType function) {
        int[] offsets = paramOffsets(function);
        if (offsets.length == 0) {
            return 0;
        }
        WitType last = function.params().get(offsets.length - 1).type();
        return alignTo(offsets[offsets.length - 1] + size(last), paramsAlignment(function));
    }

    /** Whether lowering a value of this type into guest memory needs the guest's {@code cabi_realloc}. */
    public static boolean needsRealloc(WitType type) {
        if (type instanceof ListType || type == PrimitiveType.STRING) {
            return true;
        }
        List<WitType> fields = fieldTypes(type);
        if (fields != null) {
            return fields.stream().anyMatch(CanonicalAbi::needsRealloc);
        }
        if (type instanceof VariantType || type instanceof OptionType || type instanceof ResultType) {
            return caseTypes(type).stream().flatMap(Optional::stream).anyMatch(CanonicalAbi::needsRealloc);
        }
        return false;
    }
}
