package dev.witbind.runtime.chicory;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.FunctionType;
import dev.witbind.runtime.CoreFunctionType;
import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestContext;
import dev.witbind.runtime.abi.GuestMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A Chicory instance of a guest module, with the host functions witbind resolved for its imports. It is also the
 * guest's {@link GuestMemory}: linear memory plus {@code cabi_realloc}, resolved once here so that calls never
 * look anything up.
 */
public final class ChicoryInstance extends ChicoryMemory {
    /**
     * A host function for one import, in the guest's import order.
     *
     * @param function the import's qualified name, for errors
     */
    public record HostImport(String module, String field, CoreFunctionType type, ImportHandleFactory handles,
            String function) {}

    private Instance instance;
    private ExportFunction realloc;
    private GuestContext context;

    private ChicoryInstance() {}

    /**
     * Instantiates {@code module}, binding each import to its host function, then runs the module's start function.
     *
     * @param contexts makes the instance's one {@link GuestContext} over its memory, shared by every import and
     *     export (resource handles live in it)
     */
    public static ChicoryInstance instantiate(ChicoryModule module, List<HostImport> imports, Engine engine,
            Function<GuestMemory, GuestContext> contexts) {
        ChicoryInstance guest = new ChicoryInstance();
        guest.context = contexts.apply(guest);
        List<ImportFunction> functions = new ArrayList<>(imports.size());
        for (HostImport hostImport : imports) {
            FunctionType type = FunctionType.of(
                    hostImport.type().params().stream().map(ChicoryModule::valType).toList(),
                    hostImport.type().results().stream().map(ChicoryModule::valType).toList());
            functions.add(new HostFunction(hostImport.module(), hostImport.field(), type,
                    hostImport.handles().bind(guest.context, hostImport.function())));
        }
        Instance.Builder builder = Instance.builder(module.wasmModule())
                .withImportValues(ImportValues.builder().withFunctions(functions).build())
                .withMemoryFactory(LinearMemory::new)
                .withInitialize(false);
        if (engine == Engine.COMPILER) {
            builder.withMachineFactory(module.compiled());
        }
        guest.instance = builder.build();
        // Every memory a guest defines is built by the factory above (witbind guests import none).
        guest.memory = (LinearMemory) guest.instance.memory();
        guest.realloc = module.exportsFunction("cabi_realloc") ? guest.instance.export("cabi_realloc") : null;
        // Start functions may call host functions, which need memory and realloc bound: initialize last.
        guest.instance.initialize(true);
        return guest;
    }

    /** The context every host call and export call of this instance uses. */
    public GuestContext context() {
        return context;
    }

    /** Why the engine stopped a guest, for a trap message: Chicory's own reason where it gives one. */
    public static String describeTrap(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return "call stack exhausted";
        }
        if (failure instanceof ChicoryException && failure.getMessage() != null) {
            return failure.getMessage();
        }
        return failure.toString();
    }

    /** A guest export in core form. */
    @FunctionalInterface
    public interface Export {
        long[] apply(long... args);
    }

    /** The exported function, which the caller has checked exists. */
    public Export export(String name) {
        ExportFunction function = instance.export(name);
        return function::apply;
    }


    @Override
    public boolean hasRealloc() {
        return realloc != null;
    }

    @Override
    public int realloc(int oldPointer, int oldSize, int alignment, int newSize) {
        return (int) realloc.apply(oldPointer, oldSize, alignment, newSize)[0];
    }
}
