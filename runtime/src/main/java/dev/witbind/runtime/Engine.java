package dev.witbind.runtime;

import dev.witbind.runtime.engine.ExecutionMode;

/** How Chicory executes a guest. */
public enum Engine {
    /**
     * Chicory's interpreter: instantiates at once, but every instruction and every guest-to-host call is
     * interpreted (about 65x the cost of a Java call for a host call).
     */
    INTERPRETER(ExecutionMode.INTERPRETER),
    /**
     * Chicory's compiler: translates the module to JVM bytecode when it is instantiated, after which HotSpot
     * compiles guest code and host calls like any Java code. The default: plugins are loaded once and called
     * many times, so the instantiation cost pays for itself.
     */
    COMPILER(ExecutionMode.COMPILER);

    private final ExecutionMode mode;

    Engine(ExecutionMode mode) {
        this.mode = mode;
    }

    /** What the engine adapter is asked for. */
    ExecutionMode mode() {
        return mode;
    }
}
