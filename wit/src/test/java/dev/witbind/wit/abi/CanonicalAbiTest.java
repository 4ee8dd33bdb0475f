package dev.witbind.wit.abi;

import static dev.witbind.wit.abi.CoreType.F32;
import static dev.witbind.wit.abi.CoreType.F64;
import static dev.witbind.wit.abi.CoreType.I32;
import static dev.witbind.wit.abi.CoreType.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.abi.CanonicalAbi.Direction;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The static rules of spec/CanonicalABI.md for the 32-bit, synchronous subset: {@code alignment}, {@code elem_size},
 * {@code flatten_type}, {@code flatten_functype} and the record layout of {@code elem_size_record}.
 */
class CanonicalAbiTest {
    private static final ListType LIST_U8 = new ListType(PrimitiveType.U8);

    @ParameterizedTest(name = "{0}: size {1}, alignment {2}")
    @CsvSource({
        "bool, 1, 1",
        "s8, 1, 1",
        "u8, 1, 1",
        "s16, 2, 2",
        "u16, 2, 2",
        "s32, 4, 4",
        "u32, 4, 4",
        "s64, 8, 8",
        "u64, 8, 8",
        "f32, 4, 4",
        "f64, 8, 8",
        "char, 4, 4",
        // (ptr, len) with 32-bit pointers: size 2 * ptr_size, alignment ptr_size.
        "string, 8, 4",
    })
    void primitiveSizeAndAlignment(String wit, int size, int alignment) {
        PrimitiveType type = PrimitiveType.forWitName(wit).orElseThrow();
        assertEquals(size, CanonicalAbi.size(type));
        assertEquals(alignment, CanonicalAbi.alignment(type));
    }

    @Test
    void listSizeAndAlignmentAreThoseOfPointerAndLength() {
        assertEquals(8, CanonicalAbi.size(LIST_U8));
        assertEquals(4, CanonicalAbi.alignment(LIST_U8));
        // Independent of the element type.
        ListType listOfU64 = new ListType(PrimitiveType.U64);
        assertEquals(8, CanonicalAbi.size(listOfU64));
        assertEquals(4, CanonicalAbi.alignment(listOfU64));
    }

    @ParameterizedTest(name = "{0} flattens to {1}")
    @CsvSource(delimiter = '|', value = {
        "bool   | i32",
        "s8     | i32",
        "u8     | i32",
        "s16    | i32",
        "u16    | i32",
        "s32    | i32",
        "u32    | i32",
        "char   | i32",
        "s64    | i64",
        "u64    | i64",
        "f32    | f32",
        "f64    | f64",
        "string | i32 i32",
    })
    void flattenPrimitive(String wit, String flat) {
        PrimitiveType type = PrimitiveType.forWitName(wit).orElseThrow();
        assertEquals(flat, join(CanonicalAbi.flatten(type)));
    }

    @Test
    void flattenList() {
        assertEquals(List.of(I32, I32), CanonicalAbi.flatten(LIST_U8));
    }

    @Test
    void noParamsNoResult() {
        WitFunctionType function = WitFunctionType.of(List.of());
        for (Direction direction : Direction.values()) {
            CoreSignature signature = CanonicalAbi.signature(function, direction);
            assertEquals(new CoreSignature(List.of(), List.of(), false, false), signature);
            assertEquals("() -> ()", signature.toString());
        }
    }

    @Test
    void stringToStringLowered() {
        WitFunctionType function = WitFunctionType.of(List.of(param("s", PrimitiveType.STRING)), PrimitiveType.STRING);
        CoreSignature signature = CanonicalAbi.signature(function, Direction.LOWER);
        // The result (i32, i32) exceeds MAX_FLAT_RESULTS = 1: the importing guest passes a trailing return pointer.
        assertEquals(new CoreSignature(List.of(I32, I32, I32), List.of(), false, true), signature);
        assertEquals("(i32, i32, i32) -> ()", signature.toString());
    }

    @Test
    void stringToStringLifted() {
        WitFunctionType function = WitFunctionType.of(List.of(param("s", PrimitiveType.STRING)), PrimitiveType.STRING);
        CoreSignature signature = CanonicalAbi.signature(function, Direction.LIFT);
        // An export returns one pointer to where it stored the result.
        assertEquals(new CoreSignature(List.of(I32, I32), List.of(I32), false, true), signature);
        assertEquals("(i32, i32) -> (i32)", signature.toString());
    }

