package dev.witbind.runtime.engine.chicory;

import static dev.witbind.runtime.engine.chicory.WasmBytes.body;
import static dev.witbind.runtime.engine.chicory.WasmBytes.bytes;
import static dev.witbind.runtime.engine.chicory.WasmBytes.concat;
import static dev.witbind.runtime.engine.chicory.WasmBytes.export;
import static dev.witbind.runtime.engine.chicory.WasmBytes.section;
import static dev.witbind.runtime.engine.chicory.WasmBytes.sleb;
import static dev.witbind.runtime.engine.chicory.WasmBytes.uleb;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.UninstantiableException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LinearMemory} against Chicory's own {@link ByteArrayMemory}: the same random operations on both must give
 * the same results, the same traps and the same bytes; then its own API, data segments, and real guests.
 */
class LinearMemoryTest {
    private static final int PAGE = Memory.PAGE_SIZE;
    private static final String OOB = "out of bounds memory access";
    /** Stands for "no maximum" in the differential cases: {@code new MemoryLimits(initial)}. */
    private static final int NO_MAXIMUM = -1;

    // ---- differential --------------------------------------------------------------------------------------

    static Stream<Arguments> differentialCases() {
        return Stream.of(
                Arguments.of(1L, 1, 40),
                Arguments.of(2L, 0, 40),
                Arguments.of(3L, 1, 40),
                Arguments.of(4L, 3, 8),
                Arguments.of(5L, 0, NO_MAXIMUM),
                Arguments.of(6L, 2, 2));
    }

    @ParameterizedTest(name = "seed {0}, pages {1}..{2}")
    @MethodSource("differentialCases")
    void behavesLikeChicorysByteArrayMemory(long seed, int initial, int maximum) {
        MemoryLimits limits = maximum == NO_MAXIMUM ? new MemoryLimits(initial) : new MemoryLimits(initial, maximum);
        Differential d = new Differential(new ByteArrayMemory(limits), new LinearMemory(limits), new Random(seed));

        assertEquals(d.theirs.initialPages(), d.ours.initialPages());
        assertEquals(d.theirs.maximumPages(), d.ours.maximumPages());
        assertEquals(d.theirs.shared(), d.ours.shared());
        for (int i = 0; i < 5000; i++) {
            d.step = i;
            d.randomOperation();
            if (i % 250 == 0) {
                d.assertSameContents();
            }
        }
        d.assertSameContents();
        // A run where every operation trapped would prove little: most must have succeeded, some must have trapped.
        assertTrue(d.succeeded > 2000, "only " + d.succeeded + " operations succeeded");
        assertTrue(d.trapped > 500, "only " + d.trapped + " operations trapped");
        if (maximum == NO_MAXIMUM || maximum > initial) {
            assertTrue(d.grew > 0, "no grow succeeded");
        }
    }

    /** Runs each operation on Chicory's memory and on ours and compares what they return or throw. */
    private static final class Differential {
        final Memory theirs;
        final LinearMemory ours;
        final Random random;
        int step;
        int succeeded;
        int trapped;
        int grew;

        Differential(Memory theirs, LinearMemory ours, Random random) {
            this.theirs = theirs;
            this.ours = ours;
            this.random = random;
        }

        int size() {
            return theirs.pages() * PAGE;
        }

        /** In bounds, at the very end, across the end, across a page boundary, far out, or negative (>= 2^31). */
        int address(int width) {
            int size = size();
            switch (random.nextInt(12)) {
                case 0:
                case 1:
                case 2:
                case 3:
                case 4:
                    return size == 0 ? 0 : random.nextInt(size);
                case 5:
                case 6:
                    return size - width + random.nextInt(width + 2) - 1; // last valid, and just past it
                case 7:
                    return random.nextInt(theirs.pages() + 1) * PAGE - random.nextInt(width + 1);
                case 8:
                    return random.nextInt(); // wild, half of them "negative"
                case 9:
                    return -1 - random.nextInt(16);
                case 10:
                    return Integer.MIN_VALUE + random.nextInt(16);
                default:
                    return Integer.MAX_VALUE - random.nextInt(16);
            }
        }

        int length() {
            switch (random.nextInt(8)) {
                case 0:
                    return 0;
                case 1:
                case 2:
                case 3:
                    return random.nextInt(64);
                case 4:
                    return random.nextInt(70_000);
                case 5:
                    return random.nextInt(size() + 2);
                case 6:
                    return -1 - random.nextInt(4);
                default:
                    return Integer.MIN_VALUE + random.nextInt(4);
            }
        }

        int aligned(int width) {
            return address(width) & -width;
        }

