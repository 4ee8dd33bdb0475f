package dev.witbind.benchmarks;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportTable;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.witbind.runtime.Engine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * The core modules of {@code bench.component.wasm} instantiated directly on Chicory, wired by hand as the component's
 * definitions wire them, with hand-written host functions: the baseline of instantiating the component through
 * witbind. wit-component's layout (see {@code jco print bench.component.wasm}): the shim module (a table and two
 * functions that {@code call_indirect} through it) first, then the main module (the C code), importing
 * {@code echo-u32} from the host and {@code echo-string} and {@code echo-bytes} from the shim, then the fixup module,
 * whose element segment writes the two host functions that need main's memory and {@code cabi_realloc} into the
 * shim's table. Parsing (and on the compiler, compiling) is done once, in the constructor, as witbind does it once
 * per {@code GuestComponent}; all three run on the engine asked for, as witbind runs them.
 */
final class HandWrittenComponent {
    private static final String HOST = "bench:host/calls@1.0.0";
    private static final FunctionType U32_U32 = FunctionType.of(List.of(ValType.I32), List.of(ValType.I32));
    private static final FunctionType PTR_LEN_RET = FunctionType.of(
            List.of(ValType.I32, ValType.I32, ValType.I32), List.of());
    private static final long[] NO_RESULTS = new long[0];

    private final BenchHost host;
    private final WasmModule main;
    private final WasmModule shim;
    private final WasmModule fixup;
    private final Function<Instance, Machine> mainMachine;
    private final Function<Instance, Machine> shimMachine;
    private final Function<Instance, Machine> fixupMachine;

    /** The component's three core modules, in binary order: main, shim, fixup. */
    HandWrittenComponent(Engine engine, BenchHost host) {
        this.host = host;
        List<byte[]> modules = Guests.coreModules(Guests.bytes("bench.component.wasm"));
        if (modules.size() != 3) {
            throw new IllegalStateException("bench.component.wasm has " + modules.size() + " core modules, not 3");
        }
        main = Parser.parse(modules.get(0));
        shim = Parser.parse(modules.get(1));
        fixup = Parser.parse(modules.get(2));
        boolean compile = engine == Engine.COMPILER;
        mainMachine = compile ? MachineFactoryCompiler.compile(main) : null;
        shimMachine = compile ? MachineFactoryCompiler.compile(shim) : null;
        fixupMachine = compile ? MachineFactoryCompiler.compile(fixup) : null;
    }

    /** A new instance of the three modules; returns the main one, whose exports are the component's. */
    Instance instantiate() {
        Instance shimInstance = build(Instance.builder(shim), shimMachine);
        HostFunction echoU32 = new HostFunction(HOST, "echo-u32", U32_U32,
                (instance, args) -> new long[] {host.echoU32((int) args[0]) & 0xFFFFFFFFL});
        Instance mainInstance = build(Instance.builder(main).withImportValues(ImportValues.builder()
                .addFunction(echoU32)
                .addFunction(ImportFunction.exportAsImport(HOST, "echo-string", shimInstance, "0"))
                .addFunction(ImportFunction.exportAsImport(HOST, "echo-bytes", shimInstance, "1"))
                .build()), mainMachine);

        // The lowered functions that need main's memory and realloc: called from the shim, so the instance Chicory
        // passes them is not main's.
        Memory memory = mainInstance.memory();
        ExportFunction realloc = mainInstance.export("cabi_realloc");
        HostFunction echoString = new HostFunction("actual", "0", PTR_LEN_RET, (instance, args) -> {
            String s = new String(memory.readBytes((int) args[0], (int) args[1]), StandardCharsets.UTF_8);
            store(memory, realloc, (int) args[2], host.echoString(s).getBytes(StandardCharsets.UTF_8));
            return NO_RESULTS;
        });
        HostFunction echoBytes = new HostFunction("actual", "1", PTR_LEN_RET, (instance, args) -> {
            store(memory, realloc, (int) args[2], host.echoBytes(memory.readBytes((int) args[0], (int) args[1])));
            return NO_RESULTS;
        });
        build(Instance.builder(fixup).withImportValues(ImportValues.builder()
                .addFunction(echoString, echoBytes)
                .addTable(new ImportTable("shim", "$imports", shimInstance.exports().table("$imports")))
                .build()), fixupMachine);
        return mainInstance;
    }

    private static Instance build(Instance.Builder builder, Function<Instance, Machine> machine) {
        builder.withStart(false);
        if (machine != null) {
            builder.withMachineFactory(machine);
        }
        return builder.build();
    }

    private static void store(Memory memory, ExportFunction realloc, int retptr, byte[] result) {
        int ptr = (int) realloc.apply(0, 0, 1, result.length)[0];
        memory.write(ptr, result);
        memory.writeI32(retptr, ptr);
        memory.writeI32(retptr + 4, result.length);
    }
}
