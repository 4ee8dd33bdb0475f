package dev.witbind.runtime.engine.chicory;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.OpCode;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;

/**
 * Whether running a function of a module may run code outside its instance: proven only when the function and
 * every function it calls directly (transitively) are defined in the module and none of them calls through a table
 * or a function reference. An imported function, or anything a table or reference may hold, could be the host's or
 * another instance's, so any of those counts as "may". The walk reads each reachable body once, so it is linear in
 * the module's code whatever its call graph.
 */
final class OutwardCalls {
    private OutwardCalls() {}

    /** Whether function {@code index} of {@code module} (imports first, as Wasm numbers functions) may call out. */
    static boolean mayCallOut(WasmModule module, int index) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        int defined = module.functionSection().functionCount();
        BitSet seen = new BitSet(imported + defined);
        Deque<Integer> pending = new ArrayDeque<>();
        pending.push(index);
        seen.set(index);
        while (!pending.isEmpty()) {
            int function = pending.pop();
            if (function < imported || function >= imported + defined) {
                return true;
            }
            for (AnnotatedInstruction instruction
                    : module.codeSection().getFunctionBody(function - imported).instructions()) {
                OpCode opcode = instruction.opcode();
                if (opcode == OpCode.CALL || opcode == OpCode.RETURN_CALL) {
                    int callee = (int) instruction.operand(0);
                    if (callee < 0) {
                        return true; // beyond any index Chicory's validator lets through; not provably inside
                    }
                    if (!seen.get(callee)) {
                        seen.set(callee);
                        pending.push(callee);
                    }
                } else if (opcode == OpCode.CALL_INDIRECT || opcode == OpCode.RETURN_CALL_INDIRECT
                        || opcode == OpCode.CALL_REF || opcode == OpCode.RETURN_CALL_REF) {
                    return true;
                }
            }
        }
        return false;
    }
}
