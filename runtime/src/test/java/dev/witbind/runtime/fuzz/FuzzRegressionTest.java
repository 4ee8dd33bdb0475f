package dev.witbind.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.errors.WitModuleException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Each input the fuzz targets found (resources/fuzz/README.md says how), now one of witbind's exceptions. */
class FuzzRegressionTest {
    @Test
    void aCodeSectionThatBreaksAnAssertOfChicorysParserIsAModuleError() throws IOException {
        assertTrue(FuzzRegressionTest.class.desiredAssertionStatus() || GuestModule.class.desiredAssertionStatus(),
                "this regression needs -ea, as surefire runs the tests");
        byte[] bytes;
        try (InputStream in = FuzzRegressionTest.class.getResourceAsStream("/fuzz/chicory-assertion.wasm")) {
            bytes = in.readAllBytes();
        }
        WitModuleException e = assertThrows(WitModuleException.class, () -> GuestModule.parse("mutant", bytes));
        assertTrue(e.getMessage().contains("Chicory's parser failed an internal check"), e.getMessage());
    }
}
