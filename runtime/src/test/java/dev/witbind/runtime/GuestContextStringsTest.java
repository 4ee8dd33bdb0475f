package dev.witbind.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.witbind.runtime.abi.GuestMemory;
import dev.witbind.runtime.chicory.ChicoryMemory;
import dev.witbind.runtime.chicory.LinearMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strings through {@link GuestContext}: the fast paths, their traps, and ranges at the very end of memory. */
class GuestContextStringsTest {
    private static final int SIZE = 64;

    /** A memory of {@value #SIZE} bytes whose {@code cabi_realloc} hands out the last bytes of memory. */
    private static final class TinyMemory implements GuestMemory {
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
        public boolean hasRealloc() {
            return true;
        }

        @Override
        public int realloc(int oldPointer, int oldSize, int alignment, int newSize) {
            return SIZE - newSize;
        }
    }

    private final TinyMemory memory = new TinyMemory();
    private final GuestContext cx = new GuestContext("tiny", memory);

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

    /** One page of {@link LinearMemory} whose {@code cabi_realloc} grows it and allocates in the new page. */
    private static final class GrowingMemory extends ChicoryMemory {
        GrowingMemory() {
            memory = new LinearMemory(new MemoryLimits(1, 2));
        }

        LinearMemory linear() {
            return memory;
        }

        @Override
        public boolean hasRealloc() {
            return true;
        }

        @Override
        public int realloc(int oldPointer, int oldSize, int alignment, int newSize) {
            return memory.grow(1) * Memory.PAGE_SIZE; // the first byte of the new page
        }
    }

    @Test
    void aResultLandsInTheMemoryCabiReallocGrew() {
        GrowingMemory growing = new GrowingMemory();
        GuestContext context = TestGuestContexts.over("growing", growing);
        byte[] before = growing.linear().array();

        context.storeString(16, "grown 日本");

        byte[] utf8 = "grown 日本".getBytes(StandardCharsets.UTF_8);
        assertEquals(Memory.PAGE_SIZE, growing.linear().readInt(16));
        assertEquals(utf8.length, growing.linear().readInt(20));
        assertArrayEquals(utf8, growing.linear().readBytes(Memory.PAGE_SIZE, utf8.length));
        assertTrue(before != growing.linear().array(), "the grow moved memory to a new array");
    }
}
