package dev.witbind.runtime.abi;

import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.values.Result;
import dev.witbind.wit.values.VariantValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variant-like types, which the Canonical ABI despecializes to a variant: {@code variant}
 * ({@link VariantValue}), {@code enum} (the case name), {@code option<T>} ({@code Optional}: {@code none},
 * {@code some}) and {@code result<T, E>} ({@link Result}: {@code ok}, {@code error}).
 *
 * <p>In memory: the discriminant in the smallest unsigned integer that counts the cases, then the payload at the
 * largest payload alignment. Flat: the discriminant, then the payload positions joined over all cases; a case uses
 * the first positions of the join and the rest are zero ({@code lower_flat_variant}) or skipped
 * ({@code lift_flat_variant}).
 */
final class VariantCodec extends ValueCodec {
    private enum Kind {
        VARIANT,
        ENUM,
        OPTION,
        RESULT
    }

    private final Kind kind;
    private final List<String> caseNames;
    /** Per case, the payload's codec, or {@code null} for a case without one. */
    private final List<ValueCodec> payloads;
    private final Map<String, Integer> caseIndex = new HashMap<>();
    private final int discriminantSize;
    private final int payloadOffset;
    private final String description;

    VariantCodec(WitType type, List<ValueCodec> payloads) {
        super(type);
        if (type instanceof VariantType variant) {
            kind = Kind.VARIANT;
            caseNames = variant.cases().stream().map(VariantType.Case::name).toList();
        } else if (type instanceof EnumType enumType) {
            kind = Kind.ENUM;
            caseNames = enumType.cases();
        } else if (type instanceof OptionType) {
            kind = Kind.OPTION;
            caseNames = List.of("none", "some");
        } else {
            kind = Kind.RESULT;
            caseNames = List.of("ok", "error");
        }
        this.payloads = payloads;
        for (int i = 0; i < caseNames.size(); i++) {
            caseIndex.put(caseNames.get(i), i);
        }
        this.discriminantSize = CanonicalAbi.discriminantSize(caseNames.size());
        this.payloadOffset = CanonicalAbi.payloadOffset(type);
        this.description = describe(type);
    }

    // ---- Java values ------------------------------------------------------------------------------------------

    @Override
    void check(Object value, Path path) {
        switch (kind) {
            case VARIANT -> {
                VariantValue variant = expect(value, VariantValue.class, path);
                Integer index = caseIndex.get(variant.caseName());
                if (index == null) {
                    throw invalid(path, "has case '" + variant.caseName() + "', which is not a case of "
                            + description + " (cases: " + String.join(", ", caseNames) + ")");
                }
                checkPayload(index, variant.payload(), path, "payload of case '" + variant.caseName() + "' of "
                        + description);
            }
            case ENUM -> {
                String name = expect(value, String.class, path);
                if (!caseIndex.containsKey(name)) {
                    throw invalid(path, "is '" + name + "', which is not a case of " + description + " (cases: "
                            + String.join(", ", caseNames) + ")");
                }
            }
            case OPTION -> {
                Optional<?> option = expect(value, Optional.class, path);
                if (option.isPresent()) {
                    payloads.get(1).check(option.get(), path.then("value of " + description));
                }
            }
            case RESULT -> {
                Result<?, ?> result = expect(value, Result.class, path);
                if (result instanceof Result.Ok<?, ?> ok) {
                    checkPayload(0, ok.value(), path, "ok value of " + description);
                } else {
                    checkPayload(1, ((Result.Err<?, ?>) result).error(), path, "error value of " + description);
                }
            }
        }
    }

    private void checkPayload(int index, Object payload, Path path, String step) {
        ValueCodec codec = payloads.get(index);
        if (codec != null) {
            codec.check(payload, path.then(step));
        } else if (payload != null) {
            throw invalid(path, "has a payload (" + javaType(payload) + ") for "
                    + caseNames.get(index) + ", which has none: use null");
        }
    }

    private int caseOf(Object value) {
        return switch (kind) {
            case VARIANT -> caseIndex.get(((VariantValue) value).caseName());
            case ENUM -> caseIndex.get((String) value);
            case OPTION -> ((Optional<?>) value).isPresent() ? 1 : 0;
            case RESULT -> value instanceof Result.Ok ? 0 : 1;
        };
    }

    private static Object payloadOf(Object value) {
        if (value instanceof VariantValue variant) {
            return variant.payload();
        }
        if (value instanceof Optional<?> option) {
            return option.orElse(null);
        }
        if (value instanceof Result.Ok<?, ?> ok) {
            return ok.value();
        }
        if (value instanceof Result.Err<?, ?> err) {
            return err.error();
        }
        return null;
    }

    private Object make(int index, Object payload) {
        return switch (kind) {
            case VARIANT -> new VariantValue(caseNames.get(index), payload);
            case ENUM -> caseNames.get(index);
            case OPTION -> index == 0 ? Optional.empty() : Optional.of(payload);
            case RESULT -> index == 0 ? Result.ok(payload) : Result.err(payload);
        };
    }

    /** The case a discriminant selects; a trap when there is no such case. */
    private int checkDiscriminant(long discriminant) {
        if (discriminant >= caseNames.size()) {
            throw trap("invalid discriminant " + discriminant + " for " + description + " with " + caseNames.size()
                    + " cases");
        }
        return (int) discriminant;
    }

    // ---- flat -------------------------------------------------------------------------------------------------

    @Override
    public Object liftFlat(LiftLowerContext cx, long[] flat, int at) {
        int index = checkDiscriminant(Integer.toUnsignedLong((int) flat[at]));
        ValueCodec payload = payloads.get(index);
        // The payload reads the joined positions as its own types: with the engine convention every bit-cast of
        // lift_flat_variant is the identity (the payload codec reads only the low bits it needs).
        return make(index, payload == null ? null : payload.liftFlat(cx, flat, at + 1));
    }

    @Override
    public void lowerFlat(LiftLowerContext cx, Object value, long[] flat, int at) {
        int index = caseOf(value);
        flat[at] = index;
        ValueCodec payload = payloads.get(index);
        int used = 0;
        if (payload != null) {
            payload.lowerFlat(cx, payloadOf(value), flat, at + 1);
            used = payload.flatCount();
        }
        // positions of the join that this case does not use are zero
        for (int i = at + 1 + used; i < at + flatCount(); i++) {
            flat[i] = 0;
        }
    }

    // ---- memory -----------------------------------------------------------------------------------------------

    @Override
    Object loadAt(LiftLowerContext cx, int ptr) {
        long discriminant = switch (discriminantSize) {
            case 1 -> cx.loadI8(ptr) & 0xFFL;
            case 2 -> cx.loadI16(ptr) & 0xFFFFL;
            default -> Integer.toUnsignedLong(cx.loadI32(ptr));
        };
        int index = checkDiscriminant(discriminant);
        ValueCodec payload = payloads.get(index);
        return make(index, payload == null ? null : payload.loadAt(cx, ptr + payloadOffset));
    }

    @Override
    void storeAt(LiftLowerContext cx, Object value, int ptr) {
        int index = caseOf(value);
        ValueCodec payload = payloads.get(index);
        // the payload first: lowering it may call cabi_realloc, which runs guest code
        if (payload != null) {
            payload.storeAt(cx, payloadOf(value), ptr + payloadOffset);
        }
        switch (discriminantSize) {
            case 1 -> cx.storeI8(ptr, (byte) index);
            case 2 -> cx.storeI16(ptr, (short) index);
            default -> cx.storeI32(ptr, index);
        }
    }
}
