package dev.witbind.component;

import static dev.witbind.component.Bin.bytes;
import static dev.witbind.component.Bin.component;
import static dev.witbind.component.Bin.concat;
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
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bounded work on hostile input: nesting is refused with our exception before the stack runs out, types whose
 * trees are large are refused before anything walks them, and a seeded mutation run over every committed fixture
 * produces only our exceptions, quickly.
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

    @Test
    void seededMutationsOfEveryFixtureGiveOnlyOurExceptions() {
        List<String> fixtures = Fixtures.validComponents();
        Random random = new Random(20261202L);
        int refused = 0;
        int accepted = 0;
        long start = System.nanoTime();
        for (String fixture : fixtures) {
            byte[] original = Fixtures.bytes(fixture);
            int rounds = original.length > 20_000 ? 40 : 150;
            for (int i = 0; i < rounds; i++) {
                int round = i;
                Mutation mutation = mutate(original, random);
                try {
                    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Component.read(mutation.bytes()),
                            () -> fixture + ", round " + round + ":" + mutation.edits());
                    accepted++;
                } catch (ComponentFormatException expected) {
                    refused++;
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(refused > accepted, "most mutations break something: refused " + refused + ", accepted "
                + accepted);
        assertTrue(millis < 20_000, "the mutation run took " + millis + " ms");
    }

    /** Mutated bytes and the edits that made them, for the failure message. */
    private record Mutation(byte[] bytes, String edits) {}

    /** One to four edits: a byte set at random, a byte nudged, a truncation, or a byte range duplicated. */
    private static Mutation mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(4);
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < edits; i++) {
            int at = 8 + random.nextInt(bytes.length - 8);
            switch (random.nextInt(4)) {
                case 0 -> {
                    bytes[at] = (byte) random.nextInt(256);
                    description.append(" set@").append(at);
                }
                case 1 -> {
                    bytes[at] += (byte) (random.nextBoolean() ? 1 : -1);
                    description.append(" nudge@").append(at);
                }
                case 2 -> {
                    bytes = java.util.Arrays.copyOf(bytes, Math.max(8, at));
                    description.append(" cut@").append(at);
                }
                default -> {
                    int length = Math.min(1 + random.nextInt(16), bytes.length - at);
                    bytes = concat(java.util.Arrays.copyOf(bytes, at + length), java.util.Arrays.copyOfRange(bytes,
                            at, bytes.length));
                    description.append(" dup@").append(at);
                }
            }
            if (bytes.length <= 8) {
                break;
            }
        }
        return new Mutation(bytes, description.toString());
    }
}
