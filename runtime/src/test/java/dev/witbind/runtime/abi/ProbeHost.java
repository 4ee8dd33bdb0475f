package dev.witbind.runtime.abi;

import static dev.witbind.wit.types.PrimitiveType.BOOL;
import static dev.witbind.wit.types.PrimitiveType.CHAR;
import static dev.witbind.wit.types.PrimitiveType.F32;
import static dev.witbind.wit.types.PrimitiveType.F64;
import static dev.witbind.wit.types.PrimitiveType.S16;
import static dev.witbind.wit.types.PrimitiveType.S32;
import static dev.witbind.wit.types.PrimitiveType.S64;
import static dev.witbind.wit.types.PrimitiveType.S8;
import static dev.witbind.wit.types.PrimitiveType.STRING;
import static dev.witbind.wit.types.PrimitiveType.U16;
import static dev.witbind.wit.types.PrimitiveType.U32;
import static dev.witbind.wit.types.PrimitiveType.U64;
import static dev.witbind.wit.types.PrimitiveType.U8;

import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.HostCall;
import dev.witbind.runtime.LinkerInstance;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host side of {@code test:abi/probe@1.0.0}, the interface the {@code abi-probe} guest imports
 * ({@code src/test/guests/abi-probe.c}).
 *
 * <p>Each function is a hand-written {@link HostCall} in the shape generated bindings have: specialised to its WIT
 * type, arguments read from the flat core values with {@link Abi} and {@link LiftLowerContext}, no reflection. Every
 * call records what the host saw, in a line a test compares exactly.
 */
public final class ProbeHost {
    /** The interface the guest imports. */
    public static final String INTERFACE = "test:abi/probe@1.0.0";

    public static final WitType BYTES = new ListType(U8);

    public static final WitFunctionType SCALARS = WitFunctionType.of(List.of(param("a", BOOL), param("b", S8),
            param("c", U8), param("d", S16), param("e", U16), param("f", S32), param("g", U32), param("h", S64),
            param("i", U64), param("j", F32), param("k", F64), param("l", CHAR)), STRING);
    public static final WitFunctionType MANY = WitFunctionType.of(List.of(param("p1", STRING), param("p2", STRING),
            param("p3", STRING), param("p4", STRING), param("p5", STRING), param("p6", STRING), param("p7", STRING),
            param("p8", STRING), param("p9", STRING)), U64);
    public static final WitFunctionType ECHO_U64 = echo("v", U64);
    public static final WitFunctionType ECHO_F64 = echo("v", F64);
    public static final WitFunctionType ECHO_F32 = echo("v", F32);
    public static final WitFunctionType ECHO_CHAR = echo("c", CHAR);
    public static final WitFunctionType ECHO_BOOL = echo("b", BOOL);
    public static final WitFunctionType ECHO_S8 = echo("v", S8);
    public static final WitFunctionType ECHO_U16 = echo("v", U16);
    public static final WitFunctionType BYTES_LEN = WitFunctionType.of(List.of(param("b", BYTES)), U32);
    public static final WitFunctionType REVERSE = WitFunctionType.of(List.of(param("b", BYTES)), BYTES);

    /** The string {@code scalars} returns after what it received; not ASCII, so lowering it takes UTF-8. */
    public static final String SCALARS_SUFFIX = " \u2713 \uD83D\uDE00";

    /** Size and alignment of the tuple of nine (ptr, len) pairs {@code many} receives. */
    private static final int MANY_TUPLE_SIZE = 72;
    private static final int MANY_TUPLE_ALIGNMENT = 4;

    private final List<String> seen = new ArrayList<>();
    private String scalarsResult;
    private Integer echoCharResult;

    /** The {@code guests/<file>} fixture from the test class path. */
    public static GuestModule guest(String file) {
        return GuestModule.fromResource(ProbeHost.class.getClassLoader(), "guests/" + file);
    }

    public static WitParam param(String name, WitType type) {
        return new WitParam(name, type);
    }

    /** {@code func(<name>: type) -> type}. */
    public static WitFunctionType echo(String name, WitType type) {
        return WitFunctionType.of(List.of(param(name, type)), type);
    }

    /** What the host functions received, one line per call, in call order. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    /** The host functions of the interface, by name, in the WIT file's order. */
    private Map<String, Definition> definitions() {
        Map<String, Definition> all = new LinkedHashMap<>();
        all.put("scalars", new Definition(SCALARS, this::scalars));
        all.put("many", new Definition(MANY, this::many));
        all.put("echo-u64", new Definition(ECHO_U64, this::echoU64));
        all.put("echo-f64", new Definition(ECHO_F64, this::echoF64));
        all.put("echo-f32", new Definition(ECHO_F32, this::echoF32));
        all.put("echo-char", new Definition(ECHO_CHAR, this::echoChar));
        all.put("echo-bool", new Definition(ECHO_BOOL, this::echoBool));
        all.put("echo-s8", new Definition(ECHO_S8, this::echoS8));
        all.put("echo-u16", new Definition(ECHO_U16, this::echoU16));
        all.put("bytes-len", new Definition(BYTES_LEN, this::bytesLen));
        all.put("reverse", new Definition(REVERSE, this::reverse));
        return all;
    }

    /** One host function: its WIT type and its body. */
    private record Definition(WitFunctionType type, HostCall call) {}

