package dev.witbind.benchmarks;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.Linker;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 2: one guest -> host {@code func(string) -> string} call on the Chicory compiler: the host lifts the
 * guest's string, the Java method returns it, the host lowers it through {@code cabi_realloc}. Each operation is
 * one {@code call-string} export call making {@value #CALLS} host calls; the guest checks every result.
 * {@link #component} runs the same guest code as a component ({@code bench.component.wasm}): there {@code echo-string}
 * needs the main module's memory and {@code cabi_realloc}, so wit-component routes the main module's call through a
 * shim module's {@code call_indirect} to the lowered function, which a fixup module put into the shim's table.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StringCallBenchmark {
    static final int CALLS = 100;

    /** Bytes of UTF-8 per string. */
    @Param({"16", "4096"})
    public int size;

    /** {@code ascii}: letters; {@code utf8}: 1- to 4-byte sequences mixed (see bench.c). */
    @Param({"ascii", "utf8"})
    public String text;

    private Guests.Calls witbind;
    private Guests.Calls component;
    private HandWrittenGuest handWritten;

    @Setup
    public void setUp() {
        int kind = text.equals("ascii") ? Guests.ASCII : Guests.UTF8;
        Linker linker = new Linker().register(new BenchHost());
        witbind = Guests.Calls.of(linker.instantiate(Guests.module("bench.wasm"), Engine.COMPILER), kind);
        component = Guests.Calls.of(linker.instantiate(Guests.component("bench.component.wasm"), Engine.COMPILER),
                kind);
        handWritten = new HandWrittenGuest(Engine.COMPILER, new BenchHost(), kind);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Object generated() {
        return witbind.string().call(size, CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Object component() {
        return component.string().call(size, CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long handWritten() {
        return handWritten.callString.apply(size, CALLS)[0];
    }
}
