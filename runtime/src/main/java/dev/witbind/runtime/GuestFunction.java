package dev.witbind.runtime;

import dev.witbind.runtime.abi.CanonicalOptions;
import dev.witbind.runtime.abi.InstanceState;
import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.abi.PostReturn;
import dev.witbind.runtime.abi.StringEncoding;
import dev.witbind.runtime.abi.ValueCodec;
import dev.witbind.runtime.abi.ValueTupleCodec;
import dev.witbind.runtime.engine.CoreFunction;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.abi.CoreSignature;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitTypes;
import java.util.List;
import java.util.Optional;

/**
 * A guest export called with WIT types: arguments are checked, then lowered into core values (strings and lists
 * into guest memory through its {@code cabi_realloc}; all of them through one {@code cabi_realloc}'d tuple when
 * they flatten to more than {@value CanonicalAbi#MAX_FLAT_PARAMS} core values), the result is lifted with every
 * Canonical ABI check (from the memory the export returns a pointer to when it flattens to more than
 * {@value CanonicalAbi#MAX_FLAT_RESULTS}), and {@code cabi_post_<name>} runs afterwards so the guest can free what
 * it returned.
 *
 * <p>Java values by WIT type (the table in {@link ValueCodec} has the details): {@code bool} Boolean;
 * {@code s8}/{@code u8} Byte; {@code s16}/{@code u16} Short; {@code s32}/{@code u32} Integer; {@code s64}/{@code u64}
 * Long; {@code f32} Float; {@code f64} Double; {@code char} Integer (a code point); {@code string} String;
 * {@code list<u8>} byte[]; other {@code list<T>} List; {@code record} Map (field name to value, in field order);
 * {@code tuple} List; {@code variant} {@link VariantValue}; {@code enum} String (the case name); {@code flags}
 * Set of String (the flags that are set); {@code option} Optional; {@code result} {@link Result}; {@code own<r>} and
 * {@code borrow<r>} of a resource the host implements: the resource's Java object. Unsigned values carry their bits.
 *
 * <p>Handles follow the Canonical ABI: an {@code own<r>} argument moves the object into the guest's handle table (when
 * the guest drops it, an {@link AutoCloseable} object is closed); a {@code borrow<r>} argument lends it for this call,
 * and the guest must drop that handle before it returns, or the call traps (the spec's {@code num_borrows} check at
 * task return) naming the handles; an {@code own<r>} result takes the object back out of the guest's table. A
 * {@code borrow<r>} cannot be a result: the Component Model allows borrows only in parameters.
 */
public final class GuestFunction {
    private final String name;
    private final WitFunctionType type;
    private final ValueTupleCodec params;
    private final ValueTupleCodec result;
    private final CoreFunction export;
    private final PostReturn postReturn;
    private final LiftLowerContext cx;
    private final StringEncoding stringEncoding;
    private final InstanceState state;
    private final String description;
    /** Whether lifting the result copies strings or lists out of guest memory, which the lift budget counts. */
    private final boolean resultLiftsFromMemory;

    /**
     * @param options the export's canonical options: its memory and {@code realloc} are {@code cx}'s, its post-return
     *     runs after each call
     */
    GuestFunction(String guestName, String name, WitFunctionType type, CoreSignature signature, CoreFunction export,
            CanonicalOptions options, LiftLowerContext cx, InstanceState state) {
        type.result().filter(WitTypes::containsBorrow).ifPresent(resultType -> {
            throw new IllegalArgumentException("export '" + name + "' of guest '" + guestName + "' cannot return "
                    + resultType + ": the Component Model allows borrow handles only in parameters");
        });
        this.params = new ValueTupleCodec(type.params().stream().map(WitParam::type).toList(), "parameter tuple");
        this.result = type.result().map(resultType -> new ValueTupleCodec(List.of(resultType), "the result"))
                .orElse(null);
        // the codecs and the signature GuestInstance checked against the export both follow CanonicalAbi.flatten
        assert params.byPointer(CanonicalAbi.MAX_FLAT_PARAMS) == signature.paramsByPointer() : signature;
        this.name = name;
        this.type = type;
        this.export = export;
        this.postReturn = options.postReturn().orElse(null);
        this.cx = cx;
        this.stringEncoding = options.stringEncoding();
        this.state = state;
        this.description = "export '" + name + "' of guest '" + guestName + "'";
        this.resultLiftsFromMemory = type.result().map(WitTypes::liftsFromMemory).orElse(false);
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
     * @throws IllegalArgumentException when an argument does not fit its WIT type, naming where (nothing was
     *     called and nothing was written into the guest)
     * @throws dev.witbind.runtime.errors.WitTrapException when the guest traps or returns something the Canonical ABI forbids
     * @throws dev.witbind.runtime.errors.WitHostException when a host function the guest called failed
     */
    public Object call(Object... args) {
        checkArguments(args);
        state.enter(description);
        try {
            long[] results = export.apply(params.lower(cx, args, CanonicalAbi.MAX_FLAT_PARAMS));
            if (resultLiftsFromMemory) {
                state.beginLift(); // the guest's host calls had budgets of their own
            }
            Object lifted = result == null ? null : result.lift(cx, results, CanonicalAbi.MAX_FLAT_RESULTS)[0];
            cx.checkBorrowsDropped();
            if (postReturn != null) {
                state.runPostReturn(postReturn, results);
            }
            return lifted;
        } catch (Throwable e) {
            RuntimeException ours = state.poison(description, e);
            if (InstanceState.isFatal(e)) {
                throw (Error) e; // the JVM is in trouble, not this guest: the instance is poisoned all the same
            }
            throw ours;
        } finally {
            state.leave();
        }
    }

    /** Validates every argument completely before anything reaches the guest. */
    private void checkArguments(Object[] args) {
        List<WitParam> declared = type.params();
        if (args.length != declared.size()) {
            throw new IllegalArgumentException(description + " takes " + declared.size() + " arguments " + type
                    + ", not " + args.length);
        }
        for (int i = 0; i < args.length; i++) {
            params.codecs().get(i).validate(args[i], description + ": argument '" + declared.get(i).name() + "'",
                    stringEncoding, state);
        }
    }
}
