package dev.witbind.runtime;

import static dev.witbind.runtime.engine.chicory.WasmBytes.I32;
import static dev.witbind.runtime.engine.chicory.WasmBytes.PREAMBLE;
import static dev.witbind.runtime.engine.chicory.WasmBytes.body;
import static dev.witbind.runtime.engine.chicory.WasmBytes.bytes;
import static dev.witbind.runtime.engine.chicory.WasmBytes.concat;
import static dev.witbind.runtime.engine.chicory.WasmBytes.export;
import static dev.witbind.runtime.engine.chicory.WasmBytes.importEntry;
import static dev.witbind.runtime.engine.chicory.WasmBytes.section;
import static dev.witbind.runtime.engine.chicory.WasmBytes.sleb;
import static dev.witbind.runtime.engine.chicory.WasmBytes.uleb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.abi.InstanceLimits;
import dev.witbind.runtime.abi.ValueCodec;
import dev.witbind.runtime.errors.WitHostException;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guests that never return, share an instance between threads, take too much, or meet a host that throws what it
 * should not: each ends in one of witbind's exceptions, and the thread, the host and other instances carry on.
 */
class HostileGuestsTest {
    private static final WitFunctionType NOTHING = WitFunctionType.of(List.of());
    private static final ListType STRINGS = new ListType(PrimitiveType.STRING);
    private static final WitFunctionType GROW = WitFunctionType.of(List.of(new WitParam("pages", PrimitiveType.S32)),
            PrimitiveType.S32);

    /**
     * Exports {@code spin-br-if} ({@code loop; i32.const 1; br_if 0}: how clang closes loops), {@code spin-br-table}
     * and {@code once} (returns at once), {@code grow(pages)} ({@code memory.grow}), and a memory of 1 page.
     */
    private static final byte[] SPINNER = concat(PREAMBLE,
            section(1, bytes(2), bytes(0x60, 0, 0), bytes(0x60, 1, I32, 1, I32)),
            section(3, bytes(4, 0, 0, 0, 1)),
            section(5, bytes(1, 0, 1)),
            section(7, bytes(4), export("spin-br-if", 0, 0), export("spin-br-table", 0, 1), export("once", 0, 2),
                    export("grow", 0, 3)),
            section(10, bytes(4),
                    body(0x03, 0x40, 0x41, 1, 0x0d, 0, 0x0b),
                    body(0x03, 0x40, 0x41, 0, 0x0e, 1, 0, 0, 0x0b),
                    body(),
                    body(0x20, 0, 0x40, 0)));

    /** Imports {@code test:host/fail@1.0.0#fail: func()} and exports {@code call-fail}, which calls it. */
    private static final byte[] CALLER = concat(PREAMBLE,
            section(1, bytes(1), bytes(0x60, 0, 0)),
            section(2, bytes(1), importEntry("test:host/fail@1.0.0", "fail", bytes(0, 0))),
            section(3, bytes(1, 0)),
            section(7, bytes(1), export("call-fail", 0, 1)),
            section(10, bytes(1), body(0x10, 0)));

