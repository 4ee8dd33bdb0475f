package dev.witbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.cli.WitbindProcess.RawOutcome;
import dev.witbind.wasi.fixtures.FixtureCase;
import dev.witbind.wasi.fixtures.FixtureRun;
import dev.witbind.wasi.fixtures.FixtureRun.Fixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code witbind run} as a process on every case of every WASI command fixture (wasi/src/test/guests/README.md),
 * with both components of each program (WASI 0.2.12 and, where there is one, 0.2.0): the case's scratch tree is
 * built, its preopens become {@code --dir <scratch path>::<guest>}, its variables {@code --env}, and stdout, stderr
 * and the exit status must be the goldens byte for byte, on both engines. A program with a goldens.sh of its own has tests of its own:
 * the reactor (no {@code wasi:cli/run}; {@link InvokeIT}) and the trap (its status is Wasmtime's, not jco's, and
 * it has no stderr golden; {@link TrapIT}).
 */
class RunFixturesIT {
    private static final Path GUESTS = WitbindProcess.wasiGuests();
    /** Each case runs on both engines: the interpreter (the command's default) and Chicory's compiler. */
    private static final List<String> ENGINES = List.of("interpreter", "compiler");
    /**
     * How many witbind processes run at once. A JVM start and the component's parse take most of each run's time,
     * and a process mostly waits on one core, so two at a time almost halve the time on two cores.
     */
    private static final int PROCESSES = Integer.getInteger("witbind.it.processes", 2);

    private static long started;

    @TestFactory
    Stream<DynamicTest> everyCaseOfEveryCommand() throws IOException {
        started = System.nanoTime();
        // Every run starts now, PROCESSES at a time; each test waits for its own and compares.
        ExecutorService pool = Executors.newFixedThreadPool(PROCESSES, task -> {
            Thread thread = new Thread(task, "witbind-fixture-run");
            thread.setDaemon(true);
            return thread;
        });
        List<DynamicTest> tests = new ArrayList<>();
        for (Fixture fixture : FixtureRun.commandFixtures(GUESTS)) {
            for (String engine : ENGINES) {
                String label = fixture.program() + "/" + fixture.fixtureCase().name() + " on "
                        + fixture.component().getFileName() + ", " + engine;
                Future<Run> run = pool.submit(() -> run(fixture, engine));
                tests.add(DynamicTest.dynamicTest(label, () -> compare(fixture, label, run.get())));
            }
        }
        pool.shutdown();
        assertTrue(tests.size() >= 90, "found only " + tests.size() + " runs");
        return tests.stream();
    }

    @AfterAll
    static void reportTheTime() {
        System.out.printf("RunFixturesIT: every case in %.1f s, %d processes at a time%n",
                (System.nanoTime() - started) / 1e9, PROCESSES);
    }

    /** One run: the command line and what it gave. */
    private record Run(List<String> command, RawOutcome outcome) {}

    private static Run run(Fixture fixture, String engine) throws IOException {
        FixtureCase fixtureCase = fixture.fixtureCase();
        Path scratch = Files.createTempDirectory("witbind-case-");
        try {
            fixtureCase.buildScratch(scratch);
            List<String> command = new ArrayList<>(List.of("run", "--engine", engine));
            for (FixtureCase.CasePreopen preopen : fixtureCase.preopens()) {
                command.add("--dir");
                command.add(scratch.resolve(preopen.scratchPath()).toRealPath() + "::" + preopen.guestPath());
            }
            fixtureCase.env().forEach((name, value) -> {
                command.add("--env");
                command.add(name + "=" + value);
            });
            command.add(fixture.component().toString());
            command.addAll(fixtureCase.args());
            return new Run(command, WitbindProcess.runRaw(command, fixtureCase.stdin()));
        } finally {
            delete(scratch);
        }
    }

    private static void compare(Fixture fixture, String label, Run run) throws IOException {
        String golden = fixture.cases().resolve(fixture.fixtureCase().name()).toString();
        RawOutcome expected = new RawOutcome(
                Integer.parseInt(Files.readString(Path.of(golden + ".status")).strip()),
                Files.readAllBytes(Path.of(golden + ".stdout")), Files.readAllBytes(Path.of(golden + ".stderr")));
        RawOutcome outcome = run.outcome();
        String both = label + ": expected\n" + expected.decoded() + "\nbut witbind " + run.command() + " gave\n"
                + outcome.decoded();
        assertEquals(expected.status(), outcome.status(), both);
        assertTrue(Arrays.equals(expected.stdout(), outcome.stdout()), "stdout of " + both);
        assertTrue(Arrays.equals(expected.stderr(), outcome.stderr()), "stderr of " + both);
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

}
