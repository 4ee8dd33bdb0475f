package dev.witbind.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The world of every valid fixture, printed by witbind, against what {@code jco wit} printed for it when the
 * fixture was built (the {@code .golden.wit} beside each {@code .wasm}, written by its build.sh).
 */
class WorldGoldenTest {
    static List<String> fixtures() {
        return Fixtures.validComponents();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void printsTheWorldAsJcoWitDoes(String fixture) throws IOException {
        String golden = Files.readString(Fixtures.ROOT.resolve(fixture.replace(".wasm", ".golden.wit")));
        // jco prints wasm-tools' text with console.log, which adds one newline after its final one.
        assertEquals(golden, Fixtures.component(fixture).worldWit() + "\n");
    }

    @Test
    void everyValidFixtureHasAGolden() {
        assertTrue(fixtures().size() >= 11, "fixtures: " + fixtures());
        for (String fixture : fixtures()) {
            assertTrue(Files.exists(Fixtures.ROOT.resolve(fixture.replace(".wasm", ".golden.wit"))), fixture);
        }
    }
}
