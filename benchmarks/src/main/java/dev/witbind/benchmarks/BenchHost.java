package dev.witbind.benchmarks;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitInterface;

/**
 * The host side of {@code bench:host/calls@1.0.0} (see {@code src/main/wit/bench.wit}), compiled by the witbind
 * processor into {@code BenchHost_WitBindings}. {@link HandWrittenGuest} calls the same methods from hand-written
 * Chicory host functions, and the jco runner's JavaScript host does the same work, so every runner differs only
 * in the binding.
 */
@WitInterface("bench:host/calls@1.0.0")
public final class BenchHost {
    public @Unsigned int echoU32(@Unsigned int x) {
        return x + 1;
    }

    public String echoString(String s) {
        return s;
    }

    public byte[] echoBytes(byte[] b) {
        return b;
    }
}
