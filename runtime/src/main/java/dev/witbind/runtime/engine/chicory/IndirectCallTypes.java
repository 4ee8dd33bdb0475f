package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.TypeSection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workaround for Chicory 1.7.5's {@code call_indirect} across instances (components.md, pitfall 2): Chicory
 * reads the caller's type index in the <em>callee's</em> type section, so an indirect call into a function of another
 * module traps "indirect call type mismatch" (or passes a check it should not) unless the two modules give that index
 * the same type. Many-module layouts that share one table (componentize-py's, componentize-qjs's QuickJS) number
 * their types independently.
 *
 * <p>The fix gives every module of one component the same types at the same high indices: each type section keeps its
 * own types, is padded to the longest section's length, and then lists every type that the modules' indirect calls
 * through a shared table name, in one order; each such {@code call_indirect} and {@code return_call_indirect} (through
 * a table the module imports or exports) is rewritten to name its type there. A type index below the padding still
 * means what it meant in its module, so nothing else changes; an indirect call through a shared table now names an
 * index that holds its type in whichever module the callee belongs to, and Chicory compares the types found there
 * structurally.
 *
 * <p>Only when it is needed: a rewritten call no longer names its callee's own index, so Chicory takes its slower,
 * structural check on every such call. Components whose modules that trade tables number their types alike
 * (wit-component's shim and fixup: every {@code jco new} component) are left exactly as they are.
 */
final class IndirectCallTypes {
    private IndirectCallTypes() {}

    /**
     * The modules of one component, rewritten so that indirect calls between them check as the core specification
     * says; the modules as they are when no table importer and exporter number a type apart, when none calls through
     * an imported or exported table, or when a type section holds anything but plain function types (the GC
     * proposal's recursive groups), which the rewrite does not handle.
     */
    static List<ChicoryModule> share(List<ChicoryModule> modules) {
        if (!numberTypesApart(modules)) {
            return modules;
        }
        int longest = 0;
        Map<FunctionType, Integer> shared = new LinkedHashMap<>();
        List<List<Instruction>> calls = new ArrayList<>(modules.size());
        for (ChicoryModule module : modules) {
            TypeSection types = module.wasmModule().typeSection();
            if (types.subTypeCount() != types.typeCount()) {
                return modules; // recursive type groups: left alone, the refusal at table import stands
            }
            longest = Math.max(longest, types.typeCount());
            List<Instruction> moduleCalls = indirectCalls(module.wasmModule());
            for (Instruction instruction : moduleCalls) {
                shared.putIfAbsent(types.getType((int) instruction.operand(0)), shared.size());
            }
            calls.add(moduleCalls);
        }
        if (shared.isEmpty()) {
            return modules;
        }
        List<ChicoryModule> rewritten = new ArrayList<>(modules.size());
        for (int i = 0; i < modules.size(); i++) {
            ChicoryModule module = modules.get(i);
            rewritten.add(module.withTypes(rewrite(module.wasmModule(), calls.get(i), longest, shared)));
        }
        return rewritten;
    }

    /**
     * Whether a module that imports a table and one that exports a table give some type index different types: the
     * only way an indirect call between the component's modules can fail Chicory's check (the refusal of
     * {@code ChicoryInstanceBuilder.checkTypeNumbering} asks the same of the two modules it wires).
     */
    private static boolean numberTypesApart(List<ChicoryModule> modules) {
        List<TypeSection> importers = new ArrayList<>();
        List<TypeSection> exporters = new ArrayList<>();
        for (ChicoryModule module : modules) {
            WasmModule wasm = module.wasmModule();
            if (wasm.importSection().count(ExternalType.TABLE) > 0) {
                importers.add(wasm.typeSection());
            }
            if (!exportedTables(wasm).isEmpty()) {
                exporters.add(wasm.typeSection());
            }
        }
        for (TypeSection importer : importers) {
            for (TypeSection exporter : exporters) {
                int common = Math.min(importer.typeCount(), exporter.typeCount());
                for (int i = 0; i < common; i++) {
                    if (!importer.getType(i).equals(exporter.getType(i))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Set<Integer> exportedTables(WasmModule module) {
        Set<Integer> tables = new HashSet<>();
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            if (export.exportType() == ExternalType.TABLE) {
                tables.add(export.index());
            }
        }
        return tables;
    }

    /**
     * The module's indirect calls through a table another module may hold functions of: one it imports or exports.
     * Calls through a table of its own alone keep their index, and Chicory's fast check.
     */
    private static List<Instruction> indirectCalls(WasmModule module) {
        int importedTables = module.importSection().count(ExternalType.TABLE);
        Set<Integer> exported = exportedTables(module);
        List<Instruction> calls = new ArrayList<>();
        for (FunctionBody body : module.codeSection().functionBodies()) {
            for (Instruction instruction : body.instructions()) {
                if (instruction.opcode() == OpCode.CALL_INDIRECT || instruction.opcode() == OpCode.RETURN_CALL_INDIRECT) {
                    int table = (int) instruction.operand(1);
                    if (table < importedTables || exported.contains(table)) {
                        calls.add(instruction);
                    }
                }
            }
        }
        return calls;
    }

    /**
     * The module with the shared types after its own (padded to {@code base}) and its indirect calls naming them.
     * Chicory's parsed instructions are rewritten in place: the module is this component's own parse, used by nothing
     * else yet.
     */
    private static WasmModule rewrite(WasmModule module, List<Instruction> calls, int base,
            Map<FunctionType, Integer> shared) {
        TypeSection own = module.typeSection();
        TypeSection.Builder types = TypeSection.builder();
        for (int i = 0; i < own.typeCount(); i++) {
            types.addFunctionType(own.getType(i));
        }
        for (int i = own.typeCount(); i < base; i++) {
            types.addFunctionType(FunctionType.empty()); // padding: never named
        }
        shared.keySet().forEach(types::addFunctionType);
        for (Instruction call : calls) {
            call.setOperand(0, base + shared.get(own.getType((int) call.operand(0))));
        }
        return copyWithTypes(module, types.build());
    }

    private static WasmModule copyWithTypes(WasmModule module, TypeSection types) {
        WasmModule.Builder copy = WasmModule.builder()
                .setTypeSection(types)
                .setImportSection(module.importSection())
                .setFunctionSection(module.functionSection())
                .setTableSection(module.tableSection())
                .setGlobalSection(module.globalSection())
                .setExportSection(module.exportSection())
                .setElementSection(module.elementSection())
                .setCodeSection(module.codeSection())
                .setDataSection(module.dataSection())
                .withValidation(false); // validated when it was parsed; the new indices are in range
        module.memorySection().ifPresent(copy::setMemorySection);
        module.startSection().ifPresent(copy::setStartSection);
        module.dataCountSection().ifPresent(copy::setDataCountSection);
        module.tagSection().ifPresent(copy::setTagSection);
        module.customSections().forEach(section -> copy.addCustomSection(section.name(), section));
        module.ignoredSections().forEach(copy::addIgnoredSection);
        return copy.build();
    }
}
