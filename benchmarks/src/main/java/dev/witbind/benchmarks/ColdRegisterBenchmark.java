package dev.witbind.benchmarks;

import dev.witbind.benchmarks.many.ManyHosts;
import dev.witbind.runtime.Linker;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 4a, cold: the first registration in a fresh JVM, which also finds every bindings class through the
 * {@code META-INF/services} index and loads it. One shot per fork, several forks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 4, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ColdRegisterBenchmark {
    @Param({"100", "1000"})
    public int interfaces;

    private Object[] hosts;

    @Setup
    public void setUp() {
        hosts = Arrays.copyOf(ManyHosts.all(), interfaces);
    }

    @Benchmark
    public Linker register() {
        Linker linker = new Linker();
        for (Object host : hosts) {
            linker.register(host);
        }
        return linker;
    }
}