    /** Defines every function of the interface in {@code instance} except those named in {@code except}. */
    public LinkerInstance defineInto(LinkerInstance instance, Set<String> except) {
        definitions().forEach((name, definition) -> {
            if (!except.contains(name)) {
                instance.func(name, definition.type(), definition.call());
            }
        });
        return instance;
    }

    /** Defines every function of the interface in {@code instance}. */
    public LinkerInstance defineInto(LinkerInstance instance) {
        return defineInto(instance, Set.of());
    }

    // ---- the host functions, as generated bindings would write them ------------------------------------------

    private long[] scalars(LiftLowerContext cx, long[] args) {
        boolean a = Abi.liftBool(args[0]);
        byte b = (byte) args[1];
        byte c = (byte) args[2];
        short d = (short) args[3];
        short e = (short) args[4];
        int f = (int) args[5];
        int g = (int) args[6];
        long h = args[7];
        long i = args[8];
        float j = Abi.liftF32(args[9]);
        double k = Abi.liftF64(args[10]);
        int l = Abi.liftChar(args[11]);
        String received = String.format("bool=%s s8=%d u8=%d s16=%d u16=%d s32=%d u32=%s s64=%d u64=%s f32=0x%08x "
                + "f64=0x%016x char=U+%04X", a, b, Byte.toUnsignedInt(c), d, Short.toUnsignedInt(e), f,
                Integer.toUnsignedString(g), h, Long.toUnsignedString(i), Float.floatToRawIntBits(j),
                Double.doubleToRawLongBits(k), l);
        seen.add("scalars " + received);
        cx.storeString((int) args[12], scalarsResult != null ? scalarsResult : received + SCALARS_SUFFIX);
        return HostCall.NO_RESULTS;
    }

    /** Makes {@code scalars} return {@code value} instead of what it received (for invalid-value tests). */
    public ProbeHost scalarsReturns(String value) {
        this.scalarsResult = value;
        return this;
    }

    private long[] many(LiftLowerContext cx, long[] args) {
        // 18 flat parameters: the guest passes one pointer to the tuple (lift_flat_values checks it first)
        int tuple = cx.checkRange((int) args[0], MANY_TUPLE_SIZE, MANY_TUPLE_ALIGNMENT, "the parameters of many");
        List<String> strings = new ArrayList<>(9);
        for (int offset = 0; offset < MANY_TUPLE_SIZE; offset += 8) {
            strings.add(cx.liftString(cx.loadI32(tuple + offset), cx.loadI32(tuple + offset + 4)));
        }
        seen.add("many " + strings);
        long bytes = 0;
        long codePoints = 0;
        for (String s : strings) {
            bytes += Utf8.encodedLength(s);
            codePoints += s.codePointCount(0, s.length());
        }
        return new long[] {Long.MIN_VALUE | bytes << 32 | codePoints};
    }

    private long[] echoU64(LiftLowerContext cx, long[] args) {
        long v = args[0];
        seen.add("echo-u64 " + Long.toUnsignedString(v));
        return new long[] {v};
    }

    private long[] echoF64(LiftLowerContext cx, long[] args) {
        double v = Abi.liftF64(args[0]);
        seen.add(String.format("echo-f64 0x%016x", Double.doubleToRawLongBits(v)));
        return new long[] {Abi.lowerF64(v)};
    }

    private long[] echoF32(LiftLowerContext cx, long[] args) {
        float v = Abi.liftF32(args[0]);
        seen.add(String.format("echo-f32 0x%08x", Float.floatToRawIntBits(v)));
        return new long[] {Abi.lowerF32(v)};
    }

    private long[] echoChar(LiftLowerContext cx, long[] args) {
        int c = Abi.liftChar(args[0]);
        seen.add(String.format("echo-char U+%04X", c));
        return new long[] {Abi.lowerChar(echoCharResult != null ? echoCharResult : c)};
    }

    /** Makes {@code echo-char} return {@code codePoint} instead of its argument (for invalid-value tests). */
    public ProbeHost echoCharReturns(int codePoint) {
        this.echoCharResult = codePoint;
        return this;
    }

    private long[] echoBool(LiftLowerContext cx, long[] args) {
        boolean b = Abi.liftBool(args[0]);
        seen.add(String.format("echo-bool %s (i32 0x%08x)", b, (int) args[0]));
        return new long[] {Abi.lowerBool(b)};
    }

    private long[] echoS8(LiftLowerContext cx, long[] args) {
        byte v = (byte) args[0];
        seen.add(String.format("echo-s8 %d (i32 0x%08x)", v, (int) args[0]));
        return new long[] {v}; // lower_flat_signed: sign-extended
    }

    private long[] echoU16(LiftLowerContext cx, long[] args) {
        short v = (short) args[0];
        seen.add(String.format("echo-u16 %d (i32 0x%08x)", Short.toUnsignedInt(v), (int) args[0]));
        return new long[] {v & 0xFFFFL}; // unsigned: zero-extended
    }

    private long[] bytesLen(LiftLowerContext cx, long[] args) {
        byte[] b = cx.liftBytes((int) args[0], (int) args[1]);
        seen.add("bytes-len " + b.length);
        return new long[] {b.length};
    }

    private long[] reverse(LiftLowerContext cx, long[] args) {
        byte[] b = cx.liftBytes((int) args[0], (int) args[1]);
        seen.add("reverse " + Arrays.toString(b));
        byte[] reversed = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            reversed[i] = b[b.length - 1 - i];
        }
        cx.storeBytes((int) args[2], reversed);
        return HostCall.NO_RESULTS;
    }
}
