package dev.witbind.component;

import static dev.witbind.component.Bin.bytes;
import static dev.witbind.component.Bin.component;
import static dev.witbind.component.Bin.section;
import static dev.witbind.component.Bin.u32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.component.binary.Limits;
import dev.witbind.component.binary.Rule;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bounded work on hostile input: nesting is refused with our exception before the stack runs out, and types whose
 * trees are large are refused before anything walks them. (The seeded mutation run over every committed fixture is
 * {@link ComponentFuzzTest}.)
 */
class HostileInputTest {
    private static final int TYPE = 7;

    @Test
    void deeplyNestedComponentsAreRefusedNotOverflowed() {
        byte[] inner = component();
        for (int i = 0; i < Limits.MAX_NESTING + 5; i++) {
            inner = component(section(4, inner));
        }
        byte[] deep = inner;
        ComponentFormatException e = assertThrows(ComponentFormatException.class, () -> Component.read(deep));
        assertEquals(Rule.NESTING, e.rule());
        assertTrue(e.finding().contains("components nested more than 100 deep"), e.finding());
    }

    @Test
    void deeplyNestedTypesAreRefusedNotOverflowed() {
        // (type (instance (type (instance ... )))) nested 10,000 deep, in 20,000 bytes.
        int depth = 10_000;
        ByteArrayOutputStream type = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            type.writeBytes(bytes(0x42, 0x01, 0x01));
        }
        type.writeBytes(bytes(0x42, 0x00));
        byte[] deep = component(section(TYPE, bytes(1), type.toByteArray()));
        ComponentFormatException e = assertThrows(ComponentFormatException.class, () -> Component.read(deep));
        assertEquals(Rule.NESTING, e.rule());
    }

    @Test
    void longChainsOfValueTypesAreRefused() {
        // type 0 = u8; type i = list<type i-1>: 150 deep.
        int count = 150;
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        types.writeBytes(u32(count));
        types.writeBytes(bytes(0x7d));
        for (int i = 1; i < count; i++) {
            types.writeBytes(bytes(0x70));
            types.writeBytes(s33(i - 1));
        }
        byte[] chain = component(section(TYPE, types.toByteArray()));
        ComponentFormatException e = assertThrows(ComponentFormatException.class, () -> Component.read(chain));
        assertEquals(Rule.TYPE_SIZE, e.rule());
        assertTrue(e.finding().contains("nested 101 deep"), e.finding());
    }

    @Test
    void typesThatDoubleAtEachStepAreRefusedBeforeAnyWalk() {
        // type 0 = u8; type i = tuple<type i-1, type i-1>: 60 bytes describe a tree of 2^30 nodes.
        int count = 30;
        ByteArrayOutputStream types = new ByteArrayOutputStream();
        types.writeBytes(u32(count));
        types.writeBytes(bytes(0x7d));
        for (int i = 1; i < count; i++) {
            types.writeBytes(bytes(0x6f, 0x02));
            types.writeBytes(s33(i - 1));
            types.writeBytes(s33(i - 1));
        }
        byte[] doubling = component(section(TYPE, types.toByteArray()));
        ComponentFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ComponentFormatException.class, () -> Component.read(doubling)));
        assertEquals(Rule.TYPE_SIZE, e.rule());
        assertTrue(e.finding().contains("of more than " + Limits.MAX_TYPE_SIZE), e.finding());
    }

    /** A type index as value types encode it: signed LEB128. */
    private static byte[] s33(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int b = value & 0x7f;
            value >>= 7;
            boolean done = value == 0 && (b & 0x40) == 0;
            out.write(done ? b : b | 0x80);
            if (done) {
                return out.toByteArray();
            }
        }
    }
}
