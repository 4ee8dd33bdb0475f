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

/** {@code witbind} as a process, started from the built jar: inspect, the exit statuses, one-line errors. */
class CommandsIT {
    private static final Path GUESTS = WitbindProcess.wasiGuests();
    private static final Path SAMPLES = Path.of(System.getProperty("witbind.samples", "../samples/src/main/guests"));

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
    void runAndCheckSayTheyNeedTheWasiHost() {
        Outcome run = WitbindProcess.run(List.of("run", GUESTS.resolve("hello/hello.wasm").toString()));
        assertEquals(new Outcome(1, "", "witbind: run needs the built-in WASI 0.2 host, which this build of witbind "
                + "does not have yet; this build has inspect\n"), run);
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
        assertTrue(help.stdout().startsWith("Usage: witbind inspect <WASM>"), help::toString);
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
