package dev.witbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.cli.WitbindProcess.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code witbind} as a process, started from the built jar: inspect, check, run's refusals, one-line errors. */
class CommandsIT {
    private static final Path GUESTS = WitbindProcess.wasiGuests();
    private static final Path SAMPLES = Path.of(System.getProperty("witbind.samples", "../samples/src/main/guests"));
    private static final Path COMPONENTS = Path.of(System.getProperty("witbind.components",
            "../component/src/test/guests"));

    /** Every WASI fixture component (both adapters) prints the world jco wit printed for it, byte for byte. */
    @Test
    void inspectPrintsTheWorldAsJcoWitDoes() throws IOException {
        List<Path> components;
        try (Stream<Path> files = Files.walk(GUESTS)) {
            components = files.filter(file -> file.toString().endsWith(".wasm")).sorted().toList();
        }
        assertTrue(components.size() >= 20, "found only " + components.size() + " components");
        // One process for a few of them (a JVM start each), the rest through the same code in-process.
        for (Path wasm : components) {
            Path golden = wasm.resolveSibling(wasm.getFileName().toString().replace(".wasm", ".golden.wit"));
            String expected = Files.readString(golden);
            if (wasm.getFileName().toString().startsWith("hello") || wasm.endsWith("reactor.wasm")) {
                assertEquals(new Outcome(0, expected, ""), WitbindProcess.run(List.of("inspect", wasm.toString())),
                        wasm::toString);
            } else {
                assertEquals(expected, InProcess.run("inspect", wasm.toString()).stdout(), wasm::toString);
            }
        }
    }

    @Test
    void inspectOfACoreModuleListsItsImports() {
        Outcome outcome = WitbindProcess.run(List.of("inspect", SAMPLES.resolve("greeter/greeter-0.2.0.wasm").toString()));
        assertEquals(0, outcome.status(), outcome::toString);
        assertTrue(outcome.stdout().startsWith("// greeter-0.2.0.wasm is a core module, not a component; its "
                + "imports:\n//   example:greeter/host@0.2.0#log: "), outcome::toString);
    }

    @Test
    void checkSaysHowEachImportResolvesOnTheWasiHost() {
        Outcome hello = WitbindProcess.run(List.of("check", GUESTS.resolve("hello/hello-0.2.0.wasm").toString()));
        assertEquals(0, hello.status(), hello::toString);
        assertTrue(hello.stdout().startsWith("guest 'hello-0.2.0.wasm': 35 of 35 imports resolve\n"), hello::toString);
        assertTrue(hello.stdout().contains("\n  wasi:cli/exit@0.2.0#exit -> wasi:cli/exit@0.2.12#exit (via track "
                + "wasi:cli/exit@0.2)\n"), hello::toString);
        assertEquals("", hello.stderr());
        // A component of witbind's own tests: its imports are no WASI, so most of them do not resolve.
        Outcome shapes = WitbindProcess.run(List.of("check", COMPONENTS.resolve("shapes/shapes.wasm").toString()));
        assertEquals(1, shapes.status(), shapes::toString);
        assertTrue(shapes.stdout().contains("cannot link guest 'shapes.wasm': "), shapes::toString);
        assertTrue(shapes.stdout().contains("no instance 'test:shapes/geo@0.1.0'"), shapes::toString);
        // A core module is checked too: the names of its imports are looked up as a component's are.
        Outcome core = WitbindProcess.run(List.of("check", SAMPLES.resolve("greeter/greeter-0.2.0.wasm").toString()));
        assertEquals(1, core.status(), core::toString);
        assertTrue(core.stdout().startsWith("guest 'greeter-0.2.0.wasm': 0 of "), core::toString);
    }

    @Test
    void runRefusesWhatItCannotRunInOneLine() {
        Outcome unlinked = WitbindProcess.run(List.of("run", COMPONENTS.resolve("shapes/shapes.wasm").toString()));
        assertEquals(1, unlinked.status(), unlinked::toString);
        assertEquals(1, unlinked.stderr().lines().count(), unlinked::toString);
        assertTrue(unlinked.stderr().startsWith("witbind: cannot link guest 'shapes.wasm': "), unlinked::toString);
        assertTrue(unlinked.stderr().contains(" more: witbind check "), unlinked::toString);
        String core = SAMPLES.resolve("greeter/greeter-0.2.0.wasm").toString();
        assertEquals(new Outcome(1, "", "witbind: " + RunCommand.coreModuleMessage(core) + "\n"),
                WitbindProcess.run(List.of("run", core)));
        assertEquals(new Outcome(1, "", "witbind: no such file: missing.wasm\n"),
                WitbindProcess.run(List.of("run", "missing.wasm")));
        Outcome noDir = WitbindProcess.run(List.of("run", "--dir", "no/such/dir::/d",
                GUESTS.resolve("hello/hello.wasm").toString()));
        assertEquals(1, noDir.status(), noDir::toString);
        assertTrue(noDir.stderr().startsWith("witbind: --dir no/such/dir: "), noDir::toString);
    }

    @Test
    void errorsAreOneLineWithTheirStatus(@TempDir Path scratch) throws IOException {
        assertEquals(new Outcome(1, "", "witbind: no such file: missing.wasm\n"),
                WitbindProcess.run(List.of("inspect", "missing.wasm")));
        Path notWasm = Files.writeString(scratch.resolve("notes.wasm"), "hello");
        Outcome garbage = WitbindProcess.run(List.of("inspect", notWasm.toString()));
        assertEquals(1, garbage.status(), garbage::toString);
        assertEquals(1, garbage.stderr().lines().count(), garbage::toString);
        assertTrue(garbage.stderr().startsWith("witbind: notes.wasm is neither a component nor a core module"),
                garbage::toString);
        assertEquals(new Outcome(2, "", "witbind: unknown command 'frobnicate'; the commands are run, inspect and "
                + "check (witbind --help)\n"), WitbindProcess.run(List.of("frobnicate")));
        Outcome verbose = WitbindProcess.run(List.of("inspect", "--verbose", notWasm.toString()));
        assertTrue(verbose.stderr().contains("\tat "), "--verbose prints the trace: " + verbose);
    }

    @Test
    void helpAndVersion() {
        Outcome help = WitbindProcess.run(List.of("--help"));
        assertEquals(0, help.status());
        assertTrue(help.stdout().startsWith("Usage: witbind run [OPTIONS] <WASM> [ARGS]..."), help::toString);
        Outcome version = WitbindProcess.run(List.of("--version"));
        assertEquals(0, version.status());
        assertTrue(version.stdout().startsWith("witbind "), version::toString);
    }

    /** The command's own code without a JVM start, for the many inspect goldens; the process tests cover the jar. */
    private static final class InProcess {
        static Outcome run(String... args) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int status = new Witbind(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)).execute(List.of(args));
            return new Outcome(status, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                    err.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
