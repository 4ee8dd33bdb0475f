package dev.witbind.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestFunction;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.ImportBinding;
import dev.witbind.runtime.InstancePre;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wasi.config.WasiConfig;
import dev.witbind.wasi.fixtures.FixtureCase;
import dev.witbind.wasi.fixtures.FixtureRun;
import dev.witbind.wasi.fixtures.FixtureRun.Fixture;
import dev.witbind.wasi.fixtures.FixtureRun.Outcome;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every WASI fixture (C programs made components with the 0.2.12 and the 0.2.0 adapter) through the Java API on
 * both engines, against the goldens that {@code jco run} gave: one host, registered at 0.2.12, serves both
 * adapters' imports through the {@code @0.2} track.
 */
class WasiFixturesTest {
    private static final Linker LINKER = Wasi.register(new Linker());
    private static final Map<Path, InstancePre> PREPARED = new ConcurrentHashMap<>();

    static Stream<Arguments> fixtures() throws IOException {
        List<Arguments> runs = new ArrayList<>();
        for (Fixture fixture : FixtureRun.commandFixtures(FixtureRun.guests())) {
            for (Engine engine : Engine.values()) {
                runs.add(Arguments.of(fixture, engine));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("fixtures")
    void eachCaseGivesItsGoldens(Fixture fixture, Engine engine, @TempDir Path scratch) throws IOException {
        FixtureCase fixtureCase = fixture.fixtureCase();
        fixtureCase.buildScratch(scratch);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        WasiConfig.Builder config = WasiConfig.builder()
                .args(prepend(fixture.program(), fixtureCase.args()))
                .envs(fixtureCase.env())
                .stdin(new ByteArrayInputStream(fixtureCase.stdin()))
                .stdout(stdout)
                .stderr(stderr);
        fixtureCase.preopens().forEach(p -> config.preopen(scratch.resolve(p.scratchPath()), p.guestPath()));

        GuestInstance command = prepared(fixture.component()).instantiate(engine, config.build());
        int status = Wasi.run(command);

        assertEquals(Outcome.golden(fixture.cases(), fixtureCase.name()),
                new Outcome(utf8(stdout), utf8(stderr), status));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Engine.class)
    void theReactorsExportCallsWasiWhileItRuns(Engine engine) throws IOException {
        Path reactor = FixtureRun.guests().resolve("reactor");
        WitFunctionType greet = WitFunctionType.of(List.of(new WitParam("name", PrimitiveType.STRING)),
                PrimitiveType.STRING);
        for (String component : List.of("reactor.wasm", "reactor-0.2.0.wasm")) {
            for (String caseName : List.of("default", "greeting", "empty-name")) {
                FixtureCase fixtureCase = FixtureCase.read(reactor.resolve("cases/" + caseName + ".case"));
                ByteArrayOutputStream stdout = new ByteArrayOutputStream();
                ByteArrayOutputStream stderr = new ByteArrayOutputStream();
                GuestInstance instance = prepared(reactor.resolve(component)).instantiate(engine, WasiConfig.builder()
                        .envs(fixtureCase.env()).stdout(stdout).stderr(stderr).build());
                GuestFunction function = instance.function("greet", greet);
                StringBuilder results = new StringBuilder();
                for (String name : fixtureCase.args()) {
                    results.append(function.call(name)).append('\n');
                }

                String where = component + " " + caseName;
                assertEquals(read(reactor, caseName + ".results"), results.toString(), where);
                assertEquals(read(reactor, caseName + ".stdout"), utf8(stdout), where);
                assertEquals(read(reactor, caseName + ".stderr"), utf8(stderr), where);
            }
        }
    }

    /** A trap ends the run with the trap, and what the guest wrote before it stays written. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Engine.class)
    void aTrapKeepsWhatTheGuestPrintedBeforeIt(Engine engine) throws IOException {
        Path trap = FixtureRun.guests().resolve("trap");
        for (String component : List.of("trap.wasm", "trap-0.2.0.wasm")) {
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            GuestInstance instance = prepared(trap.resolve(component)).instantiate(engine,
                    WasiConfig.builder().stdout(stdout).build());
            WitTrapException e = assertThrows(WitTrapException.class, () -> Wasi.run(instance), component);
            assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
            assertEquals(read(trap, "trap.stdout"), utf8(stdout), component);
        }
    }

    /**
     * A guest built for a later WASI 0.2.x than the host's links through the track when it uses only functions the
     * host has: hello.wasm with every "@0.2.12" of its binary made "@0.2.99" (the same length, so nothing else
     * moves) imports wasi:cli/stdout@0.2.99 and the rest, and runs on the 0.2.12 host.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Engine.class)
    void aGuestBuiltForALaterWasiLinksThroughTheTrack(Engine engine) throws IOException {
        Path hello = FixtureRun.guests().resolve("hello");
        byte[] later = replaceAll(Files.readAllBytes(hello.resolve("hello.wasm")), "@0.2.12", "@0.2.99");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        GuestInstance command = LINKER.instantiate(GuestComponent.parse("hello-0.2.99.wasm", later), engine,
                WasiConfig.builder().arg("hello").stdout(stdout).stderr(stderr).build());
        int status = Wasi.run(command);

        assertEquals(Outcome.golden(hello.resolve("cases"), "hello"), new Outcome(utf8(stdout), utf8(stderr), status));
        List<ImportBinding> bindings = command.linkPlan().bindings();
        assertFalse(bindings.isEmpty());
        for (ImportBinding binding : bindings) {
            assertTrue(binding.guestImport().module().endsWith("@0.2.99"), binding.describe());
            assertTrue(binding.instanceName().endsWith("@0.2.12"), binding.describe());
            assertTrue(binding.track().isPresent(), binding.describe());
        }
    }

    /** Another track is another interface: the same binary made "@0.3.12" does not link, and says why. */
    @org.junit.jupiter.api.Test
    void aGuestOfAnotherTrackDoesNotLink() throws IOException {
        byte[] other = replaceAll(Files.readAllBytes(FixtureRun.guests().resolve("hello/hello.wasm")), "@0.2.12",
                "@0.3.12");

        String report = LINKER.check(GuestComponent.parse("hello-0.3.12.wasm", other)).toString();

        assertTrue(report.contains("no instance 'wasi:cli/stdout@0.3.12', and nothing on its track "
                + "wasi:cli/stdout@0.3"), report);
    }

    private static byte[] replaceAll(byte[] bytes, String from, String to) {
        byte[] find = from.getBytes(StandardCharsets.UTF_8);
        byte[] put = to.getBytes(StandardCharsets.UTF_8);
        byte[] copy = bytes.clone();
        int replaced = 0;
        for (int i = 0; i + find.length <= copy.length; i++) {
            if (java.util.Arrays.equals(copy, i, i + find.length, find, 0, find.length)) {
                System.arraycopy(put, 0, copy, i, put.length);
                replaced++;
            }
        }
        assertTrue(replaced > 10, "only " + replaced + " version strings in the binary");
        return copy;
    }

    private static InstancePre prepared(Path component) {
        return PREPARED.computeIfAbsent(component, path -> LINKER.instantiatePre(GuestComponent.read(path)));
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static String read(Path program, String golden) throws IOException {
        return Files.readString(program.resolve("cases").resolve(golden), StandardCharsets.UTF_8);
    }

    private static String utf8(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
