package dev.witbind.runtime;

import static dev.witbind.runtime.engine.chicory.WasmBytes.I32;
import static dev.witbind.runtime.engine.chicory.WasmBytes.PREAMBLE;
import static dev.witbind.runtime.engine.chicory.WasmBytes.body;
import static dev.witbind.runtime.engine.chicory.WasmBytes.bytes;
import static dev.witbind.runtime.engine.chicory.WasmBytes.concat;
import static dev.witbind.runtime.engine.chicory.WasmBytes.export;
import static dev.witbind.runtime.engine.chicory.WasmBytes.importEntry;
import static dev.witbind.runtime.engine.chicory.WasmBytes.section;
import static dev.witbind.runtime.engine.chicory.WasmBytes.uleb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.abi.InstanceLimits;
import dev.witbind.runtime.errors.WitHostException;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.runtime.errors.WitTrapException;
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
