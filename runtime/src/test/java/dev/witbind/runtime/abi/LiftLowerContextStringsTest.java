package dev.witbind.runtime.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.witbind.runtime.engine.chicory.ChicoryMemory;
import dev.witbind.runtime.engine.chicory.LinearMemory;
import dev.witbind.runtime.errors.WitTrapException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strings through {@link LiftLowerContext}: the fast paths, their traps, and ranges at the very end of memory. */
class LiftLowerContextStringsTest {
    private static final int SIZE = 64;

    /** A memory of {@value #SIZE} bytes whose {@code cabi_realloc} hands out the last bytes of memory. */
    private static final class TinyMemory implements GuestMemory, Realloc {
        final byte[] bytes = new byte[SIZE];
        final ByteBuffer view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        @Override
        public long byteSize() {
            return SIZE;
        }

        @Override
        public byte[] array() {
            return bytes;
        }

        @Override
        public byte loadI8(int address) {
            return bytes[address];
        }

        @Override
        public short loadI16(int address) {
            return view.getShort(address);
        }

        @Override
        public int loadI32(int address) {
            return view.getInt(address);
        }

        @Override
        public long loadI64(int address) {
            return view.getLong(address);
        }

        @Override
        public void storeI8(int address, byte value) {
            bytes[address] = value;
        }

        @Override
        public void storeI16(int address, short value) {
            view.putShort(address, value);
        }

        @Override
        public void storeI32(int address, int value) {
            view.putInt(address, value);
        }

        @Override
        public void storeI64(int address, long value) {
            view.putLong(address, value);
        }

        @Override
        public int realloc(int oldPointer, int oldSize, int alignment, int newSize) {
            return SIZE - newSize;
        }
    }

    private final TinyMemory memory = new TinyMemory();
    private final LiftLowerContext cx = TestContexts.over("tiny", memory, memory);

    private int put(int address, byte[] content) {
        System.arraycopy(content, 0, memory.bytes, address, content.length);
        return address;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ascii", "é", "日本", "\uD83D\uDE00", "a\uFFFDb"})
    void liftsAStringThatEndsExactlyAtTheEndOfMemory(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int ptr = put(SIZE - utf8.length, utf8);
        assertEquals(text, cx.liftString(ptr, utf8.length));
    }

    @Test
    void trapsOnAStringOneBytePastTheEndOfMemory() {
        WitTrapException trap = assertThrows(WitTrapException.class, () -> cx.liftString(SIZE - 3, 4));
        assertTrue(trap.reason().contains("out of bounds"), trap.reason());
        assertThrows(WitTrapException.class, () -> cx.liftString(SIZE + 1, 0));
    }

    @Test
    void trapsOnInvalidUtf8WithTheOffendingByte() {
        int ptr = put(8, new byte[] {'o', 'k', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        WitTrapException trap = assertThrows(WitTrapException.class, () -> cx.liftString(ptr, 5));
        assertEquals("invalid UTF-8 at byte 2 of the 5-byte string at 0x8", trap.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ascii?", "é", "日本", "\uD83D\uDE00", "a\uFFFDb"})
    void storesAStringIntoTheLastBytesOfMemory(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        cx.storeString(0, text);
        assertEquals(SIZE - utf8.length, memory.loadI32(0));
        assertEquals(utf8.length, memory.loadI32(4));
        assertArrayEquals(utf8, Arrays.copyOfRange(memory.bytes, SIZE - utf8.length, SIZE));
        assertEquals(text, cx.liftString(memory.loadI32(0), memory.loadI32(4)));
    }

    @Test
    void refusesAnUnpairedSurrogateBeforeAllocating() {
        Arrays.fill(memory.bytes, (byte) 0x55);
        HostValueException refused = assertThrows(HostValueException.class, () -> cx.storeString(0, "ab\uD800c"));
        assertTrue(refused.getMessage().contains("unpaired surrogate at index 2"), refused.getMessage());
        byte[] untouched = new byte[SIZE];
        Arrays.fill(untouched, (byte) 0x55);
        assertArrayEquals(untouched, memory.bytes);
    }

    @Test
    void aResultLandsInTheMemoryCabiReallocGrew() {
        // One page of LinearMemory whose cabi_realloc grows it and allocates in the new page.
        LinearMemory linear = new LinearMemory(new MemoryLimits(1, 2));
        LiftLowerContext context = TestContexts.over("growing", new ChicoryMemory(linear),
                (oldPointer, oldSize, alignment, newSize) -> linear.grow(1) * Memory.PAGE_SIZE);
        byte[] before = linear.array();

        context.storeString(16, "grown 日本");

        byte[] utf8 = "grown 日本".getBytes(StandardCharsets.UTF_8);
        assertEquals(Memory.PAGE_SIZE, linear.readInt(16));
        assertEquals(utf8.length, linear.readInt(20));
        assertArrayEquals(utf8, linear.readBytes(Memory.PAGE_SIZE, utf8.length));
        assertTrue(before != linear.array(), "the grow moved memory to a new array");
    }
}
