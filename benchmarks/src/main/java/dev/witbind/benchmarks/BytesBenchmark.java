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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 3: a {@code list<u8>} of {@value #SIZE} bytes in and out ({@code echo-bytes}) on the Chicory compiler,
 * against its floor: {@code System.arraycopy} of the same bytes in and out (two copies of {@value #SIZE} bytes).
 * The score is time per call; BENCHMARKS.md turns it into bytes per second (2 x {@value #SIZE} bytes per call).
 * {@link #component} is the same guest code as a component ({@code bench.component.wasm}; the call goes through
 * wit-component's shim, as {@link StringCallBenchmark#component} says).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BytesBenchmark {
    static final int SIZE = 65_536;
    static final int CALLS = 10;

    private Guests.Calls witbind;
    private Guests.Calls component;
    private HandWrittenGuest handWritten;
    private final byte[] guestSide = new byte[SIZE];
    private final byte[] hostSide = new byte[SIZE];

    @Setup
    public void setUp() {
        Linker linker = new Linker().register(new BenchHost());
        witbind = Guests.Calls.of(linker.instantiate(Guests.module("bench.wasm"), Engine.COMPILER), Guests.ASCII);
        component = Guests.Calls.of(linker.instantiate(Guests.component("bench.component.wasm"), Engine.COMPILER),
                Guests.ASCII);
        handWritten = new HandWrittenGuest(Engine.COMPILER, new BenchHost(), Guests.ASCII);
        for (int i = 0; i < SIZE; i++) {
            guestSide[i] = (byte) i;
        }
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Object generated() {
        return witbind.bytes().call(SIZE, CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Object component() {
        return component.bytes().call(SIZE, CALLS);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long handWritten() {
        return handWritten.callBytes.apply(SIZE, CALLS)[0];
    }

    /** The floor: the same bytes copied in and out with {@code System.arraycopy}. */
    @Benchmark
    public byte[] arraycopy() {
        System.arraycopy(guestSide, 0, hostSide, 0, SIZE);
        System.arraycopy(hostSide, 0, guestSide, 0, SIZE);
        return guestSide;
    }
}