    @Test
    void listOfBytesResultGoesByPointerLikeString() {
        WitFunctionType function = WitFunctionType.of(List.of(param("n", PrimitiveType.U32)), LIST_U8);
        assertEquals(new CoreSignature(List.of(I32, I32), List.of(), false, true),
                CanonicalAbi.signature(function, Direction.LOWER));
        assertEquals(new CoreSignature(List.of(I32), List.of(I32), false, true),
                CanonicalAbi.signature(function, Direction.LIFT));
    }

    @Test
    void u64PairToU64() {
        WitFunctionType function = WitFunctionType.of(
                List.of(param("a", PrimitiveType.U64), param("b", PrimitiveType.U64)), PrimitiveType.U64);
        CoreSignature expected = new CoreSignature(List.of(I64, I64), List.of(I64), false, false);
        assertEquals(expected, CanonicalAbi.signature(function, Direction.LOWER));
        assertEquals(expected, CanonicalAbi.signature(function, Direction.LIFT));
        assertEquals("(i64, i64) -> (i64)", expected.toString());
    }

    @Test
    void floatsStayFloats() {
        WitFunctionType function = WitFunctionType.of(
                List.of(param("x", PrimitiveType.F32), param("y", PrimitiveType.F64), param("c", PrimitiveType.CHAR)),
                PrimitiveType.F64);
        assertEquals(new CoreSignature(List.of(F32, F64, I32), List.of(F64), false, false),
                CanonicalAbi.signature(function, Direction.LOWER));
    }

    @Test
    void sixteenFlatParamsStayFlat() {
        WitFunctionType function = WitFunctionType.of(params(16, PrimitiveType.U32), PrimitiveType.U32);
        for (Direction direction : Direction.values()) {
            CoreSignature signature = CanonicalAbi.signature(function, direction);
            assertEquals(Collections.nCopies(16, I32), signature.params());
            assertEquals(List.of(I32), signature.results());
            assertFalse(signature.paramsByPointer());
            assertFalse(signature.resultsByPointer());
        }
    }

    @Test
    void eightStringsAreSixteenFlatParams() {
        WitFunctionType function = WitFunctionType.of(params(8, PrimitiveType.STRING));
        CoreSignature signature = CanonicalAbi.signature(function, Direction.LOWER);
        assertEquals(16, signature.params().size());
        assertFalse(signature.paramsByPointer());
    }

    @Test
    void seventeenFlatParamsGoByPointer() {
        WitFunctionType function = WitFunctionType.of(params(17, PrimitiveType.U32), PrimitiveType.U32);
        for (Direction direction : Direction.values()) {
            CoreSignature signature = CanonicalAbi.signature(function, direction);
            assertEquals(new CoreSignature(List.of(I32), List.of(I32), true, false), signature);
            assertEquals("(i32) -> (i32)", signature.toString());
        }
    }

    @Test
    void eightStringsAndOneMoreGoByPointer() {
        List<WitParam> params = new ArrayList<>(params(8, PrimitiveType.STRING));
        params.add(param("flag", PrimitiveType.BOOL));
        CoreSignature signature = CanonicalAbi.signature(WitFunctionType.of(params), Direction.LIFT);
        assertEquals(new CoreSignature(List.of(I32), List.of(), true, false), signature);
    }

    @Test
    void paramsAndResultBothByPointer() {
        WitFunctionType function = WitFunctionType.of(params(17, PrimitiveType.U8), PrimitiveType.STRING);
        // Lowered: the params pointer, then the return pointer.
        assertEquals(new CoreSignature(List.of(I32, I32), List.of(), true, true),
                CanonicalAbi.signature(function, Direction.LOWER));
        assertEquals(new CoreSignature(List.of(I32), List.of(I32), true, true),
                CanonicalAbi.signature(function, Direction.LIFT));
    }

