package dev.witbind.benchmarks;

import dev.witbind.wit.names.NameMap;
import java.util.Optional;
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
 * Scenario 4b: the linker's name lookup (the {@link NameMap} every linker level is) over a table of
 * {@code interfaces} interface names ({@code bench:many/iNNNN@1.2.3}), making 10 x {@code interfaces} lookups per
 * operation: {@code exact} asks for the registered names, {@code track} for {@code @1.0.0}, which resolves
 * through the track {@code @1} to {@code @1.2.3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LookupBenchmark {
    @Param({"100", "1000"})
    public int interfaces;

    @Param({"exact", "track"})
    public String hit;

    private NameMap<Integer> table;
    private String[] requests;

    @Setup
    public void setUp() {
        table = new NameMap<>();
        for (int i = 0; i < interfaces; i++) {
            table.define(String.format("bench:many/i%04d@1.2.3", i), i, false);
        }
        String version = hit.equals("exact") ? "1.2.3" : "1.0.0";
        requests = new String[10 * interfaces];
        for (int k = 0; k < requests.length; k++) {
            // A stride through the table, so that consecutive lookups touch different entries.
            requests[k] = String.format("bench:many/i%04d@%s", (k * 7) % interfaces, version);
        }
    }

    @Benchmark
    public long lookups() {
        long sum = 0;
        for (String request : requests) {
            Optional<NameMap.Hit<Integer>> found = table.lookup(request);
            sum += found.orElseThrow().value();
        }
        return sum;
    }
}
