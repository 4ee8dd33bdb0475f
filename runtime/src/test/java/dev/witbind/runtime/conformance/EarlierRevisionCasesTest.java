package dev.witbind.runtime.conformance;

import static dev.witbind.runtime.conformance.CanonicalAbiSuiteTest.bytes;
import static dev.witbind.runtime.conformance.CanonicalAbiSuiteTest.heap;
import static dev.witbind.runtime.conformance.Reference.TRAP;
import static dev.witbind.runtime.conformance.Reference.args;
import static dev.witbind.runtime.conformance.Reference.named;
import static dev.witbind.runtime.conformance.Reference.spell;
import static dev.witbind.wit.types.PrimitiveType.F32;
import static dev.witbind.wit.types.PrimitiveType.F64;
import static dev.witbind.wit.types.PrimitiveType.U16;
import static dev.witbind.wit.types.PrimitiveType.U32;
import static dev.witbind.wit.types.PrimitiveType.U64;
import static dev.witbind.wit.types.PrimitiveType.U8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.values.VariantValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Cases that earlier revisions of the reference suite ran on {@code union}, which the Component Model has since
 * dropped. A union was a variant whose cases are numbered, so each one is a variant here with cases {@code c0},
 * {@code c1}, ...; they are the suite's only tests of the wider {@code join}s ({@code i32} and {@code f32} widened to
 * {@code i64}, {@code f64} in an {@code i64}, narrowing on lift) and of variants inside lists. Not counted in the
 * README's N of M.
 */
class EarlierRevisionCasesTest {
    static final int CASES = 18;

    @TestFactory
    List<DynamicTest> test() {
        List<DynamicTest> cases = new ArrayList<>();
        VariantType u32OrU64 = union(U32, U64);
        add(cases, u32OrU64, new VariantValue("c0", 42), 0, 42L);
        add(cases, u32OrU64, new VariantValue("c0", 0), 0, 1L << 35); // the i64 wraps to the u32's i32
        add(cases, u32OrU64, new VariantValue("c1", 1L << 35), 1, 1L << 35);
        VariantType f32OrU64 = union(F32, U64);
        add(cases, f32OrU64, new VariantValue("c0", 3.140000104904175f), 0, 0x4048F5C3L);
        add(cases, f32OrU64, new VariantValue("c0", 0.0f), 0, 1L << 35);
        add(cases, f32OrU64, new VariantValue("c1", 1L << 35), 1, 1L << 35);
        VariantType f64OrU64 = union(F64, U64);
        add(cases, f64OrU64, new VariantValue("c0", 3.14), 0, 0x40091EB851EB851FL);
        add(cases, f64OrU64, new VariantValue("c0", Double.longBitsToDouble(1L << 35)), 0, 1L << 35);
        add(cases, f64OrU64, new VariantValue("c1", 1L << 35), 1, 1L << 35);
        VariantType justU8 = union(U8);
        add(cases, justU8, new VariantValue("c0", (byte) 42), 0, 42);
        add(cases, justU8, TRAP, 1, 256);
        add(cases, justU8, new VariantValue("c0", (byte) 0), 0, 256);
        VariantType tupleOrU64 = union(new TupleType(List.of(U8, F32)), U64);
        add(cases, tupleOrU64, new VariantValue("c0", List.of((byte) 42, 3.14f)), 0, 42L, 3.14);
        add(cases, tupleOrU64, new VariantValue("c1", 1L << 35), 1, 1L << 35, 0.0);
        return cases;
    }

    private static void add(List<DynamicTest> cases, WitType type, Object expected, Object... coreValues) {
        cases.add(named("test", spell(type) + ", " + args(coreValues), expected,
                () -> Reference.test(type, expected, coreValues)));
    }

    @TestFactory
    List<DynamicTest> test_heap() {
        List<DynamicTest> cases = new ArrayList<>();
        // the suite's first case is union([record([]), u8, tuple<u8, u16>]); an empty record is no longer a type,
        // and a case without a payload has the same layout
        VariantType noneU8OrPair = new VariantType("u", List.of(VariantType.Case.of("c0"),
                VariantType.Case.of("c1", U8), VariantType.Case.of("c2", new TupleType(List.of(U8, U16)))));
        heap(cases, new ListType(noneU8OrPair), List.of(new VariantValue("c0", null), new VariantValue("c1", (byte) 42),
                new VariantValue("c2", List.of((byte) 6, (short) 7))), 0, 3,
                bytes(0, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 0xff, 42, 0xff, 0xff, 0xff, 2, 0xff, 6, 0xff, 7, 0));
        heap(cases, new ListType(union(U32, U8)), List.of(new VariantValue("c0", 256), new VariantValue("c1", (byte) 42)),
                0, 2, bytes(0, 0xff, 0xff, 0xff, 0, 1, 0, 0, 1, 0xff, 0xff, 0xff, 42, 0xff, 0xff, 0xff));
        heap(cases, new ListType(new TupleType(List.of(union(U8, new TupleType(List.of(U16, U8))), U8))),
                List.of(List.of(new VariantValue("c1", List.of((short) 5, (byte) 6)), (byte) 7),
                        List.of(new VariantValue("c0", (byte) 8), (byte) 9)), 0, 2,
                bytes(1, 0xff, 5, 0, 6, 0xff, 7, 0xff, 0, 0xff, 8, 0xff, 0xff, 0xff, 9, 0xff));
        heap(cases, new ListType(union(U8)), List.of(new VariantValue("c0", (byte) 6), new VariantValue("c0", (byte) 7),
                new VariantValue("c0", (byte) 8)), 0, 3, bytes(0, 6, 0, 7, 0, 8));
        return cases;
    }

    @Test
    void countsItsCases() {
        assertEquals(CASES, test().size() + test_heap().size());
    }

    /** A union as the variant it stood for: cases {@code c0}, {@code c1}, ... with the given payloads. */
    private static VariantType union(WitType... payloads) {
        return new VariantType("u", IntStream.range(0, payloads.length)
                .mapToObj(i -> VariantType.Case.of("c" + i, payloads[i])).toList());
    }
}
