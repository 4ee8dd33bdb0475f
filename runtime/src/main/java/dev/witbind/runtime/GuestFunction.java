package dev.witbind.runtime;

import dev.witbind.runtime.abi.Utf8;
import dev.witbind.runtime.chicory.ChicoryInstance;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.abi.CoreSignature;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.List;

/**
 * A guest export called with WIT types: arguments are lowered into core values (strings and lists into guest
 * memory through its {@code cabi_realloc}), the result is lifted with every Canonical ABI check, and
 * {@code cabi_post_<name>} runs afterwards so the guest can free what it returned.
 *
 * <p>Java values by WIT type: {@code bool} Boolean; {@code s8}/{@code u8} Byte; {@code s16}/{@code u16} Short;
 * {@code s32}/{@code u32} Integer; {@code s64}/{@code u64} Long; {@code f32} Float; {@code f64} Double;
 * {@code char} Integer (a code point); {@code string} String; {@code list<u8>} byte[]. Unsigned values carry
 * their bits.
 */
public final class GuestFunction {
    private final GuestInstance instance;
    private final String name;
    private final WitFunctionType type;
    private final CoreSignature signature;
    private final ChicoryInstance.Export export;
    private final ChicoryInstance.Export postReturn;
    private final String description;

    GuestFunction(GuestInstance instance, String name, WitFunctionType type, CoreSignature signature,
            ChicoryInstance.Export export, ChicoryInstance.Export postReturn) {
        for (WitParam param : type.params()) {
            checkSupported(param.type());
        }
        type.result().ifPresent(GuestFunction::checkSupported);
        this.instance = instance;
        this.name = name;
        this.type = type;
        this.signature = signature;
        this.export = export;
        this.postReturn = postReturn;
        this.description = "export '" + name + "' of guest '" + instance.name() + "'";
    }

    private static void checkSupported(WitType type) {
        if (type instanceof ListType list && list.element() != PrimitiveType.U8) {
            throw new IllegalArgumentException(type + " is not supported yet: lists other than list<u8> come with "
                    + "the full type system");
        }
    }

    public String name() {
        return name;
    }

    public WitFunctionType type() {
        return type;
    }

    /**
     * Calls the export.
     *
     * @return the lifted result, or {@code null} for a function without one
     * @throws IllegalArgumentException when an argument does not fit its WIT type (nothing was called)
     * @throws WitTrapException when the guest traps or returns something the Canonical ABI forbids
     * @throws WitHostException when a host function the guest called failed
     */
    public Object call(Object... args) {
        checkArguments(args);
        instance.checkEnterable(description);
        instance.enter(description);
        GuestContext cx = instance.context();
        try {
            long[] results = export.apply(lowerArguments(cx, args));
            Object result = liftResult(cx, results);
            if (postReturn != null) {
                postReturn.apply(results);
            }
            return result;
        } catch (RuntimeException | StackOverflowError e) {
            throw instance.poison(description, e);
        } finally {
            instance.leave();
        }
    }