    @Test
    void mixedTupleLayout() {
        // Worked by hand from spec/CanonicalABI.md, elem_size_record / alignment_record:
        //   s = align_to(s, alignment(f)); offset = s; s += elem_size(f); size = align_to(s, max alignment).
        //   u8     align 1, size 1: offset  0, s =  1
        //   u64    align 8, size 8: offset  8, s = 16  (1 rounded up to 8)
        //   string align 4, size 8: offset 16, s = 24
        //   bool   align 1, size 1: offset 24, s = 25
        //   f32    align 4, size 4: offset 28, s = 32  (25 rounded up to 28)
        //   alignment = max(1, 8, 4, 1, 4) = 8; size = align_to(32, 8) = 32
        WitFunctionType function = WitFunctionType.of(List.of(
                param("a", PrimitiveType.U8),
                param("b", PrimitiveType.U64),
                param("c", PrimitiveType.STRING),
                param("d", PrimitiveType.BOOL),
                param("e", PrimitiveType.F32)));
        assertArrayEquals(new int[] {0, 8, 16, 24, 28}, CanonicalAbi.paramOffsets(function));
        assertEquals(8, CanonicalAbi.paramsAlignment(function));
        assertEquals(32, CanonicalAbi.paramsSize(function));
    }

    @Test
    void tupleSizeIsPaddedToItsAlignment() {
        // bool @0 (s=1); s16 @2 (s=4); char @4 (s=8); list<u8> @8 (s=16); s8 @16 (s=17);
        // alignment = max(1, 2, 4, 4, 1) = 4; size = align_to(17, 4) = 20: three bytes of tail padding.
        WitFunctionType function = WitFunctionType.of(List.of(
                param("a", PrimitiveType.BOOL),
                param("b", PrimitiveType.S16),
                param("c", PrimitiveType.CHAR),
                param("d", LIST_U8),
                param("e", PrimitiveType.S8)));
        assertArrayEquals(new int[] {0, 2, 4, 8, 16}, CanonicalAbi.paramOffsets(function));
        assertEquals(4, CanonicalAbi.paramsAlignment(function));
        assertEquals(20, CanonicalAbi.paramsSize(function));

        // u64 @0 (s=8); u8 @8 (s=9); alignment 8; size = align_to(9, 8) = 16.
        WitFunctionType wide = WitFunctionType.of(List.of(param("a", PrimitiveType.U64), param("b", PrimitiveType.U8)));
        assertArrayEquals(new int[] {0, 8}, CanonicalAbi.paramOffsets(wide));
        assertEquals(16, CanonicalAbi.paramsSize(wide));
    }

    @Test
    void emptyTuple() {
        WitFunctionType function = WitFunctionType.of(List.of());
        assertArrayEquals(new int[0], CanonicalAbi.paramOffsets(function));
        assertEquals(1, CanonicalAbi.paramsAlignment(function));
        assertEquals(0, CanonicalAbi.paramsSize(function));
    }

    @ParameterizedTest(name = "align_to({0}, {1}) = {2}")
    @CsvSource({"0, 8, 0", "1, 8, 8", "8, 8, 8", "9, 4, 12", "25, 4, 28", "3, 1, 3", "3, 2, 4"})
    void alignTo(int offset, int alignment, int expected) {
        assertEquals(expected, CanonicalAbi.alignTo(offset, alignment));
    }

    @Test
    void needsRealloc() {
        assertTrue(CanonicalAbi.needsRealloc(PrimitiveType.STRING));
        assertTrue(CanonicalAbi.needsRealloc(LIST_U8));
        for (PrimitiveType type : PrimitiveType.values()) {
            if (type != PrimitiveType.STRING) {
                assertFalse(CanonicalAbi.needsRealloc(type), type.toString());
            }
        }
    }

    @Test
    void limitsAreTheSpecs() {
        assertEquals(16, CanonicalAbi.MAX_FLAT_PARAMS);
        assertEquals(1, CanonicalAbi.MAX_FLAT_RESULTS);
    }

    private static WitParam param(String name, WitType type) {
        return new WitParam(name, type);
    }

    private static List<WitParam> params(int count, WitType type) {
        List<WitParam> params = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            params.add(param("p" + i, type));
        }
        return params;
    }

    private static String join(List<CoreType> types) {
        return String.join(" ", types.stream().map(CoreType::toString).toList());
    }
}
