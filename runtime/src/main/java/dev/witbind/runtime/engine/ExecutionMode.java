package dev.witbind.runtime.engine;

/** How an engine runs a core module's code. */
public enum ExecutionMode {
    /** Interpret the module's instructions: instantiates at once, runs slowly. */
    INTERPRETER,
    /** Translate the module to JVM bytecode (once per module) and let HotSpot compile it. */
    COMPILER
}
