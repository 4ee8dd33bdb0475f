package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.ValType;
import dev.witbind.runtime.engine.CoreImport;
import dev.witbind.runtime.engine.CoreInstanceBuilder;
import dev.witbind.runtime.engine.CoreModule;
import dev.witbind.runtime.engine.ExecutionMode;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.wit.Excerpt;
import dev.witbind.wit.abi.CoreFunctionType;
import dev.witbind.wit.abi.CoreType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A parsed Chicory module and what witbind reads off it: imports and exported function types. All of witbind's
 * Chicory-specific code lives in this package.
 */
final class ChicoryModule implements CoreModule {
    /** The most characters of Chicory's reason that a module error quotes. */
    private static final int REASON_LIMIT = 400;

    private final String name;
    private final WasmModule module;
    private final List<CoreImport> imports;
    private final Map<String, String> exportSignatures;
    private final Map<String, CoreFunctionType> exportTypes;
    private Function<Instance, Machine> compiled;
    /** {@link #mayCallOut} per function export, worked out on first use. */
    private final Map<String, Boolean> callsOut = new ConcurrentHashMap<>();
    /** Whether {@link IndirectCallTypes} rewrote it with the types it shares with the other modules of its component. */
    private final boolean sharesIndirectCallTypes;

    private ChicoryModule(String name, WasmModule module) {
        this(name, module, false);
    }

    private ChicoryModule(String name, WasmModule module, boolean sharesIndirectCallTypes) {
        this.name = name;
        this.module = module;
        this.sharesIndirectCallTypes = sharesIndirectCallTypes;
        this.imports = readImports(module);
        this.exportSignatures = new HashMap<>();
        this.exportTypes = new HashMap<>();
        readExports(module);
    }

    /**
     * Parses and validates a core module.
     *
     * @throws WitModuleException with Chicory's reason when the bytes are not a valid module, or when its memory is
     *     shared
     */
    static ChicoryModule parse(String name, byte[] bytes) {
        DeclaredCounts.check(name, bytes); // before Chicory allocates for a count the bytes cannot back
        WasmModule module;
        try {
            module = Parser.parse(bytes);
        } catch (RuntimeException e) {
            // Chicory's parser reports most bad input as ChicoryException, but not all of it (a truncated section can
            // surface as another RuntimeException): every one is the input's fault here.
            // Its validator joins every finding into one message (thousands of characters for a mutated code
            // section, found by .ci/fuzz): the message keeps the first ones, the cause has them all.
            throw new WitModuleException(name, "not a valid WebAssembly core module: "
                    + Excerpt.of(e instanceof ChicoryException ? e.getMessage() : e.toString(), REASON_LIMIT), e);
        } catch (AssertionError e) {
            // With -ea (every test run, and some servers), Chicory 1.7.5 checks its own invariants with assert, and
            // malformed code sections break them (found by CoreModuleFuzzTest): still the input's fault.
            throw new WitModuleException(name, "not a valid WebAssembly core module: Chicory's parser failed an "
                    + "internal check on it (" + e + " at " + e.getStackTrace()[0] + ")", null);
        } catch (OutOfMemoryError e) {
            // A declared count the parser believed and allocated for, which DeclaredCounts did not catch: the input's
            // fault, and the heap is free again. The error stays the cause, so that the fuzz targets see the luck.
            throw new WitModuleException(name, "not a valid WebAssembly core module: it declares more than the heap "
                    + "can hold (" + e.getMessage() + ")", e);
        }
        if (module.memorySection().map(section -> section.memoryCount() > 0 && section.getMemory(0).limits().shared())
                .orElse(false)) {
            throw new WitModuleException(name, "a module with a shared memory, which witbind does not support (the "
                    + "Component Model has no threads): build the guest without the threads feature", null);
        }
        try {
            return new ChicoryModule(name, module);
        } catch (IllegalArgumentException | ChicoryException e) {
            // Chicory's parser leaves some indices unchecked (an import's type index: its TypeSection throws
            // InvalidException when witbind reads the type, found by CoreModuleFuzzTest); still the input's fault
            throw new WitModuleException(name, "not a valid WebAssembly core module: "
                    + Excerpt.of(e.getMessage(), REASON_LIMIT), e);
        }
    }

    /** This module with {@code rewritten} in place of its parse, its indirect calls naming shared types. */
    ChicoryModule withTypes(WasmModule rewritten) {
        return new ChicoryModule(name, rewritten, true);
    }

    boolean sharesIndirectCallTypes() {
        return sharesIndirectCallTypes;
    }

    /** How errors refer to the module. */
    String name() {
        return name;
    }

    WasmModule wasmModule() {
        return module;
    }

    /**
     * The module compiled to JVM bytecode, done once on first use and shared by every instance: compiling is what
     * makes the compiler's instantiation slow, so it must not happen per instance.
     */
    synchronized Function<Instance, Machine> compiled() {
        if (compiled == null) {
            compiled = MachineFactoryCompiler.compile(module);
        }
        return compiled;
    }

    @Override
    public List<CoreImport> imports() {
        return imports;
    }

    @Override
    public Optional<CoreFunctionType> exportedFunction(String name) {
        return Optional.ofNullable(exportTypes.get(name));
    }

