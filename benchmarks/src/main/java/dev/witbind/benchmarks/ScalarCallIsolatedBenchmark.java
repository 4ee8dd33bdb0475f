package dev.witbind.benchmarks;

import dev.witbind.runtime.Engine;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Setup;

/**
 * Scenario 1 ({@link ScalarCalls}) on Chicory's compiler with each side's guest loop compiled on its own: HotSpot is
 * told not to inline Chicory's compiled dispatch ({@code CompiledMachineMachineCall::call}) into its caller, so the
 * 72-byte {@code call-u32} loop is not folded into the export entry (witbind's {@code GuestFunction.call} on one
 * side, the JMH stub on the other). That is how a real guest's hot function, far above HotSpot's inlining limits, is
 * compiled; {@link ScalarCallBenchmark} measures the host call plus how C2 compiles this tiny loop into each entry,
 * which varies from fork to fork. Both sides run with the same flag.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:CompileCommand=quiet",
        "-XX:CompileCommand=dontinline,*MachineMachineCall::call"})
public class ScalarCallIsolatedBenchmark extends ScalarCalls {
    @Setup
    public void setUp() {
        setUp(Engine.COMPILER);
    }
}
