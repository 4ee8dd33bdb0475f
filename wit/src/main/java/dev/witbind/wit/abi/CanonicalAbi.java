package dev.witbind.wit.abi;

import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.List;

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

    /** The alignment in bytes of a value of this type in linear memory. */
    public static int alignment(WitType type) {
        if (type instanceof ListType) {
            return 4;
        }
        return switch ((PrimitiveType) type) {
            case BOOL, S8, U8 -> 1;
            case S16, U16 -> 2;
            case S32, U32, F32, CHAR, STRING -> 4;
            case S64, U64, F64 -> 8;
        };
    }

    /** The size in bytes of a value of this type in linear memory. */
    public static int size(WitType type) {
        if (type instanceof ListType) {
            return 8;
        }
        return switch ((PrimitiveType) type) {
            case BOOL, S8, U8 -> 1;
            case S16, U16 -> 2;
            case S32, U32, F32, CHAR -> 4;
            case S64, U64, F64, STRING -> 8;
        };
    }

    /** The core values one value of this type flattens to. */
    public static List<CoreType> flatten(WitType type) {
        if (type instanceof ListType) {
            return List.of(CoreType.I32, CoreType.I32);
        }
        return switch ((PrimitiveType) type) {
            case BOOL, S8, U8, S16, U16, S32, U32, CHAR -> List.of(CoreType.I32);
            case S64, U64 -> List.of(CoreType.I64);
            case F32 -> List.of(CoreType.F32);
            case F64 -> List.of(CoreType.F64);
            case STRING -> List.of(CoreType.I32, CoreType.I32);
        };
    }

    /** The core signature of a function in the given direction ({@code flatten_functype}). */
    public static CoreSignature signature(WitFunctionType function, Direction direction) {
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
        int[] offsets = new int[function.params().size()];
        int offset = 0;
        for (int i = 0; i < offsets.length; i++) {
            WitType type = function.params().get(i).type();
            offset = alignTo(offset, alignment(type));
            offsets[i] = offset;
            offset += size(type);
        }
        return offsets;
    }

    /** The alignment of the parameter tuple: the largest alignment of its fields, at least 1. */
    public static int paramsAlignment(WitFunctionType function) {
        int alignment = 1;
        for (WitParam param : function.params()) {
            alignment = Math.max(alignment, alignment(param.type()));
        }
        return alignment;
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
        return type instanceof ListType || type == PrimitiveType.STRING;
    }
}