        void randomOperation() {
            int kind = random.nextInt(31);
            switch (kind) {
                case 0: {
                    int a = address(1);
                    check("read " + a, m -> m.read(a));
                    break;
                }
                case 1: {
                    int a = address(2);
                    check("readShort " + a, m -> m.readShort(a));
                    break;
                }
                case 2: {
                    int a = address(2);
                    check("readU16 " + a, m -> m.readU16(a));
                    break;
                }
                case 3: {
                    int a = address(4);
                    check("readInt " + a, m -> m.readInt(a));
                    break;
                }
                case 4: {
                    int a = address(8);
                    check("readLong " + a, m -> m.readLong(a));
                    break;
                }
                case 5: {
                    int a = address(4);
                    check("readF32 " + a, m -> m.readF32(a));
                    break;
                }
                case 6: {
                    int a = address(4);
                    check("readFloat " + a, m -> Float.floatToRawIntBits(m.readFloat(a)));
                    break;
                }
                case 7: {
                    int a = address(8);
                    check("readF64 " + a, m -> m.readF64(a));
                    break;
                }
                case 8: {
                    int a = address(8);
                    check("readDouble " + a, m -> Double.doubleToRawLongBits(m.readDouble(a)));
                    break;
                }
                case 9: {
                    int a = address(4);
                    check("readI8/U8/I16/I32/U32/I64 " + a, m -> List.of(
                            attempt(() -> m.readI8(a)), attempt(() -> m.readU8(a)), attempt(() -> m.readI16(a)),
                            attempt(() -> m.readI32(a)), attempt(() -> m.readU32(a)), attempt(() -> m.readI64(a))));
                    break;
                }
                case 10: {
                    int a = address(1);
                    byte v = (byte) random.nextInt();
                    check("writeByte " + a, m -> {
                        m.writeByte(a, v);
                        return m.read(a);
                    });
                    break;
                }
                case 11: {
                    int a = address(2);
                    short v = (short) random.nextInt();
                    check("writeShort " + a, m -> {
                        m.writeShort(a, v);
                        return m.readShort(a);
                    });
                    break;
                }
                case 12:
                case 13: {
                    int a = address(4);
                    int v = random.nextInt();
                    check("writeI32 " + a, m -> {
                        m.writeI32(a, v);
                        return m.readInt(a);
                    });
                    break;
                }
                case 14: {
                    int a = address(8);
                    long v = random.nextLong();
                    check("writeLong " + a, m -> {
                        m.writeLong(a, v);
                        return m.readLong(a);
                    });
                    break;
                }
                case 15: {
                    int a = address(4);
                    float v = Float.intBitsToFloat(random.nextInt()); // NaNs with payloads included
                    check("writeF32 " + a, m -> {
                        m.writeF32(a, v);
                        return m.readF32(a);
                    });
                    break;
                }
                case 16: {
                    int a = address(8);
                    double v = Double.longBitsToDouble(random.nextLong());
                    check("writeF64 " + a, m -> {
                        m.writeF64(a, v);
                        return m.readF64(a);
                    });
                    break;
                }
                case 17:
                case 18: {
                    byte[] data = randomBytes(random.nextInt(200));
                    int offset = random.nextInt(8) == 0 ? -1 - random.nextInt(3) : random.nextInt(data.length + 3);
                    int length = random.nextInt(8) == 0 ? length() : random.nextInt(data.length + 3);
                    int a = address(Math.max(length, 1));
                    check("write " + a + " [" + offset + ", +" + length + ") of " + data.length,
                            m -> {
                                m.write(a, data, offset, length);
                                return null;
                            });
                    break;
                }
                case 19: {
                    byte[] data = randomBytes(random.nextInt(100));
                    int a = address(Math.max(data.length, 1));
                    check("write " + a + " all " + data.length, m -> {
                        m.write(a, data);
                        return null;
                    });
                    break;
                }
                case 20:
                case 21: {
                    int length = length();
                    int a = address(Math.max(length, 1));
                    check("readBytes " + a + " +" + length, m -> m.readBytes(a, length));
                    break;
                }
                case 22: {
                    int length = random.nextInt(100);
                    int a = address(Math.max(length, 1));
                    check("readString " + a + " +" + length, m -> m.readString(a, length));
                    break;
                }
                case 23: {
                    int length = length();
                    int from = address(Math.max(length, 1));
                    // Chicory's interpreter and compiler pass an end computed as from + length, wrapping in int.
                    int to = random.nextInt(10) == 0 ? from - 1 - random.nextInt(10) : from + length;
                    byte v = (byte) random.nextInt();
                    check("fill " + v + " [" + from + ", " + to + ")", m -> {
                        m.fill(v, from, to);
                        return null;
                    });
                    break;
                }
                case 24:
                case 25: {
                    int length = random.nextBoolean() ? random.nextInt(300) : length();
                    int src = address(Math.max(length, 1));
                    // overlapping both ways, or anywhere
                    int dest = random.nextInt(3) == 0 ? address(Math.max(length, 1)) : src + random.nextInt(65) - 32;
                    check("copy " + src + " -> " + dest + " +" + length, m -> {
                        m.copy(dest, src, length);
                        return null;
                    });
                    break;
                }
                case 26:
                case 27: {
                    int delta = growDelta();
                    check("grow " + delta, m -> m.grow(delta));
                    break;
                }
                case 28:
                case 29:
                    atomic();
                    break;
                default:
                    if (random.nextInt(20) == 0) { // rare, so that memory keeps its contents
                        check("zero", m -> {
                            m.zero();
                            return null;
                        });
                    } else {
                        int a = address(8);
                        check("readI64 " + a, m -> m.readI64(a));
                    }
                    break;
            }
        }

