package dev.witbind.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.LinkReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    /**
     * Issue 12: a count no input can back (a type section of 2^32-1 entries in 15 bytes) makes nobody allocate for
     * it. (Chicory 1.7.5 reads this section as empty and accepts the module; either outcome is fine, a crash not.)
     */
    @Test
    void aHugeDeclaredCountIsNeverAnAllocation() {
        byte[] bytes = {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 5, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                new Linker().check(GuestModule.parse("huge-count", bytes));
            } catch (WitModuleException expected) {
                // refused: also fine
            }
        });
        byte[] memory = {0, 'a', 's', 'm', 1, 0, 0, 0, 5, 4, 1, 0, (byte) 0x80, 0x02}; // memory of 256 pages minimum
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                new Linker().instantiate(GuestModule.parse("big-memory", memory));
            } catch (dev.witbind.wit.WitException expected) {
                // refused by the instance's memory limit or the engine: either is ours
            }
        });
    }

    /** Issue 12: an import module name of 100,000 characters links (and is refused) in bounded time and message. */
    @Test
    void aVeryLongImportModuleNameIsRefusedQuicklyWithAShortMessage() {
        String module = "a:b/c@1.0.0-" + "x.".repeat(50_000) + "y";
        byte[] bytes = moduleImporting(module, "f");
        LinkReport report = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> new Linker().check(GuestModule.parse("long-name", bytes)));
        assertFalse(report.links());
        assertTrue(report.describe().length() < 2_000, () -> report.describe().length() + " characters");
    }

    /** A core module whose one import is the function {@code module#field} of type {@code () -> ()}. */
    private static byte[] moduleImporting(String module, String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        out.writeBytes(new byte[] {1, 4, 1, 0x60, 0, 0}); // type section: one () -> ()
        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        leb(imports, 1);
        byte[] m = module.getBytes(StandardCharsets.UTF_8);
        leb(imports, m.length);
        imports.writeBytes(m);
        byte[] f = field.getBytes(StandardCharsets.UTF_8);
        leb(imports, f.length);
        imports.writeBytes(f);
        imports.writeBytes(new byte[] {0, 0}); // a function of type 0
        out.write(2);
        leb(out, imports.size());
        out.writeBytes(imports.toByteArray());
        return out.toByteArray();
    }

    private static void leb(ByteArrayOutputStream out, int value) {
        do {
            int b = value & 0x7f;
            value >>>= 7;
            out.write(value == 0 ? b : b | 0x80);
        } while (value != 0);
    }
}
