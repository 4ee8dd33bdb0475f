package dev.witbind.runtime.engine;

import java.util.List;

/** A WebAssembly engine, as witbind's runtime sees it: it parses core modules, which it then instantiates. */
public interface CoreEngine {
    /**
     * Parses and validates a core module.
     *
     * @param name how errors refer to the module
     * @throws dev.witbind.runtime.errors.WitModuleException when the bytes are not a valid module the engine can run
     */
    CoreModule parse(String name, byte[] bytes);

    /**
     * The core modules of one component, which its instances will wire together, as this engine must have them to
     * run together (the same modules, in the same order, or ones rewritten to the same effect). Called once, before
     * any of them is instantiated.
     */
    List<CoreModule> prepareTogether(List<CoreModule> modules);
}
