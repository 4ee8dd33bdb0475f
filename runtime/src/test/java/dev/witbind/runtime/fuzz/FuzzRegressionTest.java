package dev.witbind.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.LinkReport;
import dev.witbind.wit.fuzz.FuzzRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
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
        // Since DeclaredCounts, a count of this input that its bytes cannot back is refused before Chicory's parser
        // reaches the assert; either refusal is a WitModuleException.
        assertTrue(e.getMessage().contains("Chicory's parser failed an internal check")
                || e.getMessage().contains("the function section's entry count at byte offset 1644 is 99"), e.getMessage());
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

    /**
     * Issue 12: a 17-byte module whose one function type declares 2^28-1 parameters made Chicory allocate 1 GiB
     * (and fail with OutOfMemoryError on a smaller heap); DeclaredCounts refuses the count before Chicory parses.
     */
    @Test
    void aParameterCountTheBytesCannotBackIsRefusedBeforeChicoryAllocates() throws IOException {
        byte[] issue = {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 7, 1, 0x60, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 0};
        WitModuleException e = refusedCheaply(issue);
        assertEquals("guest 'mutant' is not a valid WebAssembly core module: the type section's parameter count at "
                + "byte offset 12 is 268435455, but only 1 byte remains for it", e.getMessage());
        // what the fuzz targets found: the same count in a mutated tiny module, and a huge count in a real guest
        assertTrue(refusedCheaply(resource("huge-parameter-count.wasm")).getMessage()
                .contains("the type section's parameter count at byte offset 15 is 33554431"));
        assertTrue(refusedCheaply(resource("huge-count-in-guest.wasm")).getMessage().contains(" remain"));
        // .ci/fuzz found two more: the form 0x60 written as a two-byte LEB128, which Chicory reads as a function
        // type, and a count in the custom "name" section, which Chicory parses too (1 GiB allocated)
        assertTrue(refusedCheaply(resource("huge-count-behind-a-long-type-form.wasm")).getMessage()
                .contains("the type section's parameter count at byte offset 13 is "));
        assertTrue(refusedCheaply(resource("huge-count-in-name-section.wasm")).getMessage()
                .contains("the name section's "));
        assertTrue(refusedCheaply(resource("huge-import-name-length.wasm")).getMessage()
                .contains("the import section's name length at byte offset "));
        assertTrue(refusedCheaply(resource("huge-data-segment-length.wasm")).getMessage()
                .contains("the data section's segment length at byte offset "));
        assertTrue(refusedCheaply(resource("huge-supertype-count.wasm")).getMessage()
                .contains("the type section's supertype count at byte offset 13 is "));
    }

    /**
     * Found by hand after the fuzz targets' data segment finding: an active element segment declaring 2^28-1
     * function indices in 4 bytes made Chicory allocate 1 GiB.
     */
    @Test
    void anElementCountTheBytesCannotBackIsRefusedBeforeChicoryAllocates() {
        byte[] bytes = {0, 'a', 's', 'm', 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 4, 4, 1, 0x70, 0, 1,
            9, 9, 1, 0, 0x41, 0, 0x0b, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
        assertEquals("guest 'mutant' is not a valid WebAssembly core module: the element section's element count at "
                + "byte offset 31 is 268435455, but only 0 bytes remain for it", refusedCheaply(bytes).getMessage());
    }

    /** .ci/fuzz: Chicory's validator joined every finding into a message of 2,405 characters. */
    @Test
    void chicorysValidationFindingsAreQuotedAsAnExcerpt() throws IOException {
        WitModuleException e = refusedCheaply(resource("many-validation-errors.wasm"));
        assertTrue(e.getMessage().startsWith("guest 'mutant' is not a valid WebAssembly core module: type mismatch: "
                + "instruction requires [i32] but stack has []"), e.getMessage());
        assertTrue(e.getMessage().length() < 600 && e.getMessage().endsWith(" characters)"), e.getMessage());
        assertTrue(e.getCause().getMessage().length() > 2_000, "the cause keeps every finding");
    }

    /** .ci/fuzz: an import of a type the module does not have left Chicory's InvalidException unwrapped. */
    @Test
    void anImportOfAMissingTypeIsAModuleError() throws IOException {
        WitModuleException e = refusedCheaply(resource("import-of-a-missing-type.wasm"));
        assertTrue(e.getMessage().contains("unknown type"), e.getMessage());
    }

    private static WitModuleException refusedCheaply(byte[] bytes) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        WitModuleException e = assertThrows(WitModuleException.class, () -> GuestModule.parse("mutant", bytes));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < FuzzRun.allocationLimit(bytes.length), () -> (allocated >> 20) + " MiB allocated");
        return e;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FuzzRegressionTest.class.getResourceAsStream("/fuzz/" + name)) {
            return in.readAllBytes();
        }
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