    private void checkArguments(Object[] args) {
        List<WitParam> params = type.params();
        if (args.length != params.size()) {
            throw new IllegalArgumentException(description + " takes " + params.size() + " arguments " + type
                    + ", not " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            WitType witType = params.get(i).type();
            String argument = description + ": argument '" + params.get(i).name() + "' (" + witType + ")";
            if (!javaClass(witType).isInstance(args[i])) {
                throw new IllegalArgumentException(argument + " must be a " + javaClass(witType).getSimpleName()
                        + ", not " + (args[i] == null ? "null" : args[i].getClass().getSimpleName()));
            }
            // Values the Canonical ABI cannot carry are the caller's mistake: refuse them before entering the guest.
            if (witType == PrimitiveType.STRING && Utf8.encodedLength((String) args[i]) < 0) {
                throw new IllegalArgumentException(argument + " has an unpaired surrogate at index "
                        + (-1 - Utf8.encodedLength((String) args[i])) + ", which UTF-8 cannot encode");
            }
            if (witType == PrimitiveType.CHAR && !Abi.isScalarValue((Integer) args[i])) {
                throw new IllegalArgumentException(argument + " is " + String.format("0x%X", (Integer) args[i])
                        + ", which is not a Unicode scalar value");
            }
        }
    }

    private static Class<?> javaClass(WitType type) {
        if (type instanceof ListType) {
            return byte[].class;
        }
        return switch ((PrimitiveType) type) {
            case BOOL -> Boolean.class;
            case S8, U8 -> Byte.class;
            case S16, U16 -> Short.class;
            case S32, U32, CHAR -> Integer.class;
            case S64, U64 -> Long.class;
            case F32 -> Float.class;
            case F64 -> Double.class;
            case STRING -> String.class;
        };
    }

    private long[] lowerArguments(GuestContext cx, Object[] args) {
        List<WitParam> params = type.params();
        if (signature.paramsByPointer()) {
            int base = cx.allocate(CanonicalAbi.paramsAlignment(type), CanonicalAbi.paramsSize(type), "parameter tuple");
            int[] offsets = CanonicalAbi.paramOffsets(type);
            for (int i = 0; i < args.length; i++) {
                store(cx, params.get(i).type(), base + offsets[i], args[i]);
            }
            return new long[] {base};
        }
        long[] flat = new long[signature.params().size()];
        int next = 0;
        for (int i = 0; i < args.length; i++) {
            WitType witType = params.get(i).type();
            if (CanonicalAbi.needsRealloc(witType)) {
                long ptrAndLength = lowerSequence(cx, witType, args[i]);
                flat[next++] = (int) ptrAndLength;
                flat[next++] = (int) (ptrAndLength >>> 32);
            } else {
                flat[next++] = lowerScalar((PrimitiveType) witType, args[i]);
            }
        }
        return flat;
    }

    private static long lowerSequence(GuestContext cx, WitType type, Object value) {
        if (type == PrimitiveType.STRING) {
            return cx.lowerString((String) value);
        }
        byte[] bytes = (byte[]) value;
        return (cx.lowerBytes(bytes, "list<u8>") & 0xFFFFFFFFL) | ((long) bytes.length << 32);
    }

    private static long lowerScalar(PrimitiveType type, Object value) {
        return switch (type) {
            case BOOL -> Abi.lowerBool((Boolean) value);
            case S8 -> (Byte) value;
            case U8 -> (Byte) value & 0xFFL;
            case S16 -> (Short) value;
            case U16 -> (Short) value & 0xFFFFL;
            case S32, U32 -> (Integer) value;
            case S64, U64 -> (Long) value;
            case F32 -> Abi.lowerF32((Float) value);
            case F64 -> Abi.lowerF64((Double) value);
            case CHAR -> Abi.lowerChar((Integer) value);
            case STRING -> throw new AssertionError("strings are lowered through memory");
        };
    }

    private static void store(GuestContext cx, WitType type, int address, Object value) {
        if (CanonicalAbi.needsRealloc(type)) {
            long ptrAndLength = lowerSequence(cx, type, value);
            cx.storeI32(address, (int) ptrAndLength);
            cx.storeI32(address + 4, (int) (ptrAndLength >>> 32));
            return;
        }
        long flat = lowerScalar((PrimitiveType) type, value);
        switch (CanonicalAbi.size(type)) {
            case 1 -> cx.storeI8(address, (byte) flat);
            case 2 -> cx.storeI16(address, (short) flat);
            case 4 -> cx.storeI32(address, (int) flat);
            default -> cx.storeI64(address, flat);
        }
    }

    private Object liftResult(GuestContext cx, long[] results) {
        if (type.result().isEmpty()) {
            return null;
        }
        WitType resultType = type.result().get();
        if (signature.resultsByPointer()) {
            int ptr = cx.checkRange((int) results[0], CanonicalAbi.size(resultType), CanonicalAbi.alignment(resultType),
                    "the result");
            return liftSequence(cx, resultType, cx.loadI32(ptr), cx.loadI32(ptr + 4));
        }
        return liftScalar((PrimitiveType) resultType, results[0]);
    }

    private static Object liftSequence(GuestContext cx, WitType type, int ptr, int length) {
        return type == PrimitiveType.STRING ? cx.liftString(ptr, length) : cx.liftBytes(ptr, length);
    }

    private static Object liftScalar(PrimitiveType type, long value) {
        return switch (type) {
            case BOOL -> Abi.liftBool(value);
            case S8, U8 -> (byte) value;
            case S16, U16 -> (short) value;
            case S32, U32 -> (int) value;
            case S64, U64 -> value;
            case F32 -> Abi.liftF32(value);
            case F64 -> Abi.liftF64(value);
            case CHAR -> Abi.liftChar(value);
            case STRING -> throw new AssertionError("strings are lifted from memory");
        };
    }
}
