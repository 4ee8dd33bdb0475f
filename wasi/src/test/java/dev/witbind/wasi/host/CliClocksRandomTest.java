package dev.witbind.wasi.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wasi.bindings.Datetime;
import dev.witbind.wasi.bindings.Tuple2OfStringAndString;
import dev.witbind.wasi.config.WasiConfig;
import dev.witbind.wasi.config.WasiRandom;
import dev.witbind.wit.values.Result;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** wasi:cli, wasi:clocks and wasi:random from Java, on a context made from a WasiConfig. */
class CliClocksRandomTest {
    @Test
    void theEnvironmentIsExactlyWhatWasConfigured() {
        CliEnvironment environment = new CliEnvironment(new WasiContext(WasiConfig.builder()
                .args(List.of("prog", "a b", "")).env("B", "2").env("A", "1=x").build()));

        assertEquals(List.of("prog", "a b", ""), environment.getArguments());
        assertEquals(List.of(new Tuple2OfStringAndString("B", "2"), new Tuple2OfStringAndString("A", "1=x")),
                environment.getEnvironment());
        assertEquals(Optional.empty(), environment.initialCwd());
    }

    @Test
    void exitUnwindsWithTheStatus() {
        CliExit exit = new CliExit();

        assertEquals(0, assertThrows(WasiExit.class, () -> exit.exit(Result.ok(null))).status());
        assertEquals(1, assertThrows(WasiExit.class, () -> exit.exit(Result.err(null))).status());
        assertEquals(200, assertThrows(WasiExit.class, () -> exit.exitWithCode((byte) 200)).status());
    }

    @Test
    void noStreamIsATerminal() {
        assertFalse(new CliTerminalStdin().getTerminalStdin().isPresent());
        assertFalse(new CliTerminalStdout().getTerminalStdout().isPresent());
        assertFalse(new CliTerminalStderr().getTerminalStderr().isPresent());
    }

    @Test
    void theMonotonicClockCountsFromTheInstancesStartAndItsPollablesWaitForIt() {
        AtomicLong host = new AtomicLong(-5_000);   // System.nanoTime may be negative: the guest never sees it
        WasiContext context = new WasiContext(WasiConfig.builder()
                .monotonicClock(host::get).build());
        ClocksMonotonicClock clock = new ClocksMonotonicClock(context);

        assertEquals(0, clock.now());
        host.addAndGet(250);
        assertEquals(250, clock.now());
        IoPoll.Pollable inAWhile = clock.subscribeDuration(100);
        IoPoll.Pollable atInstant = clock.subscribeInstant(300);
        IoPoll.Pollable never = clock.subscribeDuration(-1L);   // u64 max: clamped, not wrapped into the past
        assertFalse(inAWhile.ready());
        assertFalse(atInstant.ready());
        host.addAndGet(100);
        assertTrue(inAWhile.ready());
        assertTrue(atInstant.ready());
        assertFalse(never.ready());
    }

    @Test
    void theWallClockIsTheConfiguredOneAndBefore1970IsTheEpoch() {
        ClocksWallClock clock = new ClocksWallClock(new WasiContext(WasiConfig.builder()
                .wallClock(() -> Instant.ofEpochSecond(1_700_000_000L, 123)).build()));

        assertEquals(new Datetime(1_700_000_000L, 123), clock.now());
        assertEquals(new Datetime(0, 1), clock.resolution());
        assertEquals(new Datetime(0, 0), ClocksWallClock.datetime(Instant.ofEpochSecond(-10)));
    }

    @Test
    void randomComesFromTheConfiguredSourceAndTheSeedIsFixedPerInstance() {
        WasiContext one = new WasiContext(WasiConfig.builder().random(WasiRandom.seeded(7)).build());
        WasiContext two = new WasiContext(WasiConfig.builder().random(WasiRandom.seeded(7)).build());

        assertArrayEquals(new RandomRandom(one).getRandomBytes(16), new RandomRandom(two).getRandomBytes(16));
        assertEquals(new RandomInsecure(one).getInsecureRandomU64(), new RandomInsecure(two).getInsecureRandomU64());
        RandomInsecureSeed seed = new RandomInsecureSeed(one);
        assertSame(seed.insecureSeed(), seed.insecureSeed());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> new RandomRandom(one).getRandomBytes(-1L));
        assertTrue(tooMany.getMessage().contains("18446744073709551615 bytes"), tooMany.getMessage());
    }
}
