package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.ExternalType;
import dev.witbind.runtime.abi.GuestMemory;
import dev.witbind.runtime.engine.CoreExtern;
import dev.witbind.runtime.engine.CoreFunction;
import dev.witbind.runtime.engine.CoreInstance;

/** A Chicory instance of a core module. */
final class ChicoryInstance implements CoreInstance {
    private final Instance instance;
    private final ChicoryModule module;

    ChicoryInstance(Instance instance, ChicoryModule module) {
        this.instance = instance;
        this.module = module;
    }

    @Override
    public CoreFunction function(String name) {
        requireExport(name, ExternalType.FUNCTION);
        return new ChicoryFunction(name, instance.export(name));
    }

    @Override
    public boolean mayCallOut(String functionExport) {
        return module.mayCallOut(functionExport);
    }

    @Override
    public GuestMemory memory(String name) {
        requireExport(name, ExternalType.MEMORY);
        return new ChicoryMemory(linear(name));
    }

    /**
     * The memory behind an exported memory: the instance's own (every memory a module defines is a
     * {@link LinearMemory}), or the one it imported and re-exports, through its view.
     */
    private LinearMemory linear(String name) {
        Memory memory = instance.exports().memory(name);
        if (memory instanceof ImportedMemory imported) {
            return imported.target();
        }
        if (!(memory instanceof LinearMemory linear)) {
            throw new IllegalArgumentException("memory '" + name + "' is not witbind's linear memory");
        }
        return linear;
    }

    @Override
    public CoreExtern export(String name) {
        return switch (exportType(name)) {
            case FUNCTION -> new ChicoryExtern.Function(instance, name);
            case MEMORY -> new ChicoryExtern.Mem(linear(name));
            case TABLE -> new ChicoryExtern.Table(instance.exports().table(name), instance, module);
            case GLOBAL -> new ChicoryExtern.Global(instance.exports().global(name));
            default -> throw new IllegalArgumentException("export '" + name + "' is a " + exportType(name)
                    + ", which witbind does not pass between instances");
        };
    }

    private void requireExport(String name, ExternalType type) {
        if (exportType(name) != type) {
            throw new IllegalArgumentException("export '" + name + "' is a " + exportType(name) + ", not a " + type);
        }
    }

    private ExternalType exportType(String name) {
        var exports = instance.module().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            if (exports.getExport(i).name().equals(name)) {
                return exports.getExport(i).exportType();
            }
        }
        throw new IllegalArgumentException("the instance has no export '" + name + "'");
    }
}