        int growDelta() {
            int room = theirs.maximumPages() - theirs.pages();
            int pick = random.nextInt(40);
            if (pick < 4) {
                return 0;
            } else if (pick < 8) {
                return 2;
            } else if (pick < 12) {
                return room + 1 + random.nextInt(3); // just past the maximum
            } else if (pick < 15) {
                return -1 - random.nextInt(3); // 2^32 - n pages
            } else if (pick == 15) {
                return Integer.MIN_VALUE;
            } else if (pick == 16) {
                return Integer.MAX_VALUE;
            } else if (pick == 17) {
                return room <= 64 ? room : 3; // exactly to the maximum, when that is small enough to allocate
            }
            return 1;
        }

        /** Aligned, as Chicory's interpreter and compiler check before they call the memory. */
        void atomic() {
            int op = random.nextInt(14);
            int width = op < 6 ? 4 : op < 10 ? 8 : op < 12 ? 2 : 1;
            int a = aligned(width);
            long v = random.nextLong();
            boolean current = random.nextBoolean();
            switch (op) {
                case 0:
                    check("atomicReadInt " + a, m -> m.atomicReadInt(a));
                    break;
                case 1:
                    check("atomicWriteInt " + a, m -> {
                        m.atomicWriteInt(a, (int) v);
                        return m.readInt(a);
                    });
                    break;
                case 2:
                    check("atomicAddInt " + a, m -> List.of(m.atomicAddInt(a, (int) v), m.readInt(a)));
                    break;
                case 3:
                    check("atomicCmpxchgInt " + a, m -> List.of(
                            m.atomicCmpxchgInt(a, current ? m.readInt(a) : (int) (v >>> 32), (int) v), m.readInt(a)));
                    break;
                case 4:
                    check("atomicXchgInt " + a, m -> List.of(m.atomicXchgInt(a, (int) v), m.readInt(a)));
                    break;
                case 5:
                    check("atomicAnd/Or/XorInt " + a, m -> List.of(m.atomicAndInt(a, (int) v),
                            m.atomicOrInt(a, (int) (v >> 8)), m.atomicXorInt(a, (int) (v >> 16)), m.readInt(a)));
                    break;
                case 6:
                    check("atomicReadLong " + a, m -> m.atomicReadLong(a));
                    break;
                case 7:
                    check("atomicAddLong " + a, m -> List.of(m.atomicAddLong(a, v), m.readLong(a)));
                    break;
                case 8:
                    check("atomicCmpxchgLong " + a, m -> List.of(
                            m.atomicCmpxchgLong(a, current ? m.readLong(a) : ~v, v), m.readLong(a)));
                    break;
                case 9:
                    check("atomicAnd/Or/Xor/XchgLong " + a, m -> List.of(m.atomicAndLong(a, v),
                            m.atomicOrLong(a, v >>> 3), m.atomicXorLong(a, v << 5), m.atomicXchgLong(a, ~v)));
                    break;
                case 10:
                    check("atomicAddShort " + a, m -> List.of(m.atomicAddShort(a, (short) v), m.readShort(a)));
                    break;
                case 11:
                    check("atomicCmpxchgShort " + a, m -> List.of(
                            m.atomicCmpxchgShort(a, current ? m.readShort(a) : (short) (v >> 16), (short) v),
                            m.atomicReadShort(a)));
                    break;
                case 12:
                    check("atomicAddByte " + a, m -> List.of(m.atomicAddByte(a, (byte) v), m.atomicReadByte(a)));
                    break;
                default:
                    check("atomicXchgByte " + a, m -> List.of(m.atomicXchgByte(a, (byte) v), m.read(a)));
                    break;
            }
        }

        byte[] randomBytes(int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }

        void check(String what, Function<Memory, Object> operation) {
            Outcome expected = Outcome.of(() -> operation.apply(theirs));
            Outcome actual = Outcome.of(() -> operation.apply(ours));
            String context = "step " + step + ": " + what;
            if (expected.thrown != null) {
                if (actual.thrown == null) {
                    fail(context + ": Chicory threw " + expected.thrown + " but LinearMemory returned "
                            + actual.value);
                }
                assertEquals(expected.thrown.getClass(), actual.thrown.getClass(), context);
                assertOutOfBoundsMessage(actual.thrown, context);
                trapped++;
            } else {
                if (actual.thrown != null) {
                    throw new AssertionError(context + ": LinearMemory threw, Chicory returned " + expected.value,
                            actual.thrown);
                }
                assertEquals(expected.value, actual.value, context);
                succeeded++;
                if (what.startsWith("grow") && !expected.value.equals(-1) && theirs.pages() > (int) expected.value) {
                    grew++;
                }
            }
            assertEquals(theirs.pages(), ours.pages(), context);
            assertEquals(theirs.pages() * PAGE, ours.byteSize(), context);
            assertTrue(ours.array().length >= ours.byteSize(), context);
        }

