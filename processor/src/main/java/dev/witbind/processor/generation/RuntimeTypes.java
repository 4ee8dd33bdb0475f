package dev.witbind.processor.generation;

import com.palantir.javapoet.ClassName;

/**
 * The runtime's types that generated bindings name: the one place that knows which package of the runtime holds
 * what (generated code uses the support package {@code dev.witbind.runtime.bindings} and the Canonical ABI's
 * {@code dev.witbind.runtime.abi}, never the engine).
 */
final class RuntimeTypes {
    private static final String RUNTIME = "dev.witbind.runtime";
    private static final String BINDINGS = RUNTIME + ".bindings";
    private static final String ABI_PACKAGE = RUNTIME + ".abi";

    static final ClassName WIT_BINDINGS = ClassName.get(BINDINGS, "WitBindings");
    static final ClassName FUNCTION_DEFINITIONS = ClassName.get(BINDINGS, "FunctionDefinitions");
    static final ClassName IMPORT_HANDLE = ClassName.get(BINDINGS, "ImportHandle");
    static final ClassName IMPORT_HANDLE_FACTORY = ClassName.get(BINDINGS, "ImportHandleFactory");
    static final ClassName LIFT_LOWER_CONTEXT = ClassName.get(ABI_PACKAGE, "LiftLowerContext");
    static final ClassName ABI = ClassName.get(ABI_PACKAGE, "Abi");
    static final ClassName HOST_VALUE_EXCEPTION = ClassName.get(ABI_PACKAGE, "HostValueException");
    static final ClassName WIT_TRAP_EXCEPTION = ClassName.get(RUNTIME + ".errors", "WitTrapException");

    private RuntimeTypes() {}
}
