package dev.witbind.runtime.engine;

import dev.witbind.wit.abi.CoreFunctionType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed and validated core module, instantiated any number of times (compiled at most once, on the first
 * compiled instance).
 */
public interface CoreModule {

    /** The module's imports in declaration order. */
    List<CoreImport> imports();

    /** The core type of an exported function; empty when there is none or its types are not all numeric. */
    Optional<CoreFunctionType> exportedFunction(String name);

    /** How an exported function is declared, in WAT form, for messages; empty when there is no such function. */
    Optional<String> exportSignature(String name);

    /** The names of the module's function exports. */
    Set<String> functionExports();

    /**
     * Whether running the exported function may run code outside the module's instance: false only when it provably
     * cannot (it and everything it calls are the module's own functions, and none calls through a table or a
     * reference); true for a name that is no function export. Worked out once per export.
     */
    boolean mayCallOut(String functionExport);

    /** Whether the module defines a linear memory of its own (rather than importing one). */
    boolean definesMemory();

    /** Begins an instance: add its imports to the builder, then {@link CoreInstanceBuilder#instantiate()}. */
    CoreInstanceBuilder newInstance(ExecutionMode mode);
}
