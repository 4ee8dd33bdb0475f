package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportGlobal;
import com.dylibso.chicory.runtime.ImportMemory;
import com.dylibso.chicory.runtime.ImportTable;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.TypeSection;
import dev.witbind.runtime.abi.GuestMemory;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.engine.CoreExtern;
import dev.witbind.runtime.engine.CoreFunction;
import dev.witbind.runtime.engine.CoreInstance;
import dev.witbind.runtime.engine.CoreInstanceBuilder;
import dev.witbind.runtime.engine.ExecutionMode;
import dev.witbind.runtime.engine.LateBoundImport;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.wit.WitException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Chicory instance being made: imports collected, views bound when it exists. */
final class ChicoryInstanceBuilder implements CoreInstanceBuilder {
    private final ChicoryModule module;
    private final ExecutionMode mode;
    private final ImportValues.Builder imports = ImportValues.builder();
    private final ChicoryMemory ownMemory = new ChicoryMemory();
    private final Map<String, ChicoryFunction> functionViews = new LinkedHashMap<>();
    private int memoryPages = LinearMemory.MAX_PAGES;
    private boolean built;

    ChicoryInstanceBuilder(ChicoryModule module, ExecutionMode mode) {
        this.module = module;
        this.mode = mode;
    }

    @Override
    public GuestMemory ownMemory() {
        return ownMemory;
    }

    @Override
    public CoreFunction exportedFunction(String name) {
        if (!module.exportsFunction(name)) {
            throw new IllegalArgumentException("the module exports no function '" + name + "'");
        }
        return functionViews.computeIfAbsent(name, ChicoryFunction::new);
    }

    @Override
    public CoreInstanceBuilder memoryLimit(int pages) {
        this.memoryPages = pages;
        return this;
    }

    @Override
    public CoreInstanceBuilder importFunction(String moduleName, String field, ImportHandle handle) {
        // The type is the importing module's declaration: Chicory matches imports by exact type.
        FunctionType type = module.importedFunctionType(moduleName, field).orElseThrow(() ->
                new IllegalArgumentException("the module imports no function " + moduleName + "#" + field));
        imports.addFunction(new HostFunction(moduleName, field, type, handle));
        return this;
    }

    @Override
    public LateBoundImport importLateBound(String moduleName, String field, String unboundReason) {
        FunctionType type = module.importedFunctionType(moduleName, field).orElseThrow(() ->
                new IllegalArgumentException("the module imports no function " + moduleName + "#" + field));
        LateBoundHandle handle = new LateBoundHandle(moduleName + "#" + field, unboundReason);
        imports.addFunction(new HostFunction(moduleName, field, type, handle));
        return handle;
    }

    @Override
    public CoreInstanceBuilder importExtern(String moduleName, String field, CoreExtern extern) {
        if (!(extern instanceof ChicoryExtern chicory)) {
            throw new IllegalArgumentException("not an export of a Chicory instance: " + extern);
        }
        if (chicory instanceof ChicoryExtern.Function function) {
            imports.addFunction(directImport(moduleName, field, function.instance(), function.name()));
        } else if (chicory instanceof ChicoryExtern.Mem memory) {
            // a view per importer, so that the importer's data segments stay its own
            imports.addMemory(new ImportMemory(moduleName, field, new ImportedMemory(memory.memory())));
        } else if (chicory instanceof ChicoryExtern.Table table) {
            checkTypeNumbering(table.ownerModule(), moduleName + "#" + field);
            imports.addTable(new ImportTable(moduleName, field, table.table()));
        } else {
            imports.addGlobal(new ImportGlobal(moduleName, field, ((ChicoryExtern.Global) chicory).global()));
        }
        return this;
    }

