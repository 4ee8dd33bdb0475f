package dev.witbind.benchmarks;

import dev.witbind.runtime.Engine;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Scenario 1 ({@link ScalarCalls}) on Chicory's compiler and on its interpreter, with the JVM's defaults. */
public class ScalarCallBenchmark extends ScalarCalls {
    @Param({"COMPILER", "INTERPRETER"})
    public Engine engine;

    @Setup
    public void setUp() {
        setUp(engine);
    }
}