        void assertSameContents() {
            int size = size();
            byte[] expected = theirs.readBytes(0, size);
            assertArrayEquals(expected, ours.readBytes(0, size), "step " + step);
            assertArrayEquals(expected, Arrays.copyOf(ours.array(), size), "step " + step);
        }
    }

    /** A value (arrays as lists, so that equals compares contents) or what was thrown. */
    private static final class Outcome {
        final Object value;
        final RuntimeException thrown;

        private Outcome(Object value, RuntimeException thrown) {
            this.value = value;
            this.thrown = thrown;
        }

        static Outcome of(java.util.function.Supplier<Object> operation) {
            try {
                Object value = operation.get();
                return new Outcome(value instanceof byte[] ? toList((byte[]) value) : value, null);
            } catch (RuntimeException e) {
                return new Outcome(null, e);
            }
        }

        private static List<Byte> toList(byte[] bytes) {
            List<Byte> list = new ArrayList<>(bytes.length);
            for (byte b : bytes) {
                list.add(b);
            }
            return list;
        }
    }

    /** Inside an operation that reads several widths: each one's value, or the class of its trap. */
    private static Object attempt(java.util.function.Supplier<Object> read) {
        try {
            return read.get();
        } catch (WasmRuntimeException e) {
            return e.getClass();
        }
    }

    private static void assertOutOfBoundsMessage(Throwable thrown, String context) {
        if (thrown instanceof WasmRuntimeException) {
            assertTrue(thrown.getMessage().startsWith(OOB), context + ": " + thrown.getMessage());
        }
    }

    // ---- size and growth -----------------------------------------------------------------------------------

    @Test
    void growReturnsTheOldPageCountOrMinusOneAndHonoursTheMaximum() {
        LinearMemory memory = new LinearMemory(new MemoryLimits(1, 3));
        assertEquals(1, memory.grow(0));
        assertEquals(1, memory.grow(2));
        assertEquals(3, memory.pages());
        assertEquals(3 * PAGE, memory.byteSize());
        assertEquals(-1, memory.grow(1));
        assertEquals(-1, memory.grow(-1));
        assertEquals(-1, memory.grow(Integer.MAX_VALUE));
        assertEquals(3, memory.grow(0));
        assertEquals(3, memory.pages());
    }

    @Test
    void aMemoryWithoutAMaximumStopsAtWitbindsCap() {
        LinearMemory memory = new LinearMemory(new MemoryLimits(0));
        assertEquals(LinearMemory.MAX_PAGES, memory.maximumPages());
        assertEquals(Memory.RUNTIME_MAX_PAGES, memory.maximumPages());
        assertEquals(0, memory.byteSize());
        assertEquals(-1, memory.grow(LinearMemory.MAX_PAGES + 1)); // fails without trying to allocate 2 GiB
        assertEquals(0, memory.pages());
        assertEquals(0, memory.grow(2));
        assertEquals(2 * PAGE, memory.byteSize());
    }

    @Test
    void aMemoryOfZeroPagesTrapsOnEveryAccessUntilItGrows() {
        LinearMemory memory = new LinearMemory(new MemoryLimits(0, 1));
        for (Function<Memory, Object> access : List.<Function<Memory, Object>>of(
                m -> m.read(0), m -> m.readShort(0), m -> m.readInt(0), m -> m.readLong(0), m -> m.readFloat(0),
                m -> m.readDouble(0), m -> m.readBytes(0, 1), m -> {
                    m.writeByte(0, (byte) 1);
                    return null;
                })) {
            WasmRuntimeException e = assertThrows(WasmRuntimeException.class, () -> access.apply(memory));
            assertTrue(e.getMessage().startsWith(OOB), e.getMessage());
        }
        assertEquals(0, memory.readBytes(0, 0).length);
        assertEquals(0, memory.grow(1));
        memory.writeLong(PAGE - 8, -2L);
        assertEquals(-2L, memory.readLong(PAGE - 8));
    }

    @Test
    void theTrapMessageHasChicorysShapeWithTheUnsignedAddress() {
        LinearMemory memory = new LinearMemory(new MemoryLimits(1, 1));
        WasmRuntimeException e = assertThrows(WasmRuntimeException.class, () -> memory.readInt(PAGE - 3));
        assertEquals(OOB + ": attempted to access address: 65533 but limit is: 65536 and size: 4", e.getMessage());
        e = assertThrows(WasmRuntimeException.class, () -> memory.writeLong(-8, 0));
        assertEquals(OOB + ": attempted to access address: 4294967288 but limit is: 65536 and size: 8",
                e.getMessage());
        // address + length wraps past 2^32 in int arithmetic: still out of bounds
        e = assertThrows(WasmRuntimeException.class, () -> memory.readBytes(16, -16));
        assertTrue(e.getMessage().startsWith(OOB));
        assertThrows(WasmRuntimeException.class, () -> memory.copy(0, Integer.MAX_VALUE, 2));
        assertThrows(WasmRuntimeException.class, () -> memory.fill((byte) 1, PAGE, PAGE + 1));
        memory.fill((byte) 1, PAGE, PAGE); // an empty fill at the very end is in bounds
    }

