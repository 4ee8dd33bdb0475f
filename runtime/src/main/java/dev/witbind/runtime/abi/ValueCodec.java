package dev.witbind.runtime.abi;

import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.abi.CanonicalAbi;
import dev.witbind.wit.abi.CoreType;
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
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.values.Result;
import dev.witbind.wit.values.VariantValue;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Canonical ABI for one WIT value type, on the dynamic path: {@code lift_flat}, {@code lower_flat},
 * {@code load} and {@code store} of Java values ({@code spec/CanonicalABI.md}), for every value type. A codec is
 * built once per type ({@link #of}) with its layout computed, and holds no state between calls.
 *
 * <h2>Java values</h2>
 *
 * <table>
 *   <caption>The Java form of each WIT type</caption>
 *   <tr><th>WIT</th><th>Java (lowering accepts; lifting returns)</th></tr>
 *   <tr><td>{@code bool}</td><td>{@code Boolean}</td></tr>
 *   <tr><td>{@code s8}, {@code u8}</td><td>{@code Byte}</td></tr>
 *   <tr><td>{@code s16}, {@code u16}</td><td>{@code Short}</td></tr>
 *   <tr><td>{@code s32}, {@code u32}</td><td>{@code Integer}</td></tr>
 *   <tr><td>{@code s64}, {@code u64}</td><td>{@code Long}</td></tr>
 *   <tr><td>{@code f32}</td><td>{@code Float}</td></tr>
 *   <tr><td>{@code f64}</td><td>{@code Double}</td></tr>
 *   <tr><td>{@code char}</td><td>{@code Integer}, the code point (a Unicode scalar value)</td></tr>
 *   <tr><td>{@code string}</td><td>{@code String}</td></tr>
 *   <tr><td>{@code list<u8>}</td><td>{@code byte[]}</td></tr>
 *   <tr><td>{@code list<T>}, any other {@code T}</td><td>{@code java.util.List} of the elements</td></tr>
 *   <tr><td>{@code record}</td><td>{@code java.util.Map<String, Object>} keyed by WIT field name (lifted: in field
 *       order)</td></tr>
 *   <tr><td>{@code tuple<...>}</td><td>{@code java.util.List} of the elements</td></tr>
 *   <tr><td>{@code variant}</td><td>{@link VariantValue}: case name and payload ({@code null} for a case without
 *       one)</td></tr>
 *   <tr><td>{@code enum}</td><td>{@code String}, the case name</td></tr>
 *   <tr><td>{@code flags}</td><td>{@code java.util.Set<String>} of the flags that are set (lifted: in declaration
 *       order)</td></tr>
 *   <tr><td>{@code option<T>}</td><td>{@code java.util.Optional}</td></tr>
 *   <tr><td>{@code result<T, E>}</td><td>{@link Result} ({@code null} payload for a side without a type)</td></tr>
 *   <tr><td>{@code own<r>}, {@code borrow<r>}</td><td>the resource's Java object, of a resource the host implements
 *       ({@link HandleCodec}: lowering an {@code own} moves it to the guest, a {@code borrow} lends it for the call
 *       into the guest; lifting an {@code own} takes it back)</td></tr>
 * </table>
 *
 * <p>Unsigned integers carry their bits ({@code u32} 4294967295 is {@code -1}). Lifted containers are
 * unmodifiable, never contain {@code null}, and compare with {@code equals} like any {@code List}, {@code Map} or
 * {@code Set} (a {@code byte[]} nested in one compares by identity). Floats are canonicalised both ways: every NaN
 * becomes the canonical NaN, as in the Canonical ABI's deterministic profile.
 *
 * <h2>Core values</h2>
 *
 * <p>Flat values are {@code long}s in the engine's convention: an {@code i32} in the low 32 bits, an {@code f32} as
 * its raw bits, an {@code f64} as its raw bits. Lowering writes {@code i32} and {@code f32} zero-extended, which makes
 * every bit-cast that {@code join} asks of a variant payload ({@code f32} to {@code i32}, {@code i32} or {@code f32}
 * to {@code i64}) the identity; lifting reads only the bits a type needs, which makes the reverse casts
 * ({@code lift_flat_variant}'s wrapping of an {@code i64}) the identity too.
 *
 * <h2>Checks</h2>
 *
 * <p>{@link #validate} checks a Java value completely before anything is lowered, so a bad argument never leaves a
 * partial write in the guest; the lowering methods assume a validated value. Lifting and loading trap with a
 * {@link WitTrapException} on everything the Canonical ABI traps on: a pointer out of bounds or misaligned (lists by
 * their element alignment, strings in {@code utf16} and {@code latin1+utf16} by 2; an empty list may end exactly at
 * the end of memory), a list or string longer than the Canonical ABI's limit, invalid UTF-8 or UTF-16, an invalid
 * {@code char}, a discriminant out of range. Bits beyond the declared flags are ignored, and any non-zero
 * {@code bool} is {@code true}, as the Canonical ABI says. Strings follow the string encoding of the context they
 * are lifted from or lowered into, and {@link #validate} is told the encoding, which sets how long a string may be.
 */
public abstract sealed class ValueCodec
        permits PrimitiveCodec, StringCodec, ByteListCodec, ListCodec, RecordCodec, VariantCodec, FlagsCodec,
        HandleCodec {
    /** {@code MAX_LIST_BYTE_LENGTH}: longer lists trap when lifted and are refused when lowered. */
    public static final long MAX_LIST_BYTE_LENGTH = (1L << 28) - 1;
    /**
     * {@code MAX_STRING_BYTE_LENGTH}: strings longer than this in their encoding's bytes trap when lifted and are
     * refused when lowered.
     */
    public static final long MAX_STRING_BYTE_LENGTH = (1L << 28) - 1;

    private final WitType type;
    private final int size;
    private final int alignment;
    private final List<CoreType> flatTypes;

    ValueCodec(WitType type) {
        this.type = type;
        this.size = CanonicalAbi.size(type);
        this.alignment = CanonicalAbi.alignment(type);
        this.flatTypes = CanonicalAbi.flatten(type);
    }

    /** The codec of {@code type}. */
    public static ValueCodec of(WitType type) {
        if (type instanceof PrimitiveType primitive) {
            return primitive == PrimitiveType.STRING ? new StringCodec() : new PrimitiveCodec(primitive);
        }
        if (type instanceof ListType list) {
            return list.element() == PrimitiveType.U8 ? new ByteListCodec(list) : new ListCodec(list, of(list.element()));
        }
        if (type instanceof RecordType || type instanceof TupleType) {
            return new RecordCodec(type, CanonicalAbi.fieldTypes(type).stream().map(ValueCodec::of).toList());
        }
        if (type instanceof VariantType || type instanceof EnumType || type instanceof OptionType
                || type instanceof ResultType) {
            return new VariantCodec(type, CanonicalAbi.caseTypes(type).stream()
                    .map(payload -> payload.map(ValueCodec::of).orElse(null))
                    .toList());
        }
        if (type instanceof FlagsType flags) {
            return new FlagsCodec(flags);
        }
        if (type instanceof HandleType handle) {
            return new HandleCodec(handle);
        }
        throw new AssertionError("unknown WIT type " + type);
    }

    /** The WIT type this codec lifts and lowers. */
    public final WitType type() {
        return type;
    }

    /** {@code elem_size}: the bytes a value takes in linear memory. */
    public final int size() {
        return size;
    }

    /** {@code alignment}: the alignment of a value in linear memory. */
    public final int alignment() {
        return alignment;
    }

    /** {@code flatten_type}: the core values a value lowers to. */
    public final List<CoreType> flatTypes() {
        return flatTypes;
    }

    /** The number of core values a value lowers to. */
    public final int flatCount() {
        return flatTypes.size();
    }

    /**
     * Checks that {@code value} is a Java value of this type that the Canonical ABI can carry, all the way down, in
     * a function whose strings are encoded as {@code stringEncoding} (which sets how long a string may be).
     *
     * @param what what the value is, for the message, e.g. {@code "argument 'p'"}
     * @throws IllegalArgumentException naming the path to the first bad part, e.g. {@code argument 'p' field 'x' of
     *     record point (u32) must be an Integer, not String}
     */
    public final void validate(Object value, String what, StringEncoding stringEncoding) {
        check(value, new Path(null, what, stringEncoding, null));
    }

    /**
     * {@link #validate(Object, String, StringEncoding)} for a value about to be lowered into {@code instance}: a
     * resource the guest defines must be one of that instance's, not dropped, and (for {@code own}) the host's to
     * give.
     */
    public final void validate(Object value, String what, StringEncoding stringEncoding, InstanceState instance) {
        check(value, new Path(null, what, stringEncoding, instance));
    }

    /**
     * {@code lift_flat}: the value from {@code flatCount()} core values starting at {@code flat[at]}.
     *
     * @throws WitTrapException when the core values break a Canonical ABI rule
     */
    public abstract Object liftFlat(LiftLowerContext cx, long[] flat, int at);

    /**
     * {@code lower_flat}: writes a {@linkplain #validate validated} value as {@code flatCount()} core values from
     * {@code flat[at]}, copying strings and lists into guest memory through its {@code cabi_realloc}.
     *
     * @throws WitTrapException when {@code cabi_realloc} is missing or returns a bad pointer
     */
    public abstract void lowerFlat(LiftLowerContext cx, Object value, long[] flat, int at);

    /**
     * {@code load}: the value stored at {@code ptr}.
     *
     * @throws WitTrapException when {@code ptr} is misaligned, the value leaves memory or breaks a Canonical ABI rule
     */
    public final Object load(LiftLowerContext cx, int ptr) {
        cx.checkRange(ptr, size, alignment, describe(type));
        return loadAt(cx, ptr);
    }

    /**
     * {@code store}: writes a {@linkplain #validate validated} value at {@code ptr}.
     *
     * @throws WitTrapException when {@code ptr} is misaligned or the value would leave memory, or
     *     {@code cabi_realloc} fails
     */
    public final void store(LiftLowerContext cx, Object value, int ptr) {
        cx.checkRange(ptr, size, alignment, describe(type));
        storeAt(cx, value, ptr);
    }

    /** {@link #load} at an address whose range and alignment the caller has checked. */
    abstract Object loadAt(LiftLowerContext cx, int ptr);

    /** {@link #store} at an address whose range and alignment the caller has checked. */
    abstract void storeAt(LiftLowerContext cx, Object value, int ptr);

    /** {@link #validate} below {@code path}. */
    abstract void check(Object value, Path path);

    // ---- shared helpers ---------------------------------------------------------------------------------------

    /** The value as a {@code cls}, or the error that it is something else. */
    final <T> T expect(Object value, Class<T> cls, Path path) {
        if (!cls.isInstance(value)) {
            String simpleName = cls.getSimpleName();
            String article = "AEIOU".indexOf(simpleName.charAt(0)) >= 0 ? "an " : "a ";
            throw invalid(path, "must be " + article + simpleName + ", not " + javaType(value));
        }
        return cls.cast(value);
    }

    /** What a wrong value is, for a message: the collection interface rather than {@code ListN} or {@code Set12}. */
    static String javaType(Object value) {
        if (value == null) {
            return "null";
        }
        for (Class<?> collection : List.of(List.class, Map.class, Set.class, Collection.class)) {
            if (collection.isInstance(value)) {
                return collection.getSimpleName();
            }
        }
        String simpleName = value.getClass().getSimpleName();
        return simpleName.isEmpty() ? value.getClass().getName() : simpleName;
    }

    /** The error for a bad value at {@code path}: the path, this type, then {@code problem}. */
    final IllegalArgumentException invalid(Path path, String problem) {
        return new IllegalArgumentException(path + " (" + describe(type) + ") " + problem);
    }

    /** A type for a message: named types with their kind ({@code record point}), others in WIT syntax. */
    static String describe(WitType type) {
        if (type instanceof RecordType) {
            return "record " + type;
        }
        if (type instanceof VariantType) {
            return "variant " + type;
        }
        if (type instanceof EnumType) {
            return "enum " + type;
        }
        if (type instanceof FlagsType) {
            return "flags " + type;
        }
        if (type instanceof HandleType handle && handle.ownership() == HandleType.Ownership.OWN) {
            return "own<" + handle.resource().name() + ">"; // WIT's shorthand 'r' would read as a type name here
        }
        return type.toString();
    }

    static String hex(int value) {
        return String.format("0x%X", Integer.toUnsignedLong(value));
    }

    /** An {@code i32} as the engine wants it: in the low 32 bits, zero-extended (see the class comment). */
    static long i32(int value) {
        return Integer.toUnsignedLong(value);
    }

    static WitTrapException trap(String reason) {
        return new WitTrapException(reason);
    }

    /**
     * Where a value sits inside an argument, built only as deep as validation goes and turned into text only for a
     * message: {@code argument 'p'}, then steps such as {@code field 'x' of record point}; with the string encoding
     * the value will be lowered in.
     */
    static final class Path {
        private final Path parent;
        private final String step;
        private final StringEncoding stringEncoding;
        /** The instance the value is for, when known: what resources of the guest's own are checked against. */
        private final InstanceState instance;

        Path(Path parent, String step, StringEncoding stringEncoding, InstanceState instance) {
            this.parent = parent;
            this.step = step;
            this.stringEncoding = stringEncoding;
            this.instance = instance;
        }

        Path then(String next) {
            return new Path(this, next, stringEncoding, instance);
        }

        /** The {@code string-encoding} of the function the value is for. */
        StringEncoding stringEncoding() {
            return stringEncoding;
        }

        InstanceState instance() {
            return instance;
        }

        @Override
        public String toString() {
            return parent == null ? step : parent + " " + step;
        }
    }
}
