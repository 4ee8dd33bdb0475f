package dev.witbind.benchmarks;

import dev.witbind.benchmarks.many.ManyHosts;
import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.Linker;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.List;
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
 * Scenario 4c: {@code linker.instantiate} of a guest with {@code imports} imports (guests/many-NNN.wasm: functions
 * f0..f9 of bench:many/iNNNN@1.2.0, resolved through the track to the generated hosts' @1.2.3), against a linker
 * holding all 1,000 generated interfaces: link every import, build the host functions, instantiate. On the
 * compiler, the module is compiled to bytecode once per {@code GuestModule} (in the set-up) and shared.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InstantiateBenchmark {
    @Param({"50", "500"})
    public int imports;

    @Param({"COMPILER", "INTERPRETER"})
    public Engine engine;

    private static final WitFunctionType SUM = WitFunctionType.of(
            List.of(new WitParam("x", PrimitiveType.S32)), PrimitiveType.S32);

    private Linker linker;
    private GuestModule guest;

    @Setup
    public void setUp() {
        linker = new Linker();
        for (Object host : ManyHosts.all()) {
            linker.register(host);
        }
        guest = Guests.module("many-" + imports + ".wasm");
        // Compiles the module once, before measuring, and checks that every import reached its host.
        GuestInstance instance = linker.instantiate(guest, engine);
        int sum = (Integer) instance.function("sum", SUM).call(1);
        if (sum != imports + imports * (imports - 1) / 2) {
            throw new IllegalStateException("sum(1) = " + sum);
        }
    }

    @Benchmark
    public GuestInstance instantiate() {
        return linker.instantiate(guest, engine);
    }
}