    /**
     * The import of another instance's exported function, calling that instance's machine with the function's
     * index found once here. Chicory's {@code ImportFunction.exportAsImport} goes through the export's lambda,
     * which looks the index up and runs a GC-proposal safe point on every call; in a component every call from the
     * program into its adapter, and from the adapter into the shim, crosses instances this way (a WASI write
     * crosses three). Measured on a component's {@code string -> string} import of 16 ASCII bytes (the main module
     * calls the shim): 122 and 142 ns per call before, 80 and 89 ns after (compiler, alternating builds, one fork
     * each on a busy machine). The safe point only sweeps GC-proposal references, which components do not have.
     */
    private static ImportFunction directImport(String moduleName, String field, Instance target, String name) {
        int index = -1;
        for (int i = 0; i < target.module().exportSection().exportCount(); i++) {
            Export export = target.module().exportSection().getExport(i);
            if (export.exportType() == ExternalType.FUNCTION && export.name().equals(name)) {
                index = export.index();
                break;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("the instance exports no function '" + name + "'");
        }
        int function = index;
        return new ImportFunction(moduleName, field, target.exportType(name),
                (caller, args) -> target.getMachine().call(function, args), target);
    }

    /**
     * Refuses to share a table between modules that number their function types differently, unless
     * {@link IndirectCallTypes} prepared both. Chicory 1.7.5 reads a {@code call_indirect}'s type index in the
     * callee's type section (components.md, pitfall 2), so a function stored by one module and called through the
     * table by another traps, or passes a wrong check, unless both give that index the same type. wit-component's
     * shim and fixup modules number their types alike; layouts that share one table among many modules
     * (componentize-py's, QuickJS's) do not, and a component's modules are prepared together for them.
     */
    private void checkTypeNumbering(ChicoryModule exporter, String table) {
        if (exporter.sharesIndirectCallTypes() && module.sharesIndirectCallTypes()) {
            return; // IndirectCallTypes gave both the same types at every index their indirect calls name
        }
        TypeSection theirs = exporter.wasmModule().typeSection();
        TypeSection ours = module.wasmModule().typeSection();
        int shared = Math.min(theirs.typeCount(), ours.typeCount());
        for (int i = 0; i < shared; i++) {
            if (!theirs.getType(i).equals(ours.getType(i))) {
                throw new WitModuleException(module.name(), "a module that imports the table " + table + " from a "
                        + "module that numbers its function types differently (type " + i + " is "
                        + ChicoryModule.describe(theirs.getType(i)) + " there and "
                        + ChicoryModule.describe(ours.getType(i)) + " here): Chicory 1.7.5 matches indirect calls "
                        + "across instances by type index, so witbind cannot run this layout", null);
            }
        }
    }

    @Override
    public CoreInstance instantiate() {
        if (built) {
            throw new IllegalStateException("this builder has made its instance already");
        }
        built = true;
        Instance instance;
        try {
            int pageLimit = memoryPages;
            Instance.Builder builder = Instance.builder(module.wasmModule())
                    .withImportValues(imports.build())
                    .withMemoryFactory(limits -> new LinearMemory(limits, pageLimit))
                    .withInitialize(false)
                    .withStart(false);
            if (mode == ExecutionMode.COMPILER) {
                builder.withMachineFactory(module.compiled());
            } else {
                // Chicory's interpreter checks for an interrupt at calls only, so a loop that branches back with
                // br_if or br_table could never be stopped; the compiler checks at loop back-edges too.
                builder.withUnsafeExecutionListener(new InterruptionCheck());
            }
            instance = builder.build();
        } catch (WitException e) {
            throw e;
        } catch (ChicoryException e) {
            throw new WitModuleException(module.name(), "not instantiable: " + e.getMessage(), e);
        }
        bindViews(instance);
        try {
            // Data and element segments, then the start section. Never an exported _start (the 'false'): a
            // command's _start is run by whoever runs the command, not by instantiation.
            instance.initialize(false);
        } catch (WitException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw ChicoryFunction.trap(e);
        }
        return new ChicoryInstance(instance, module);
    }

    /** Views first: start functions may call host functions, which lift and lower through them. */
    private void bindViews(Instance instance) {
        if (module.definesMemory()) {
            // Every memory a module defines is made by the factory above.
            ownMemory.bind((LinearMemory) instance.memory());
        }
        functionViews.forEach((name, view) -> view.bind(instance.export(name)));
    }
}
