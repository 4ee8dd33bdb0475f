package dev.witbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.cli.WitbindProcess.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A guest that traps (wasi/src/test/guests/trap/): what it printed before stays printed, the status is Wasmtime's
 * for a trap (the golden {@code trap.status}, 134), and the error is one line on stderr, without a stack trace.
 */
class TrapIT {
    private static final Path TRAP = WitbindProcess.wasiGuests().resolve("trap");

    @ParameterizedTest
    @CsvSource({"trap.wasm, interpreter", "trap-0.2.0.wasm, interpreter", "trap.wasm, compiler"})
    void aTrapIsOneLineAndStatus134(String wasm, String engine) throws IOException {
        Outcome outcome = WitbindProcess.run(List.of("run", "--engine", engine, TRAP.resolve(wasm).toString()));
        assertEquals(Integer.parseInt(Files.readString(TRAP.resolve("cases/trap.status")).strip()), outcome.status(),
                outcome::toString);
        assertEquals(Files.readString(TRAP.resolve("cases/trap.stdout")), outcome.stdout(), outcome::toString);
        assertEquals(1, outcome.stderr().lines().count(), outcome::toString);
        assertTrue(outcome.stderr().startsWith("witbind: error: trap"), outcome::toString);
        assertTrue(outcome.stderr().contains(wasm), "names the guest: " + outcome);
    }

    @ParameterizedTest
    @CsvSource({"trap.wasm"})
    void verboseAddsTheStackTrace(String wasm) {
        Outcome outcome = WitbindProcess.run(List.of("run", "--verbose", TRAP.resolve(wasm).toString()));
        assertEquals(134, outcome.status(), outcome::toString);
        assertTrue(outcome.stderr().contains("\tat "), outcome::toString);
    }
}