    @Override
    public Optional<String> exportSignature(String name) {
        return Optional.ofNullable(exportSignatures.get(name));
    }

    @Override
    public boolean definesMemory() {
        return module.memorySection().map(section -> section.memoryCount() > 0).orElse(false);
    }

    @Override
    public Set<String> functionExports() {
        return Set.copyOf(exportSignatures.keySet());
    }

    @Override
    public boolean mayCallOut(String functionExport) {
        if (!exportsFunction(functionExport)) {
            return true;
        }
        return callsOut.computeIfAbsent(functionExport, name -> {
            for (int i = 0; i < module.exportSection().exportCount(); i++) {
                Export export = module.exportSection().getExport(i);
                if (export.exportType() == ExternalType.FUNCTION && export.name().equals(name)) {
                    return OutwardCalls.mayCallOut(module, export.index());
                }
            }
            return true;
        });
    }

    boolean exportsFunction(String name) {
        return exportSignatures.containsKey(name);
    }

    @Override
    public CoreInstanceBuilder newInstance(ExecutionMode mode) {
        return new ChicoryInstanceBuilder(this, mode);
    }

    /** The type the module declares for the function import {@code module#field}; empty when it has no such import. */
    Optional<FunctionType> importedFunctionType(String moduleName, String field) {
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imported = module.importSection().getImport(i);
            if (imported instanceof FunctionImport function && imported.module().equals(moduleName)
                    && imported.name().equals(field)) {
                return Optional.of(module.typeSection().getType(function.typeIndex()));
            }
        }
        return Optional.empty();
    }

    private static List<CoreImport> readImports(WasmModule module) {
        List<CoreImport> imports = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imported = module.importSection().getImport(i);
            if (imported instanceof FunctionImport function) {
                FunctionType type = module.typeSection().getType(function.typeIndex());
                imports.add(toCoreImport(imported, type));
            } else {
                String kind = imported.importType().name().toLowerCase(Locale.ROOT);
                imports.add(new CoreImport(imported.module(), imported.name(), kind, Optional.empty(), kind));
            }
        }
        return List.copyOf(imports);
    }

    private static CoreImport toCoreImport(Import imported, FunctionType type) {
        return coreType(type)
                .map(core -> CoreImport.function(imported.module(), imported.name(), core))
                .orElseGet(() -> new CoreImport(imported.module(), imported.name(), "func", Optional.empty(),
                        describe(type)));
    }

    private void readExports(WasmModule module) {
        int importedFunctions = module.importSection().count(ExternalType.FUNCTION);
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            if (export.exportType() != ExternalType.FUNCTION) {
                continue;
            }
            FunctionType type = functionType(module, export.index(), importedFunctions);
            exportSignatures.put(export.name(), describe(type));
            coreType(type).ifPresent(core -> exportTypes.put(export.name(), core));
        }
    }

    private static FunctionType functionType(WasmModule module, int functionIndex, int importedFunctions) {
        int defined = module.functionSection().functionCount();
        if (functionIndex < 0 || functionIndex >= importedFunctions + defined) {
            // Chicory's parser does not check export indices; its instantiation would fail later, less clearly.
            throw new IllegalArgumentException("an export refers to function " + Integer.toUnsignedString(functionIndex)
                    + ", but the module has " + (importedFunctions + defined) + " functions");
        }
        if (functionIndex < importedFunctions) {
            int seen = 0;
            for (int i = 0; i < module.importSection().importCount(); i++) {
                if (module.importSection().getImport(i) instanceof FunctionImport function) {
                    if (seen++ == functionIndex) {
                        return module.typeSection().getType(function.typeIndex());
                    }
                }
            }
        }
        int typeIndex = module.functionSection().getFunctionType(functionIndex - importedFunctions);
        return module.typeSection().getType(typeIndex);
    }

    private static Optional<CoreFunctionType> coreType(FunctionType type) {
        List<CoreType> params = coreTypes(type.params());
        List<CoreType> results = coreTypes(type.returns());
        return params == null || results == null
                ? Optional.empty()
                : Optional.of(new CoreFunctionType(params, results));
    }

    private static List<CoreType> coreTypes(List<ValType> types) {
        List<CoreType> core = new ArrayList<>(types.size());
        for (ValType type : types) {
            CoreType mapped = coreType(type);
            if (mapped == null) {
                return null;
            }
            core.add(mapped);
        }
        return core;
    }

    private static CoreType coreType(ValType type) {
        if (type.equals(ValType.I32)) {
            return CoreType.I32;
        } else if (type.equals(ValType.I64)) {
            return CoreType.I64;
        } else if (type.equals(ValType.F32)) {
            return CoreType.F32;
        } else if (type.equals(ValType.F64)) {
            return CoreType.F64;
        }
        return null;
    }

    static ValType valType(CoreType type) {
        return switch (type) {
            case I32 -> ValType.I32;
            case I64 -> ValType.I64;
            case F32 -> ValType.F32;
            case F64 -> ValType.F64;
        };
    }

    static String describe(FunctionType type) {
        return describe(type.params()) + " -> " + describe(type.returns());
    }

    private static String describe(List<ValType> types) {
        return types.stream().map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ", "(", ")"));
    }
}
