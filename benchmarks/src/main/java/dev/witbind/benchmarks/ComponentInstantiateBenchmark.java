package dev.witbind.benchmarks;

import com.dylibso.chicory.runtime.Instance;
import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.InstancePre;
import dev.witbind.runtime.Linker;
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
 * Scenario 7a: instantiating {@code bench.component.wasm} from a pre-instantiated component ({@link InstancePre}: read,
 * validated, parsed, compiled and linked once, in the set-up), against instantiating its three core modules directly
 * on Chicory with the same wiring and hand-written host functions ({@link HandWrittenComponent}, parsed and compiled
 * once too). Both sides build every instance, host function and import anew per operation, as a server making an
 * instance per request does. The set-up checks that both instances call their host. The warm-up is long (6 s): the
 * witbind side has more code for the JIT to settle (after 2 s it still took about twice its final time).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ComponentInstantiateBenchmark {
    @Param({"COMPILER", "INTERPRETER"})
    public Engine engine;

    private InstancePre pre;
    private HandWrittenComponent direct;

    @Setup
    public void setUp() {
        pre = new Linker().register(new BenchHost()).instantiatePre(Guests.component("bench.component.wasm"));
        direct = new HandWrittenComponent(engine, new BenchHost());
        // call-u32(3, 10) = 11 + 12 + 13, and call-string(16, 2) = 2 x 16 bytes echoed: each side reached its host
        Guests.Calls witbind = Guests.Calls.of(pre.instantiate(engine), Guests.ASCII);
        check("witbind", (Integer) witbind.u32().call(3, 10), (Integer) witbind.string().call(16, 2));
        Instance chicory = direct.instantiate();
        chicory.export("fill").apply(Guests.ASCII);
        check("Chicory", (int) chicory.export("call-u32").apply(3, 10)[0],
                (int) chicory.export("call-string").apply(16, 2)[0]);
    }

    private static void check(String side, int u32, int string) {
        if (u32 != 36 || string != 32) {
            throw new IllegalStateException(side + ": call-u32(3, 10) = " + u32 + ", call-string(16, 2) = " + string);
        }
    }

    /** Through witbind: every core instance, lowered host function, lifted export and the handle table. */
    @Benchmark
    public GuestInstance instancePre() {
        return pre.instantiate(engine);
    }

    /** The three core modules on Chicory, wired by hand. */
    @Benchmark
    public Instance coreModules() {
        return direct.instantiate();
    }
}
