package dev.witbind.runtime.engine;

/** A WebAssembly engine, as witbind's runtime sees it: it parses core modules, which it then instantiates. */
public interface CoreEngine {
    /**
     * Parses and validates a core module.
     *
     * @param name how errors refer to the module
     * @throws dev.witbind.runtime.errors.WitModuleException when the bytes are not a valid module the engine can run
     */
    CoreModule parse(String name, byte[] bytes);
}
