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
 * Scenario 4a: a new {@link Linker} and {@code linker.register(host)} for {@code interfaces} generated hosts of 10
 * functions each (the {@code ManyHostNNNN} classes that {@code src/build/GenerateManyHosts.java} writes at build
 * time). Warm: the bindings classes are loaded and found; {@link ColdRegisterBenchmark} measures the first time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RegisterBenchmark {
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