    private static GuestModule spinner() {
        return GuestModule.parse("spinner.wasm", SPINNER);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDeadlineStopsALoopThatBranchesBackWithBrIfOrBrTable(Engine engine) {
        Linker linker = new Linker().limits(InstanceLimits.DEFAULT.withCallTimeout(Duration.ofMillis(200)));
        for (String loop : List.of("spin-br-if", "spin-br-table")) {
            GuestInstance guest = linker.instantiate(spinner(), engine);

            WitTrapException stopped = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(WitTrapException.class, () -> guest.function(loop, NOTHING).call()), loop);

            assertEquals("the call took longer than its deadline of 200 ms", stopped.reason(), loop);
            assertTrue(guest.isPoisoned());
            // the interrupt was witbind's, for that call: the thread carries on unaffected
            assertFalse(Thread.currentThread().isInterrupted());
            assertEquals(null, linker.instantiate(spinner(), engine).function("once", NOTHING).call());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherThreadInterruptsARunningCall(Engine engine) throws Exception {
        GuestInstance guest = new Linker().instantiate(spinner(), engine);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Throwable> call = thread.submit(() -> {
                try {
                    guest.function("spin-br-if", NOTHING).call();
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            });
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!guest.interrupt()) { // until the call has started
                assertTrue(System.nanoTime() < giveUp, "the call never started");
                Thread.sleep(5);
            }

            Throwable failure = call.get(20, TimeUnit.SECONDS);

            assertInstanceOf(WitTrapException.class, failure);
            assertEquals("interrupted by the host", ((WitTrapException) failure).reason());
            assertFalse(guest.interrupt(), "nothing runs any more");
            // the pool's thread was not left interrupted
            assertFalse(thread.submit(() -> Thread.currentThread().isInterrupted()).get(20, TimeUnit.SECONDS));
        } finally {
            thread.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSecondThreadIsRefusedWhileACallRuns(Engine engine) throws Exception {
        CountDownLatch inHost = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Linker linker = new Linker();
        linker.instance("test:host/fail@1.0.0").func("fail", NOTHING, (cx, args) -> {
            inHost.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HostCall.NO_RESULTS;
        });
        GuestInstance guest = linker.instantiate(GuestModule.parse("caller.wasm", CALLER), engine);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = thread.submit(() -> guest.function("call-fail", NOTHING).call());
            assertTrue(inHost.await(20, TimeUnit.SECONDS));

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> guest.function("call-fail", NOTHING).call());

            assertTrue(refused.getMessage().contains("is running a call on thread"), refused.getMessage());
            release.countDown();
            first.get(20, TimeUnit.SECONDS);
            assertFalse(guest.isPoisoned(), "the refused call changed nothing");
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void memoryStaysWithinTheInstancesLimit(Engine engine) {
        GuestInstance guest = new Linker().limits(InstanceLimits.DEFAULT.withMemoryPages(4))
                .instantiate(spinner(), engine);
        GuestFunction grow = guest.function("grow", GROW);

        assertEquals(1, grow.call(3)); // 1 -> 4 pages: the old size
        assertEquals(-1, grow.call(1)); // past the limit: fails, as WebAssembly allows
        assertFalse(guest.isPoisoned());

        // a module that declares more than the limit at once is refused when it is instantiated
        byte[] big = concat(PREAMBLE, section(5, bytes(1, 0), uleb(30000)));
        WitModuleException refused = assertThrows(WitModuleException.class, () -> new Linker()
                .instantiate(GuestModule.parse("big.wasm", big), engine));
        assertTrue(refused.getMessage().contains("a memory of 30000 initial pages is over the instance's limit of "
                + "4096 pages (256 MiB)"), refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aHostFunctionThatThrowsAnErrorOrACheckedExceptionPoisonsTheInstanceAndReachesTheCallerAsOurs(Engine engine) {
        for (Throwable thrown : List.of(new AssertionError("host bug"), new java.io.IOException("sneaky"))) {
            Linker linker = new Linker();
            linker.instance("test:host/fail@1.0.0").func("fail", NOTHING, (cx, args) -> {
                throw HostileGuestsTest.<RuntimeException>sneaky(thrown);
            });
            GuestInstance guest = linker.instantiate(GuestModule.parse("caller.wasm", CALLER), engine);

            WitHostException failure = assertThrows(WitHostException.class,
                    () -> guest.function("call-fail", NOTHING).call());

            assertSame(thrown, failure.getCause());
            assertEquals("test:host/fail@1.0.0#fail", failure.function());
            assertTrue(guest.isPoisoned());
        }
    }

    /**
     * Imports {@code test:host/take@1.0.0#take: func(texts: list<string>)}; exports {@code call-take(n)}, which passes
     * the first {@code n} of the 4096 list entries at address 0, and {@code amplify(n) -> list<string>}, which returns
     * them. Every entry is the string {@code (0, 65536)}: the whole one-page memory, valid UTF-8 as it is (every byte
     * of it is below 0x80). 4096 of them ask the host for 256 MiB of strings from 64 KiB of guest.
     */
    private static final byte[] AMPLIFIER = amplifier();
    private static final WitFunctionType TAKE = WitFunctionType.of(List.of(new WitParam("texts", STRINGS)));
    private static final WitFunctionType AMPLIFY = WitFunctionType.of(
            List.of(new WitParam("n", PrimitiveType.S32)), STRINGS);

    private static byte[] amplifier() {
        byte[] entries = new byte[4096 * 8];
        for (int i = 0; i < 4096; i++) {
            entries[i * 8 + 6] = 1; // ptr 0, len 0x10000, little-endian
        }
        int result = 40000; // where amplify writes its (pointer, length) pair
        byte[] amplify = concat(bytes(0), bytes(0x41), sleb(result), bytes(0x41, 0, 0x36, 2, 0),
                bytes(0x41), sleb(result + 4), bytes(0x20, 0, 0x36, 2, 0), bytes(0x41), sleb(result), bytes(0x0b));
        return concat(PREAMBLE,
                section(1, bytes(3), bytes(0x60, 2, I32, I32, 0), bytes(0x60, 1, I32, 0), bytes(0x60, 1, I32, 1, I32)),
                section(2, bytes(1), importEntry("test:host/take@1.0.0", "take", bytes(0, 0))),
                section(3, bytes(2, 1, 2)),
                section(5, bytes(1, 0, 1)),
                section(7, bytes(3), export("memory", 2, 0), export("call-take", 0, 1), export("amplify", 0, 2)),
                section(10, bytes(2), body(0x41, 0, 0x20, 0, 0x10, 0), concat(uleb(amplify.length), amplify)),
                section(11, bytes(1), bytes(0, 0x41, 0, 0x0b), uleb(entries.length), entries));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void stringsThatAllPointAtTheSameRangeStopAtTheInstancesLiftBudget(Engine engine) {
        List<Integer> received = new java.util.ArrayList<>();
        Linker linker = new Linker().limits(InstanceLimits.DEFAULT.withLiftedBytes(1 << 20));
        linker.instance("test:host/take@1.0.0").func("take", TAKE, (cx, args) -> {
            List<?> texts = (List<?>) ValueCodec.of(STRINGS).liftFlat(cx, args, 0);
            received.add(texts.size());
            return HostCall.NO_RESULTS;
        });
        GuestInstance guest = linker.instantiate(GuestModule.parse("amplifier.wasm", AMPLIFIER), engine);
        GuestFunction callTake = guest.function("call-take", WitFunctionType.of(
                List.of(new WitParam("n", PrimitiveType.S32))));

        // 15 strings of 64 KiB and their 120-byte list: within 1 MiB, and every call has a budget of its own
        callTake.call(15);
        callTake.call(15);
        assertEquals(List.of(15, 15), received);

        WitTrapException trap = assertThrows(WitTrapException.class, () -> callTake.call(16));
        assertTrue(trap.getMessage().contains("string at 0x0 (65536 bytes) takes the values of this call past the "
                + "1048576 bytes of strings and lists guest 'amplifier.wasm' may pass in one call "
                + "(InstanceLimits.liftedBytes)"), trap.getMessage());
        assertEquals(List.of(15, 15), received, "the host function never ran");
        assertTrue(guest.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anExportsResultHasTheSameBudget(Engine engine) {
        Linker linker = new Linker().limits(InstanceLimits.DEFAULT.withLiftedBytes(1 << 20));
        linker.instance("test:host/take@1.0.0").func("take", TAKE, (cx, args) -> HostCall.NO_RESULTS);
        GuestInstance guest = linker.instantiate(GuestModule.parse("amplifier.wasm", AMPLIFIER), engine);
        assertEquals(15, ((List<?>) guest.function("amplify", AMPLIFY).call(15)).size());
        WitTrapException trap = assertThrows(WitTrapException.class, () -> guest.function("amplify", AMPLIFY).call(16));
        assertTrue(trap.getMessage().contains("past the 1048576 bytes"), trap.getMessage());

    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGuestThatRecursesWithoutEndTrapsAndTheThreadCarriesOn(Engine engine) {
        byte[] recursive = concat(PREAMBLE, section(1, bytes(1), bytes(0x60, 0, 0)), section(3, bytes(1, 0)),
                section(7, bytes(1), export("recurse", 0, 0)), section(10, bytes(1), body(0x10, 0)));
        GuestInstance guest = new Linker().instantiate(GuestModule.parse("recursive.wasm", recursive), engine);

        WitTrapException trap = assertThrows(WitTrapException.class, () -> guest.function("recurse", NOTHING).call());

        assertTrue(guest.isPoisoned());
        assertEquals(1, new Linker().instantiate(spinner(), engine).function("grow", GROW).call(0),
                "the thread goes on to run other guests");
        assertTrue(trap.getMessage().contains("recurse"), trap.getMessage());
        assertInstanceOf(StackOverflowError.class, rootCause(trap), trap.getMessage());
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void aLinkerThatHasLinkedIsFrozen() {
        Linker linker = new Linker();
        linker.instance("test:host/fail@1.0.0").func("fail", NOTHING, (cx, args) -> HostCall.NO_RESULTS);
        linker.link(GuestModule.parse("caller.wasm", CALLER));

        LinkerInstance instance = linker.instance("test:host/fail@1.0.0"); // re-opening changes nothing
        IllegalStateException frozen = assertThrows(IllegalStateException.class,
                () -> instance.func("other", NOTHING, (cx, args) -> HostCall.NO_RESULTS));
        assertTrue(frozen.getMessage().startsWith("cannot define 'other' in instance 'test:host/fail@1.0.0': this "
                + "linker has linked or instantiated guests and is frozen"), frozen.getMessage());
        assertThrows(IllegalStateException.class, () -> linker.limits(InstanceLimits.DEFAULT));
        // linking goes on as before
        assertEquals(1, linker.link(GuestModule.parse("caller.wasm", CALLER)).bindings().size());
    }
}
