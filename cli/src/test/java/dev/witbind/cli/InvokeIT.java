package dev.witbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.cli.WitbindProcess.Outcome;
import dev.witbind.wasi.fixtures.FixtureCase;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.wave.Wave;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code witbind run --invoke} as a process on the reactor fixture (wasi/src/test/guests/reactor/), both
 * components. Each run is a fresh instance, so it is the first call of each case: its line of the goldens
 * ({@code .results}, {@code .stdout}, {@code .stderr}), the result printed as WAVE after what the guest printed.
 */
class InvokeIT {
    private static final Path REACTOR = WitbindProcess.wasiGuests().resolve("reactor");

    @TestFactory
    Stream<DynamicTest> greetAsTheFirstCallOfEachCase() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> cases;
        try (Stream<Path> files = Files.list(REACTOR.resolve("cases"))) {
            cases = files.filter(file -> file.toString().endsWith(".case")).sorted().toList();
        }
        for (Path caseFile : cases) {
            for (String wasm : List.of("reactor.wasm", "reactor-0.2.0.wasm")) {
                tests.add(DynamicTest.dynamicTest(caseFile.getFileName() + " on " + wasm,
                        () -> firstCall(caseFile, REACTOR.resolve(wasm))));
            }
        }
        return tests.stream();
    }

    private static void firstCall(Path caseFile, Path wasm) throws IOException {
        FixtureCase fixture = FixtureCase.read(caseFile);
        String golden = caseFile.toString().replaceFirst("\\.case$", "");
        List<String> command = new ArrayList<>(List.of("run"));
        fixture.env().forEach((name, value) -> command.addAll(List.of("--env", name + "=" + value)));
        command.addAll(List.of("--invoke", "greet(" + Wave.print(PrimitiveType.STRING, fixture.args().get(0)) + ")",
                wasm.toString()));
        Outcome expected = new Outcome(0,
                firstLine(golden + ".stdout") + Wave.print(PrimitiveType.STRING, firstLine(golden + ".results")
                        .stripTrailing()) + "\n",
                firstLine(golden + ".stderr"));
        assertEquals(expected, WitbindProcess.run(command), command::toString);
    }

    private static String firstLine(String file) throws IOException {
        return Files.readString(Path.of(file)).lines().findFirst().orElseThrow() + "\n";
    }

    @Test
    void aCallThatDoesNotFitIsAUsageErrorBeforeTheGuestRuns() {
        String wasm = REACTOR.resolve("reactor.wasm").toString();
        assertEquals(new Outcome(2, "", "witbind: --invoke greet(1): the arguments of greet: func(name: string) -> "
                + "string do not parse: expected '\"' to begin a string, found '1)' (at character 1)\n"),
                WitbindProcess.run(List.of("run", "--invoke", "greet(1)", wasm)));
        assertEquals(new Outcome(2, "", "witbind: --invoke: reactor.wasm exports no function 'wave'; it exports "
                + "greet\n"), WitbindProcess.run(List.of("run", "--invoke", "wave()", wasm)));
        Outcome malformed = WitbindProcess.run(List.of("run", "--invoke", "greet", wasm));
        assertEquals(2, malformed.status(), malformed::toString);
        assertTrue(malformed.stderr().startsWith("witbind: --invoke greet: expected a call such as name(arguments)"),
                malformed::toString);
        assertEquals(1, malformed.stderr().lines().count(), malformed::toString);
    }

    /** A command's run is an export like another; when the guest exits through wasi:cli/exit, that is the status. */
    @Test
    void aCommandsRunThroughItsInterfaceAndExitsAsItSays() throws IOException {
        Path guests = WitbindProcess.wasiGuests();
        Outcome hello = WitbindProcess.run(List.of("run", "--invoke", "run()",
                guests.resolve("hello/hello.wasm").toString()));
        assertEquals(new Outcome(0, Files.readString(guests.resolve("hello/cases/hello.stdout")) + "ok\n",
                Files.readString(guests.resolve("hello/cases/hello.stderr"))), hello);
        for (String program : List.of("exit-code/exit-code-0.2.0", "exit-with-code/exit-with-code")) {
            Path golden = guests.resolve(program.substring(0, program.indexOf('/')) + "/cases/status-42");
            Outcome exited = WitbindProcess.run(List.of("run", "--invoke", "wasi:cli/run@0.2.0#run()",
                    guests.resolve(program + ".wasm").toString(), "42"));
            assertEquals(new Outcome(Integer.parseInt(Files.readString(Path.of(golden + ".status")).strip()),
                    Files.readString(Path.of(golden + ".stdout")), Files.readString(Path.of(golden + ".stderr"))),
                    exited, program);
        }
    }

    @Test
    void aReactorWithoutInvokeIsNotACommand() {
        Outcome outcome = WitbindProcess.run(List.of("run", REACTOR.resolve("reactor.wasm").toString()));
        assertEquals(new Outcome(1, "", "witbind: reactor.wasm is not a command (it exports no wasi:cli/run); call "
                + "one of its functions with --invoke 'name(arguments)': it exports greet\n"), outcome);
    }
}
