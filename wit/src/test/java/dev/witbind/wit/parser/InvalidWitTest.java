package dev.witbind.wit.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code invalid-wit.txt} fails with exactly the pinned position and reason, as a
 * {@link WitParseException}.
 */
class InvalidWitTest {

    static List<InvalidWitCases.Case> cases() {
        return InvalidWitCases.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithPinnedPositionAndReason(InvalidWitCases.Case c) {
        WitParseException e = assertThrows(WitParseException.class, () -> WitPackages.parse("test.wit", c.wit()));
        String actual = e.line() + ":" + e.column() + " " + e.reason();
        if (System.getProperty("witbind.printCases") != null) {
            System.out.println("### " + c.name() + "\n!! " + actual + "\n" + e.getMessage() + "\n");
        }
        assertEquals(c.expectation().orElse("<no expectation written>"), actual);
        assertEquals("test.wit", e.path());
        assertTrue(e.excerpt().endsWith("^"), e.excerpt());
    }

    @Test
    void everyCaseHasAnExpectation() {
        assertTrue(cases().size() > 80);
        assertTrue(cases().stream().allMatch(c -> c.expectation().isPresent()));
    }
}
