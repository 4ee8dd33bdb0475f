package dev.witbind.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 1's floor: the guest's loop ({@code call-u32} in bench.c) written in Java, calling {@link BenchHost}
 * directly. {@code inlined} lets HotSpot inline the call; {@code notInlined} forbids it, as for a call site that
 * sees many targets.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JavaCallBenchmark {
    private final BenchHost host = new BenchHost();
    private int x = 7;

    @Benchmark
    @OperationsPerInvocation(ScalarCalls.CALLS)
    public int inlined() {
        int sum = 0;
        for (int i = 0; i < ScalarCalls.CALLS; i++) {
            int y = host.echoU32(x + i);
            if (y != x + i + 1) {
                throw new AssertionError(y);
            }
            sum += y;
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(ScalarCalls.CALLS)
    public int notInlined() {
        int sum = 0;
        for (int i = 0; i < ScalarCalls.CALLS; i++) {
            int y = echoNotInlined(host, x + i);
            if (y != x + i + 1) {
                throw new AssertionError(y);
            }
            sum += y;
        }
        return sum;
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static int echoNotInlined(BenchHost host, int x) {
        return host.echoU32(x);
    }
}
