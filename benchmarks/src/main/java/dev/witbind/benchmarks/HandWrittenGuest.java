package dev.witbind.benchmarks;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.witbind.runtime.Engine;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bench guest on plain Chicory, with the host functions a careful user would write by hand for the same
 * imports: the baseline the generated bindings are measured against. The string function is the straightforward
 * one (read the bytes, {@code new String}, {@code getBytes}, {@code cabi_realloc}, write); it replaces invalid
 * UTF-8 instead of trapping, so it does less checking than witbind.
 */
final class HandWrittenGuest {
    private static final String MODULE = "bench:host/calls@1.0.0";
    private static final FunctionType U32_U32 = FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));
    private static final FunctionType PTR_LEN_RET = FunctionType.of(
            List.of(ValType.I32, ValType.I32, ValType.I32), List.of());
    private static final long[] NO_RESULTS = new long[0];

    final ExportFunction callU32;
    final ExportFunction callString;
    final ExportFunction callBytes;
    /** Set once the instance exists; the host functions call it to allocate their results. */
    private ExportFunction realloc;

    HandWrittenGuest(Engine engine, BenchHost host, int textKind) {
        WasmModule module = Parser.parse(Guests.bytes("bench.wasm"));
        HostFunction echoU32 = new HostFunction(MODULE, "echo-u32", U32_U32,
                (instance, args) -> new long[] {host.echoU32((int) args[0]) & 0xFFFFFFFFL});
        HostFunction echoString = new HostFunction(MODULE, "echo-string", PTR_LEN_RET, (instance, args) -> {
            Memory memory = instance.memory();
            String s = new String(memory.readBytes((int) args[0], (int) args[1]), StandardCharsets.UTF_8);
            byte[] result = host.echoString(s).getBytes(StandardCharsets.UTF_8);
            storeResult(memory, (int) args[2], result);
            return NO_RESULTS;
        });
        HostFunction echoBytes = new HostFunction(MODULE, "echo-bytes", PTR_LEN_RET, (instance, args) -> {
            Memory memory = instance.memory();
            byte[] result = host.echoBytes(memory.readBytes((int) args[0], (int) args[1]));
            storeResult(memory, (int) args[2], result);
            return NO_RESULTS;
        });
        Instance.Builder builder = Instance.builder(module)
                .withImportValues(ImportValues.builder().withFunctions(List.of(echoU32, echoString, echoBytes)).build());
        if (engine == Engine.COMPILER) {
            builder.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        Instance instance = builder.build();
        realloc = instance.export("cabi_realloc");
        instance.export("fill").apply(textKind);
        callU32 = instance.export("call-u32");
        callString = instance.export("call-string");
        callBytes = instance.export("call-bytes");
    }

    private void storeResult(Memory memory, int retptr, byte[] result) {
        int ptr = (int) realloc.apply(0, 0, 1, result.length)[0];
        memory.write(ptr, result);
        memory.writeI32(retptr, ptr);
        memory.writeI32(retptr + 4, result.length);
    }
}
