package dev.witbind.runtime.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.witbind.runtime.engine.chicory.ChicoryMemory;
import dev.witbind.runtime.engine.chicory.LinearMemory;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.ResourceType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Options per function, state per instance: what a component's functions share and what they do not. */
class LiftLowerContextTest {
    private static final ResourceType THING = new ResourceType("test:abi/probe@1.0.0", "thing");

    private static CanonicalOptions memoryOnly(LinearMemory memory) {
        return new CanonicalOptions(Optional.of(new ChicoryMemory(memory)), Optional.empty(), Optional.empty(),
                StringEncoding.UTF8);
    }

    @Test
    void functionsWithTheirOwnMemoriesShareTheirInstancesHandles() {
        InstanceState instance = new InstanceState("component");
        LinearMemory main = new LinearMemory(new MemoryLimits(1, 1));
        LinearMemory adapter = new LinearMemory(new MemoryLimits(1, 1));
        LiftLowerContext first = new LiftLowerContext(memoryOnly(main), instance);
        LiftLowerContext second = new LiftLowerContext(memoryOnly(adapter), instance);
        Object thing = new Object();

        first.storeI32(0, 0x11);
        second.storeI32(0, 0x22);
        int handle = first.lowerOwn(THING, thing);

        assertEquals(0x11, main.readInt(0));
        assertEquals(0x22, adapter.readInt(0));
        assertSame(thing, second.liftOwn(THING, handle));
        assertSame(instance, first.instance());
        assertEquals("component", second.guestName());
    }

    @Test
    void aFunctionWithoutMemoryTrapsWhenAValuePassesThroughMemory() {
        LiftLowerContext cx = new LiftLowerContext(CanonicalOptions.NONE, new InstanceState("scalars"));

        WitTrapException lift = assertThrows(WitTrapException.class, () -> cx.liftString(0, 1));
        WitTrapException allocate = assertThrows(WitTrapException.class, () -> cx.allocate(1, 4, "string"));

        assertEquals("string at 0x0 (1 bytes) is out of bounds of the 0-byte memory", lift.reason());
        assertEquals("the guest exports no cabi_realloc to allocate a string in", allocate.reason());
        assertEquals("the function has no memory option, but a value passes through memory",
                assertThrows(WitTrapException.class, () -> cx.loadI32(0)).reason());
    }

    @Test
    void eachFunctionReadsStringsInItsOwnEncoding() {
        InstanceState instance = new InstanceState("component");
        LinearMemory memory = new LinearMemory(new MemoryLimits(1, 1));
        byte[] bytes = {'h', 'i', 0x61, 0x01, 0x3A, 0x26};
        memory.write(0, bytes, 0, bytes.length);

        assertEquals("hia\u0001:&", context(memory, StringEncoding.UTF8, instance).liftString(0, 6));
        assertEquals("\u6968\u0161\u263A", context(memory, StringEncoding.UTF16, instance).liftString(0, 3));
        LiftLowerContext latin1Utf16 = context(memory, StringEncoding.LATIN1_UTF16, instance);
        assertEquals("hia\u0001", latin1Utf16.liftString(0, 4));
        assertEquals("\u6968\u0161", latin1Utf16.liftString(0, 2 | 1 << 31));
    }

    private static LiftLowerContext context(LinearMemory memory, StringEncoding encoding, InstanceState instance) {
        return new LiftLowerContext(new CanonicalOptions(Optional.of(new ChicoryMemory(memory)), Optional.empty(),
                Optional.empty(), encoding), instance);
    }
}
