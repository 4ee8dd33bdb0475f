package dev.witbind.wit.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@link Result} and {@link VariantValue}, the dynamic values of {@code result} and {@code variant}. */
class ResultTest {

    @Test
    void okAndErrAreValuesWithEquality() {
        Result<Integer, String> ok = Result.ok(42);
        Result<Integer, String> err = Result.err("boom");

        assertTrue(ok.isOk());
        assertFalse(ok.isErr());
        assertTrue(err.isErr());
        assertEquals(Result.ok(42), ok);
        assertEquals(new Result.Err<>("boom"), err);
        assertEquals("Ok[42]", ok.toString());
        assertEquals("Err[boom]", err.toString());
        // a side without a WIT type carries null
        assertNull(((Result.Ok<Object, String>) Result.<Object, String>ok(null)).value());
    }

    @Test
    void mapTouchesOnlyItsSide() {
        Result<Integer, String> ok = Result.ok(2);
        Result<Integer, String> err = Result.err("boom");

        assertEquals(Result.ok(3), ok.map(v -> v + 1));
        assertEquals(err, err.map(v -> v + 1));
        assertEquals(Result.err(4), err.mapErr(String::length));
        assertEquals(ok, ok.mapErr(String::length));
    }

    @Test
    void orElseThrowGivesTheValueOrThrowsTheError() throws IOException {
        Result<Integer, String> ok = Result.ok(2);
        Result<Integer, String> err = Result.err("boom");

        assertEquals(2, ok.orElseThrow());
        assertEquals(2, ok.orElseThrow(IOException::new));
        assertEquals("the result is an error: boom",
                assertThrows(NoSuchElementException.class, err::orElseThrow).getMessage());
        assertEquals("boom", assertThrows(IOException.class, () -> err.orElseThrow(IOException::new)).getMessage());
    }

    @Test
    void variantValuesNameTheirCase() {
        assertEquals(new VariantValue("dot", null), VariantValue.of("dot"));
        assertEquals(new VariantValue("circle", 1.5f), VariantValue.of("circle", 1.5f));
        assertThrows(NullPointerException.class, () -> VariantValue.of("circle", null));
        assertThrows(NullPointerException.class, () -> new VariantValue(null, 1));
    }
}
