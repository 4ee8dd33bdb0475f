package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.OpCode;
import com.dylibso.chicory.wasm.types.TypeSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workaround for Chicory 1.7.5's {@code call_indirect} across instances (components.md, pitfall 2): Chicory
 * reads the caller's type index in the <em>callee's</em> type section, so an indirect call into a function of another
 * module traps "indirect call type mismatch" (or passes a check it should not) unless the two modules give that index
 * the same type. Many-module layouts that share one table (componentize-py's, componentize-qjs's QuickJS) number
 * their types independently.
 *
 * <p>The fix gives every module of one component the same types at the same high indices: each type section keeps its
 * own types, is padded to the longest section's length, and then lists every type that any of the modules'
 * {@code call_indirect}s names, in one order; every {@code call_indirect} and {@code return_call_indirect} is
 * rewritten to name its type there. A type index below the padding still means what it meant in its module, so
 * nothing else changes; an indirect call now names an index that holds its type in whichever module the callee
 * belongs to, and Chicory compares the types found there structurally.
 */
final class IndirectCallTypes {
    private IndirectCallTypes() {}

    /**
     * The modules of one component, rewritten so that indirect calls between them check as the core specification
     * says; the modules as they are when at most one of them makes indirect calls, or when a type section holds
     * anything but plain function types (the GC proposal's recursive groups), which the rewrite does not handle.
     */
    static List<ChicoryModule> share(List<ChicoryModule> modules) {
        int callers = 0;
        int longest = 0;
        Map<FunctionType, Integer> shared = new LinkedHashMap<>();
        for (ChicoryModule module : modules) {
            TypeSection types = module.wasmModule().typeSection();
            if (types.subTypeCount() != types.typeCount()) {
                return modules; // recursive type groups: left alone, the refusal at table import stands
            }
            longest = Math.max(longest, types.typeCount());
            boolean calls = false;
            for (Instruction instruction : indirectCalls(module.wasmModule())) {
                shared.putIfAbsent(types.getType((int) instruction.operand(0)), shared.size());
                calls = true;
            }
            callers += calls ? 1 : 0;
        }
        if (callers == 0 || modules.size() < 2) {
            return modules;
        }
        List<ChicoryModule> rewritten = new ArrayList<>(modules.size());
        for (ChicoryModule module : modules) {
            rewritten.add(module.withTypes(rewrite(module.wasmModule(), longest, shared)));
        }
        return rewritten;
    }

    private static List<Instruction> indirectCalls(WasmModule module) {
        List<Instruction> calls = new ArrayList<>();
        for (FunctionBody body : module.codeSection().functionBodies()) {
            for (Instruction instruction : body.instructions()) {
                if (instruction.opcode() == OpCode.CALL_INDIRECT || instruction.opcode() == OpCode.RETURN_CALL_INDIRECT) {
                    calls.add(instruction);
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
    private static WasmModule rewrite(WasmModule module, int base, Map<FunctionType, Integer> shared) {
        TypeSection own = module.typeSection();
        TypeSection.Builder types = TypeSection.builder();
        for (int i = 0; i < own.typeCount(); i++) {
            types.addFunctionType(own.getType(i));
        }
        for (int i = own.typeCount(); i < base; i++) {
            types.addFunctionType(FunctionType.empty()); // padding: never named
        }
        shared.keySet().forEach(types::addFunctionType);
        for (Instruction call : indirectCalls(module)) {
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
