package dev.witbind.benchmarks;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import dev.witbind.runtime.GuestComponent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scenario 7b: reading a component of about 2 MB ({@code big.component.wasm}: 4,096 generated functions, see
 * {@code big.c}) with {@link GuestComponent#parse}, which reads and validates the component (every section, type,
 * canonical function and name) and parses and validates its core modules with Chicory, against Chicory parsing the
 * same core modules alone (their bytes taken out of the component in the set-up). Neither compiles anything.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ComponentReadBenchmark {
    static final String GUEST = "big.component.wasm";

    private byte[] component;
    private List<byte[]> coreModules;

    @Setup
    public void setUp() {
        component = Guests.bytes(GUEST);
        coreModules = Guests.coreModules(component);
        // what is measured is what it says: a 2 MB component whose code is nearly all in its core module
        long coreBytes = coreModules.stream().mapToLong(bytes -> bytes.length).sum();
        int functions = Parser.parse(coreModules.get(0)).functionSection().functionCount();
        if (component.length < 2_000_000 || coreBytes < 0.99 * component.length || functions < 4096) {
            throw new IllegalStateException(GUEST + ": " + component.length + " bytes, " + coreBytes
                    + " in core modules, " + functions + " functions");
        }
    }

    /** Read, validate and parse everything, as a host loading the component does. */
    @Benchmark
    public GuestComponent guestComponent() {
        return GuestComponent.parse(GUEST, component);
    }

    /** Chicory's parser on the core modules alone. */
    @Benchmark
    public void chicoryParse(Blackhole blackhole) {
        for (byte[] module : coreModules) {
            WasmModule parsed = Parser.parse(module);
            blackhole.consume(parsed);
        }
    }
}