    @Test
    void growingOnePageAtATimeReallocatesLogarithmicallyOftenAndKeepsTheContents() {
        LinearMemory memory = new LinearMemory(new MemoryLimits(1));
        Set<byte[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        arrays.add(memory.array());
        memory.writeI32(0, 0x5EED);
        for (int page = 1; page <= 1000; page++) {
            assertEquals(page, memory.grow(1));
            memory.writeI32(page * PAGE + 4, page); // marks each page, to check every copy kept it
            arrays.add(memory.array());
        }
        assertEquals(1001, memory.pages());
        // capacities 1, 2, 4, ..., 1024 pages: 11 arrays; one per grow would be 1001
        assertTrue(arrays.size() <= 11, arrays.size() + " arrays for 1000 grows");
        assertTrue(arrays.size() >= 2);
        assertEquals(0x5EED, memory.readInt(0));
        for (int page = 1; page <= 1000; page++) {
            assertEquals(page, memory.readInt(page * PAGE + 4), "page " + page);
            assertEquals(0, memory.readInt(page * PAGE), "page " + page);
        }
    }

    @Test
    void newlyExposedBytesAreZeroEvenIfTheSpareCapacityWasWrittenThroughTheArray() {
        LinearMemory memory = new LinearMemory(new MemoryLimits(1, 8));
        memory.fill((byte) 0x11, 0, PAGE);
        assertEquals(1, memory.grow(2)); // reallocates: capacity 3 pages
        assertEquals(3 * PAGE, memory.byteSize());
        assertTrue(isZero(memory.array(), PAGE, 3 * PAGE));
        assertEquals(3, memory.grow(1)); // reallocates again: capacity 6 pages, so 2 spare
        byte[] array = memory.array();
        assertTrue(array.length > memory.byteSize(), "expected spare capacity");
        Arrays.fill(array, memory.byteSize(), array.length, (byte) 0x77); // past byteSize(): not the guest's
        assertEquals(4, memory.grow(1));
        assertSame(array, memory.array(), "a grow within the capacity keeps the array");
        assertTrue(isZero(array, 4 * PAGE, 5 * PAGE));
        assertEquals(0, memory.readLong(5 * PAGE - 8));
        assertEquals(0x1111111111111111L, memory.readLong(PAGE - 8));
    }

    @Test
    void zeroClearsTheWholeMemory() {
        LinearMemory memory = new LinearMemory(new MemoryLimits(2, 2));
        memory.fill((byte) -1, 0, 2 * PAGE);
        memory.zero();
        assertTrue(isZero(memory.array(), 0, 2 * PAGE));
    }

    @Test
    void sharedLimitsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LinearMemory(new MemoryLimits(1, 2, true)));
        assertTrue(e.getMessage().contains("shared"), e.getMessage());
    }

    @Test
    void anInitialSizeOverTheCapIsRefused() {
        assertThrows(UninstantiableException.class, () -> new LinearMemory(new MemoryLimits(32768)));
    }

    @Test
    void nonSharedWaitTrapsAndNotifyWakesNoOneAsInChicory() {
        LinearMemory ours = new LinearMemory(new MemoryLimits(1, 1));
        ByteArrayMemory theirs = new ByteArrayMemory(new MemoryLimits(1, 1));
        ChicoryException expected = assertThrows(ChicoryException.class, () -> theirs.atomicWait(0, 0, 0L));
        ChicoryException e = assertThrows(ChicoryException.class, () -> ours.atomicWait(0, 0, 0L));
        assertEquals(expected.getClass(), e.getClass());
        assertEquals(expected.getMessage(), e.getMessage());
        e = assertThrows(ChicoryException.class, () -> ours.atomicWait(0, 0L, -1L));
        assertEquals(expected.getMessage(), e.getMessage());
        assertEquals(theirs.atomicNotify(0, 5), ours.atomicNotify(0, 5));
        assertEquals(0, ours.atomicNotify(0, 5));
    }

    // ---- witbind's API -------------------------------------------------------------------------------------

    @Test
    void theArrayIsTheMemory() {
        LinearMemory memory = new LinearMemory(new MemoryLimits(1, 4));
        memory.writeI32(100, 0x04030201);
        byte[] array = memory.array();
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Arrays.copyOfRange(array, 100, 104)); // little-endian, in place
        byte[] text = "grüße, 🎉".getBytes(UTF_8);
        System.arraycopy(text, 0, array, 200, text.length);
        assertEquals("grüße, 🎉", memory.readString(200, text.length));
        assertEquals("grüße, 🎉", new String(memory.array(), 200, text.length, UTF_8));

        assertEquals(1, memory.grow(1)); // past the capacity: a new array with the same bytes
        assertNotSame(array, memory.array());
        assertEquals(0x04030201, memory.readInt(100));
        assertArrayEquals(Arrays.copyOf(array, PAGE), Arrays.copyOf(memory.array(), PAGE));
        array[100] = 9; // the old array is no longer the memory
        assertEquals(1, memory.read(100));
    }

    // ---- data segments -------------------------------------------------------------------------------------

    private static List<Instruction> i32Const(int value) {
        return List.of(new Instruction(-1, OpCode.I32_CONST, new long[] {value}),
                new Instruction(-1, OpCode.END, new long[0]));
    }

    private static DataSegment[] segments() {
        return new DataSegment[] {
            new ActiveDataSegment(0, i32Const(16), "hello".getBytes(UTF_8)),
            new PassiveDataSegment("passive!".getBytes(UTF_8)),
            new ActiveDataSegment(1, i32Const(32), "other memory".getBytes(UTF_8)),
            new ActiveDataSegment(0, i32Const(PAGE - 5), "world".getBytes(UTF_8)),
        };
    }

    @Test
    void initializeCopiesThisMemorysActiveSegmentsLikeChicory() {
        for (int memoryIndex : new int[] {0, 1}) {
            ByteArrayMemory theirs = new ByteArrayMemory(new MemoryLimits(1, 2));
            LinearMemory ours = new LinearMemory(new MemoryLimits(1, 2));
            theirs.initialize(null, segments(), memoryIndex);
            ours.initialize(null, segments(), memoryIndex);
            assertArrayEquals(theirs.readBytes(0, PAGE), ours.readBytes(0, PAGE));
        }
        LinearMemory memory = new LinearMemory(new MemoryLimits(1, 2));
        memory.initialize(null, segments());
        assertEquals("hello", memory.readString(16, 5));
        assertEquals("world", memory.readString(PAGE - 5, 5));
        assertEquals(0, memory.read(32)); // memory 1's segment is not ours
    }

    @Test
    void anActiveSegmentOutOfBoundsFailsTheInstantiationLikeChicory() {
        DataSegment[] segments = {
            new ActiveDataSegment(0, i32Const(0), new byte[] {1}),
            new ActiveDataSegment(0, i32Const(PAGE - 4), new byte[5]),
        };
        ByteArrayMemory theirs = new ByteArrayMemory(new MemoryLimits(1, 2));
        LinearMemory ours = new LinearMemory(new MemoryLimits(1, 2));
        ChicoryException expected = assertThrows(ChicoryException.class, () -> theirs.initialize(null, segments));
        ChicoryException e = assertThrows(ChicoryException.class, () -> ours.initialize(null, segments));
        assertEquals(UninstantiableException.class, expected.getClass());
        assertEquals(expected.getClass(), e.getClass());
        assertTrue(e.getMessage().startsWith(OOB), e.getMessage());
        assertEquals(theirs.read(0), ours.read(0)); // the segment before stays written, in both
        assertEquals(1, ours.read(0));
        // a negative offset is an offset of 2^31 or more
        DataSegment[] negative = {new ActiveDataSegment(0, i32Const(-1), new byte[1])};
        assertThrows(UninstantiableException.class, () -> ours.initialize(null, negative));
    }

    @Test
    void initPassiveSegmentAndDropBehaveLikeChicory() {
        for (Memory memory : List.of(new ByteArrayMemory(new MemoryLimits(1, 2)),
                new LinearMemory(new MemoryLimits(1, 2)))) {
            String name = memory.getClass().getSimpleName();
            memory.initialize(null, segments());
            memory.initPassiveSegment(1, 1000, 0, 8);
            assertEquals("passive!", memory.readString(1000, 8), name);
            memory.initPassiveSegment(1, 2000, 3, 4);
            assertEquals("sive", memory.readString(2000, 4), name);
            memory.initPassiveSegment(1, PAGE, 8, 0); // empty, at both ends: in bounds
            for (int[] bad : new int[][] {{0, 5, 4}, {0, 9, 0}, {0, -1, 1}, {PAGE - 7, 0, 8}, {-1, 0, 1},
                {0, 0, -1}}) {
                WasmRuntimeException e = assertThrows(WasmRuntimeException.class,
                        () -> memory.initPassiveSegment(1, bad[0], bad[1], bad[2]), name + Arrays.toString(bad));
                assertTrue(e.getMessage().startsWith(OOB), e.getMessage());
            }
            memory.drop(1);
            memory.initPassiveSegment(1, 0, 0, 0); // a dropped segment is empty
            assertThrows(WasmRuntimeException.class, () -> memory.initPassiveSegment(1, 0, 0, 1), name);
            assertEquals("passive!", memory.readString(1000, 8), name);
        }
    }

    // ---- real guests ---------------------------------------------------------------------------------------

    enum Engine {
        INTERPRETER,
        COMPILER
    }

    private static Instance instantiate(WasmModule module, ImportValues imports,
            Function<MemoryLimits, Memory> memoryFactory, Engine engine) {
        Instance.Builder builder = Instance.builder(module).withImportValues(imports);
        if (memoryFactory != null) {
            builder.withMemoryFactory(memoryFactory);
        }
        if (engine == Engine.COMPILER) {
            builder.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        return builder.build();
    }

    /**
     * A module written out byte by byte: one memory, an active segment "hello" at 16 and a passive one
     * "passive!", and exports init(dest, offset, size) = memory.init 1, drop() = data.drop 1,
     * grow(n) = memory.grow, load(address) = i32.load.
     */
    private static byte[] segmentModule(int minPages, int maxPages, int activeOffset) {
        byte[] active = "hello".getBytes(UTF_8);
        byte[] passive = "passive!".getBytes(UTF_8);
        int i32 = 0x7f;
        return concat(
                bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00),
                section(1, bytes(3), bytes(0x60, 3, i32, i32, i32, 0), bytes(0x60, 0, 0),
                        bytes(0x60, 1, i32, 1, i32)),
                section(3, bytes(4, 0, 1, 2, 2)),
                section(5, bytes(1, 1), uleb(minPages), uleb(maxPages)),
                section(7, bytes(5), export("init", 0, 0), export("drop", 0, 1), export("grow", 0, 2),
                        export("load", 0, 3), export("memory", 2, 0)),
                section(12, bytes(2)),
                section(10, bytes(4),
                        body(0x20, 0, 0x20, 1, 0x20, 2, 0xfc, 8, 1, 0),
                        body(0xfc, 9, 1),
                        body(0x20, 0, 0x40, 0),
                        body(0x20, 0, 0x28, 2, 0)),
                section(11, bytes(2),
                        bytes(0, 0x41), sleb(activeOffset), bytes(0x0b), uleb(active.length), active,
                        bytes(1), uleb(passive.length), passive));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRealModulesDataSegmentsGoThroughLinearMemoryAsThroughChicorys(Engine engine) {
        WasmModule module = Parser.parse(segmentModule(1, 3, 16));
        Instance ours = instantiate(module, ImportValues.empty(), LinearMemory::new, engine);
        Instance theirs = instantiate(module, ImportValues.empty(), null, engine);
        assertInstanceOf(LinearMemory.class, ours.memory());
        assertFalse(theirs.memory() instanceof LinearMemory); // Chicory's default, a ByteBufferMemory

        List<String> log = segmentScript(ours);
        assertEquals(segmentScript(theirs), log);
        assertEquals(List.of(
                "hello",
                "init(100, 0, 8) = ok", "passive!",
                "init(100, 4, 5) traps: out of bounds", "init(65532, 0, 8) traps: out of bounds",
                "grow(1) = [1]", "init(131064, 0, 8) = ok", "passive!",
                "load(16) = [1819043176]",
                "drop() = ok", "init(0, 0, 0) = ok", "init(0, 0, 1) traps: out of bounds",
                "grow(5) = [-1]", "grow(1) = [2]", "grow(0) = [3]"), log);
        assertArrayEquals(theirs.memory().readBytes(0, 3 * PAGE), ours.memory().readBytes(0, 3 * PAGE));
    }

    private static List<String> segmentScript(Instance instance) {
        Memory memory = instance.memory();
        List<String> log = new ArrayList<>();
        log.add(memory.readString(16, 5));
        log.add(call(instance, "init", 100, 0, 8));
        log.add(memory.readString(100, 8));
        log.add(call(instance, "init", 100, 4, 5)); // past the segment's end
        log.add(call(instance, "init", PAGE - 4, 0, 8)); // past the memory's end
        log.add(call(instance, "grow", 1));
        log.add(call(instance, "init", 2 * PAGE - 8, 0, 8)); // in the new page's last bytes
        log.add(memory.readString(2 * PAGE - 8, 8));
        log.add(call(instance, "load", 16));
        log.add(call(instance, "drop"));
        log.add(call(instance, "init", 0, 0, 0));
        log.add(call(instance, "init", 0, 0, 1));
        log.add(call(instance, "grow", 5));
        log.add(call(instance, "grow", 1));
        log.add(call(instance, "grow", 0));
        return log;
    }

    private static String call(Instance instance, String export, long... args) {
        String call = export + Arrays.toString(args).replace('[', '(').replace(']', ')');
        try {
            long[] results = instance.export(export).apply(args);
            return call + " = " + (results == null ? "ok" : Arrays.toString(results));
        } catch (WasmRuntimeException e) {
            return call + " traps: " + (e.getMessage().startsWith(OOB) ? "out of bounds" : e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anActiveSegmentOutOfBoundsFailsARealInstantiation(Engine engine) {
        WasmModule module = Parser.parse(segmentModule(1, 3, PAGE - 4));
        UninstantiableException expected = assertThrows(UninstantiableException.class,
                () -> instantiate(module, ImportValues.empty(), null, engine));
        UninstantiableException e = assertThrows(UninstantiableException.class,
                () -> instantiate(module, ImportValues.empty(), LinearMemory::new, engine));
        assertTrue(expected.getMessage().startsWith(OOB), expected.getMessage());
        assertTrue(e.getMessage().startsWith(OOB), e.getMessage());
    }

    /** The committed abi-probe guest (C, clang), its imports stubbed to return zeros; only its exports run. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theAbiProbeGuestRunsOnLinearMemoryAsOnChicorys(Engine engine) throws IOException {
        WasmModule module = Parser.parse(resource("guests/abi-probe.wasm"));
        Instance ours = instantiate(module, zeroImports(module), LinearMemory::new, engine);
        Instance theirs = instantiate(module, zeroImports(module), null, engine);
        LinearMemory memory = assertInstanceOf(LinearMemory.class, ours.memory());
        assertFalse(theirs.memory() instanceof LinearMemory);

        List<Object> log = probeScript(ours);
        assertEquals(probeScript(theirs), log);
        assertEquals("Hello, Wörld! 🎉", log.get(2));
        int size = ours.memory().pages() * PAGE;
        assertEquals(theirs.memory().pages(), ours.memory().pages());
        assertArrayEquals(theirs.memory().readBytes(0, size), ours.memory().readBytes(0, size));

        // What witbind does with it: decode the guest's string where it lies.
        long[] slice = ours.export("concat").apply(100, 0, 100, 0);
        int ret = (int) slice[0];
        int ptr = memory.readInt(ret);
        assertEquals(0, memory.readInt(ret + 4));
        assertTrue(ptr > 0 && ptr <= memory.byteSize());
    }

    private static List<Object> probeScript(Instance instance) {
        Memory memory = instance.memory();
        ExportFunction realloc = instance.export("cabi_realloc");
        ExportFunction memorySize = instance.export("memory-size");
        List<Object> log = new ArrayList<>();
        long sizeBefore = memorySize.apply()[0];
        log.add(sizeBefore);

        byte[] a = "Hello, ".getBytes(UTF_8);
        byte[] b = "Wörld! 🎉".getBytes(UTF_8);
        int pa = (int) realloc.apply(0, 0, 1, a.length)[0];
        memory.write(pa, a);
        int pb = (int) realloc.apply(0, 0, 1, b.length)[0];
        memory.write(pb, b);
        long sum = instance.export("bytes-sum").apply(pb, b.length)[0];
        log.add(sum);
        int ret = (int) instance.export("concat").apply(pa, a.length, pb, b.length)[0];
        int ptr = memory.readInt(ret);
        int len = memory.readInt(ret + 4);
        log.add(memory.readString(ptr, len));

        // Enough to make the guest grow its memory: LinearMemory must move to a bigger array and keep every byte.
        byte[] before = memory instanceof LinearMemory ? ((LinearMemory) memory).array() : null;
        int big = (int) realloc.apply(0, 0, 8, 300_000)[0];
        long sizeAfter = memorySize.apply()[0];
        assertTrue(sizeAfter >= big + 300_000L && sizeAfter > sizeBefore, sizeBefore + " -> " + sizeAfter);
        log.add(sizeAfter);
        if (before != null) {
            assertNotSame(before, ((LinearMemory) memory).array());
            assertEquals("Hello, Wörld! 🎉", new String(((LinearMemory) memory).array(), ptr, len, UTF_8));
        }
        memory.fill((byte) 7, big, big + 300_000);
        memory.writeF64(big + 8, Math.PI);
        log.add(instance.export("bytes-sum").apply(big, 300_000)[0]);
        log.add(memory.readString(ptr, len));
        log.add(memory.readDouble(big + 8));
        int end = (int) sizeAfter;
        log.add(trapOf(() -> memory.readInt(end - 3)));
        log.add(trapOf(() -> instance.export("bytes-sum").apply(end - 1, 2)));
        return log;
    }

    private static String trapOf(Runnable run) {
        try {
            run.run();
            return "no trap";
        } catch (WasmRuntimeException e) {
            return e.getMessage().startsWith(OOB) ? "out of bounds" : e.getClass().getName();
        }
    }

    private static ImportValues zeroImports(WasmModule module) {
        List<ImportFunction> functions = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import anImport = module.importSection().getImport(i);
            if (anImport instanceof FunctionImport) {
                FunctionType type = module.typeSection().getType(((FunctionImport) anImport).typeIndex());
                int results = type.returns().size();
                functions.add(new HostFunction(anImport.module(), anImport.name(), type,
                        (instance, args) -> new long[results]));
            }
        }
        assertTrue(functions.size() > 0);
        return ImportValues.builder().withFunctions(functions).build();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static boolean isZero(byte[] array, int from, int to) {
        for (int i = from; i < to; i++) {
            if (array[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LinearMemoryTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }
}
