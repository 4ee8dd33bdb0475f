package dev.witbind.runtime.engine.chicory;

import static dev.witbind.runtime.engine.chicory.WasmBytes.FUNCREF;
import static dev.witbind.runtime.engine.chicory.WasmBytes.I32;
import static dev.witbind.runtime.engine.chicory.WasmBytes.PREAMBLE;
import static dev.witbind.runtime.engine.chicory.WasmBytes.body;
import static dev.witbind.runtime.engine.chicory.WasmBytes.bytes;
import static dev.witbind.runtime.engine.chicory.WasmBytes.concat;
import static dev.witbind.runtime.engine.chicory.WasmBytes.export;
import static dev.witbind.runtime.engine.chicory.WasmBytes.importEntry;
import static dev.witbind.runtime.engine.chicory.WasmBytes.section;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.abi.CanonicalOptions;
import dev.witbind.runtime.abi.InstanceState;
import dev.witbind.runtime.abi.LiftLowerContext;
import dev.witbind.runtime.bindings.ImportHandle;
import dev.witbind.runtime.engine.CoreFunction;
import dev.witbind.runtime.engine.CoreInstance;
import dev.witbind.runtime.engine.CoreInstanceBuilder;
import dev.witbind.runtime.engine.CoreModule;
import dev.witbind.runtime.engine.ExecutionMode;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.abi.CoreFunctionType;
import dev.witbind.wit.abi.CoreType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine adapter as the component instantiator will use it: several core instances wired together, a memory,
 * a table, a global and a function of one imported by another by identity, a host function among them, and views of
 * an instance's exports taken before it exists.
 */
class ChicoryEngineTest {
    /**
     * Exports {@code double(x) = 2x}, {@code load0() = i32.load(0)}, a one-page memory {@code mem}, a one-slot table
     * {@code tab} whose slot 0 is {@code double} (an active element segment), and a mutable global {@code g = 7}.
     */
    private static final byte[] PROVIDER = concat(PREAMBLE,
            section(1, bytes(2), bytes(0x60, 1, I32, 1, I32), bytes(0x60, 0, 1, I32)),
            section(3, bytes(2, 0, 1)),
            section(4, bytes(1, FUNCREF, 0, 1)),
            section(5, bytes(1, 0, 1)),
            section(6, bytes(1, I32, 1, 0x41, 7, 0x0b)),
            section(7, bytes(5), export("double", 0, 0), export("load0", 0, 1), export("tab", 1, 0),
                    export("mem", 2, 0), export("g", 3, 0)),
            section(9, bytes(1, 0, 0x41, 0, 0x0b, 1, 0)),
            section(10, bytes(2),
                    body(0x20, 0, 0x41, 2, 0x6c),
                    body(0x41, 0, 0x28, 2, 0)));

    /**
     * Imports the provider's memory, table, global and {@code double}, and a host function {@code host#add1}; exports
     * {@code run(x)}, which stores x at address 0, then returns {@code double(x) + tab[0](x) + add1(x) + g} and
     * increments {@code g}.
     */
    private static final byte[] CONSUMER = concat(PREAMBLE,
            section(1, bytes(1), bytes(0x60, 1, I32, 1, I32)),
            section(2, bytes(5),
                    importEntry("a", "mem", bytes(2, 0, 1)),
                    importEntry("a", "tab", bytes(1, FUNCREF, 0, 1)),
                    importEntry("a", "g", bytes(3, I32, 1)),
                    importEntry("a", "double", bytes(0, 0)),
                    importEntry("host", "add1", bytes(0, 0))),
            section(3, bytes(1, 0)),
            section(7, bytes(1), export("run", 0, 2)),
            section(10, bytes(1), body(
                    0x41, 0, 0x20, 0, 0x36, 2, 0, // i32.store(0, x)
                    0x20, 0, 0x10, 0, // call a.double
                    0x20, 0, 0x41, 0, 0x11, 0, 0, // call_indirect type 0 through table slot 0
                    0x6a,
                    0x20, 0, 0x10, 1, // call host.add1
                    0x6a,
                    0x23, 0, // global.get g
                    0x6a,
                    0x23, 0, 0x41, 1, 0x6a, 0x24, 0))); // g = g + 1

    private static ImportHandle addOne() {
        LiftLowerContext scalars = new LiftLowerContext(CanonicalOptions.NONE, new InstanceState("consumer"));
        return new ImportHandle(scalars, "host#add1") {
            @Override
            protected long[] call(long[] args) {
                return new long[] {args[0] + 1};
            }
        };
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void instancesShareMemoryTableGlobalAndFunctionsByIdentity(ExecutionMode mode) {
        CoreModule provider = ChicoryEngine.INSTANCE.parse("provider.wasm", PROVIDER);
        CoreModule consumer = ChicoryEngine.INSTANCE.parse("consumer.wasm", CONSUMER);
        CoreInstance a = provider.newInstance(mode).instantiate();
        CoreInstance b = consumer.newInstance(mode)
                .importExtern("a", "mem", a.export("mem"))
                .importExtern("a", "tab", a.export("tab"))
                .importExtern("a", "g", a.export("g"))
                .importExtern("a", "double", a.export("double"))
                .importFunction("host", "add1", addOne())
                .instantiate();

        assertArrayEquals(new long[] {10 + 10 + 6 + 7}, b.function("run").apply(5));
        // what the consumer wrote and changed is the provider's own memory and global
        assertArrayEquals(new long[] {5}, a.function("load0").apply());
        assertEquals(5, a.memory("mem").loadI32(0));
        assertArrayEquals(new long[] {20 + 20 + 11 + 8}, b.function("run").apply(10));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void viewsTakenBeforeTheInstanceExistsAreBoundWhenItIsMade(ExecutionMode mode) {
        CoreInstanceBuilder builder = ChicoryEngine.INSTANCE.parse("provider.wasm", PROVIDER).newInstance(mode);
        CoreFunction load0 = builder.exportedFunction("load0");
        var memory = builder.ownMemory();

        IllegalStateException early = assertThrows(IllegalStateException.class, load0::apply);
        assertEquals("'load0' is called before its instance exists", early.getMessage());

        builder.instantiate();
        memory.storeI32(0, 0x12345678);
        assertArrayEquals(new long[] {0x12345678}, load0.apply());
        assertEquals(65536, memory.byteSize());
    }

    @Test
    void theModuleSaysWhatItImportsAndExports() {
        CoreModule consumer = ChicoryEngine.INSTANCE.parse("consumer.wasm", CONSUMER);
        CoreFunctionType i32ToI32 = new CoreFunctionType(List.of(CoreType.I32), List.of(CoreType.I32));

        assertEquals(List.of("a#mem memory", "a#tab table", "a#g global", "a#double (i32) -> (i32)",
                        "host#add1 (i32) -> (i32)"),
                consumer.imports().stream().map(i -> i.qualifiedName() + " " + i.signature()).toList());
        assertEquals(Optional.of(i32ToI32), consumer.exportedFunction("run"));
        assertEquals(Optional.of("(i32) -> (i32)"), consumer.exportSignature("run"));
        assertEquals(Optional.empty(), consumer.exportedFunction("nothing"));
        assertTrue(!consumer.definesMemory());
    }

    @Test
    void aMissingImportFailsTheInstantiationWithChicorysReason() {
        CoreModule consumer = ChicoryEngine.INSTANCE.parse("consumer.wasm", CONSUMER);

        WitModuleException thrown = assertThrows(WitModuleException.class,
                () -> consumer.newInstance(ExecutionMode.INTERPRETER).instantiate());

        assertTrue(thrown.getMessage().startsWith("guest 'consumer.wasm' is not instantiable: "), thrown.getMessage());
    }

    @Test
    void exportsAreCheckedByKind() {
        CoreInstance a = ChicoryEngine.INSTANCE.parse("provider.wasm", PROVIDER)
                .newInstance(ExecutionMode.INTERPRETER).instantiate();

        assertEquals("export 'mem' is a MEMORY, not a FUNCTION",
                assertThrows(IllegalArgumentException.class, () -> a.function("mem")).getMessage());
        assertEquals("the instance has no export 'nope'",
                assertThrows(IllegalArgumentException.class, () -> a.export("nope")).getMessage());
        assertEquals("memory", a.export("mem").kind());
        assertEquals("table", a.export("tab").kind());
        assertEquals("global", a.export("g").kind());
        assertEquals("func", a.export("double").kind());
    }

    @Test
    void anEngineTrapLeavesAsOurs() {
        byte[] unreachable = concat(PREAMBLE,
                section(1, bytes(1), bytes(0x60, 0, 0)),
                section(3, bytes(1, 0)),
                section(7, bytes(1), export("boom", 0, 0)),
                section(10, bytes(1), body(0x00)));
        CoreInstance instance = ChicoryEngine.INSTANCE.parse("boom.wasm", unreachable)
                .newInstance(ExecutionMode.INTERPRETER).instantiate();

        WitTrapException trap = assertThrows(WitTrapException.class, () -> instance.function("boom").apply());

        assertTrue(trap.reason().contains("unreachable"), trap.reason());
    }

    @Test
    void anExportOfAFunctionThatDoesNotExistIsRefusedWhenRead() {
        byte[] wildExport = concat(PREAMBLE,
                section(1, bytes(1), bytes(0x60, 0, 0)),
                section(7, bytes(1), export("ghost", 0, 5)));

        WitModuleException thrown = assertThrows(WitModuleException.class,
                () -> ChicoryEngine.INSTANCE.parse("ghost.wasm", wildExport));

        assertTrue(thrown.getMessage().startsWith("guest 'ghost.wasm' is not a valid WebAssembly core module"),
                thrown.getMessage());
    }

    /** A module with one page of memory {@code mem} and {@code init()}, which copies its passive segment to 0. */
    private static final byte[] SEGMENT_OWNER = concat(PREAMBLE,
            section(1, bytes(1), bytes(0x60, 0, 0)),
            section(3, bytes(1, 0)),
            section(5, bytes(1, 0, 1)),
            section(7, bytes(2), export("mem", 2, 0), export("init", 0, 0)),
            section(12, bytes(1)),
            section(10, bytes(1), body(0x41, 0, 0x41, 0, 0x41, 4, 0xfc, 8, 0, 0)),
            section(11, bytes(1, 1, 4), "AAAA".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    /** Imports {@code a#mem}; its {@code init()} copies its own passive segment to 8. */
    private static final byte[] SEGMENT_IMPORTER = concat(PREAMBLE,
            section(1, bytes(1), bytes(0x60, 0, 0)),
            section(2, bytes(1), importEntry("a", "mem", bytes(2, 0, 1))),
            section(3, bytes(1, 0)),
            section(7, bytes(1), export("init", 0, 0)),
            section(12, bytes(1)),
            section(10, bytes(1), body(0x41, 8, 0x41, 0, 0x41, 4, 0xfc, 8, 0, 0)),
            section(11, bytes(1, 1, 4), "BBBB".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void eachInstanceKeepsItsOwnPassiveSegmentsWhenAnotherImportsItsMemory(ExecutionMode mode) {
        CoreInstance owner = ChicoryEngine.INSTANCE.parse("owner.wasm", SEGMENT_OWNER).newInstance(mode).instantiate();
        CoreInstance importer = ChicoryEngine.INSTANCE.parse("importer.wasm", SEGMENT_IMPORTER).newInstance(mode)
                .importExtern("a", "mem", owner.export("mem"))
                .instantiate();

        // Chicory's own memories would serve the owner's memory.init from the importer's segments now
        owner.function("init").apply();
        importer.function("init").apply();

        var memory = owner.memory("mem");
        assertEquals(0x41414141, memory.loadI32(0));
        assertEquals(0x42424242, memory.loadI32(8));
    }

    /** Exports a one-slot table {@code tab} holding {@code answer() -> 42}, whose type is its type 1. */
    private static final byte[] TABLE_OWNER = concat(PREAMBLE,
            section(1, bytes(2), bytes(0x60, 0, 0), bytes(0x60, 0, 1, I32)),
            section(3, bytes(1, 1)),
            section(4, bytes(1, FUNCREF, 0, 1)),
            section(7, bytes(1), export("tab", 1, 0)),
            section(9, bytes(1, 0, 0x41, 0, 0x0b, 1, 0)),
            section(10, bytes(1), body(0x41, 42)));

    /** Imports the table and calls slot 0 as its type 0, the same function type at another index. */
    private static final byte[] TABLE_CALLER = concat(PREAMBLE,
            section(1, bytes(1), bytes(0x60, 0, 1, I32)),
            section(2, bytes(1), importEntry("a", "tab", bytes(1, FUNCREF, 0, 1))),
            section(3, bytes(1, 0)),
            section(7, bytes(1), export("call", 0, 0)),
            section(10, bytes(1), body(0x41, 0, 0x11, 0, 0)));

    /** The same, with the caller numbering its types as the owner does. */
    private static final byte[] TABLE_CALLER_SAME_NUMBERING = concat(PREAMBLE,
            section(1, bytes(2), bytes(0x60, 0, 0), bytes(0x60, 0, 1, I32)),
            section(2, bytes(1), importEntry("a", "tab", bytes(1, FUNCREF, 0, 1))),
            section(3, bytes(1, 1)),
            section(7, bytes(1), export("call", 0, 0)),
            section(10, bytes(1), body(0x41, 0, 0x11, 1, 0)));

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void sharingATableBetweenModulesThatNumberTypesDifferentlyIsRefusedWithTheReason(ExecutionMode mode) {
        CoreInstance owner = ChicoryEngine.INSTANCE.parse("owner.wasm", TABLE_OWNER).newInstance(mode).instantiate();
        CoreInstanceBuilder caller = ChicoryEngine.INSTANCE.parse("caller.wasm", TABLE_CALLER).newInstance(mode);

        // Chicory 1.7.5 would trap "indirect call type mismatch" on the call (pitfall 2 of components.md)
        WitModuleException refused = assertThrows(WitModuleException.class,
                () -> caller.importExtern("a", "tab", owner.export("tab")));

        assertEquals("guest 'caller.wasm' is a module that imports the table a#tab from a module that numbers its "
                + "function types differently (type 0 is () -> () there and () -> (i32) here): Chicory 1.7.5 matches "
                + "indirect calls across instances by type index, so witbind cannot run this layout",
                refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anIndirectCallAcrossInstancesThatNumberTypesAlikeWorks(ExecutionMode mode) {
        CoreInstance owner = ChicoryEngine.INSTANCE.parse("owner.wasm", TABLE_OWNER).newInstance(mode).instantiate();
        CoreInstance caller = ChicoryEngine.INSTANCE.parse("caller.wasm", TABLE_CALLER_SAME_NUMBERING)
                .newInstance(mode)
                .importExtern("a", "tab", owner.export("tab"))
                .instantiate();

        assertArrayEquals(new long[] {42}, caller.function("call").apply());
    }

    /** Imports the table and calls slot 0 as () -> (i64), which the function there is not. */
    private static final byte[] TABLE_CALLER_WRONG_TYPE = concat(PREAMBLE,
            section(1, bytes(1), bytes(0x60, 0, 1, 0x7e)),
            section(2, bytes(1), importEntry("a", "tab", bytes(1, FUNCREF, 0, 1))),
            section(3, bytes(1, 0)),
            section(7, bytes(1), export("call", 0, 0)),
            section(10, bytes(1), body(0x41, 0, 0x11, 0, 0)));

    /** The modules of one component, prepared together as GuestComponent prepares them. */
    private static List<CoreModule> together(byte[]... modules) {
        List<CoreModule> parsed = new java.util.ArrayList<>();
        for (int i = 0; i < modules.length; i++) {
            parsed.add(ChicoryEngine.INSTANCE.parse("module-" + i + ".wasm", modules[i]));
        }
        return ChicoryEngine.INSTANCE.prepareTogether(parsed);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void modulesPreparedTogetherCallThroughASharedTableWhateverTheirTypeNumbering(ExecutionMode mode) {
        List<CoreModule> modules = together(TABLE_OWNER, TABLE_CALLER);
        CoreInstance owner = modules.get(0).newInstance(mode).instantiate();
        CoreInstance caller = modules.get(1).newInstance(mode).importExtern("a", "tab", owner.export("tab"))
                .instantiate();

        // the call pitfall 2 makes trap (the caller's type 0 is the owner's type 1)
        assertArrayEquals(new long[] {42}, caller.function("call").apply());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void modulesPreparedTogetherStillTrapOnAnIndirectCallOfTheWrongType(ExecutionMode mode) {
        List<CoreModule> modules = together(TABLE_OWNER, TABLE_CALLER_WRONG_TYPE);
        CoreInstance owner = modules.get(0).newInstance(mode).instantiate();
        CoreInstance caller = modules.get(1).newInstance(mode).importExtern("a", "tab", owner.export("tab"))
                .instantiate();

        RuntimeException trap = assertThrows(RuntimeException.class, () -> caller.function("call").apply());
        assertTrue(String.valueOf(trap.getMessage()).contains("indirect call type mismatch"), trap.toString());
    }

    @Test
    void modulesThatNumberTheirTypesAlikeAreLeftAsTheyAre() {
        // wit-component's shim and fixup do: no call takes Chicory's slower structural check because of the rewrite
        List<CoreModule> parsed = List.of(ChicoryEngine.INSTANCE.parse("owner.wasm", TABLE_OWNER),
                ChicoryEngine.INSTANCE.parse("caller.wasm", TABLE_CALLER_SAME_NUMBERING));

        List<CoreModule> prepared = ChicoryEngine.INSTANCE.prepareTogether(parsed);

        assertSame(parsed.get(0), prepared.get(0));
        assertSame(parsed.get(1), prepared.get(1));
    }

    @Test
    void modulesWithoutIndirectCallsAreLeftAsTheyAre() {
        List<CoreModule> parsed = List.of(ChicoryEngine.INSTANCE.parse("owner.wasm", TABLE_OWNER),
                ChicoryEngine.INSTANCE.parse("importer.wasm", SEGMENT_IMPORTER));

        List<CoreModule> prepared = ChicoryEngine.INSTANCE.prepareTogether(parsed);

        assertSame(parsed.get(0), prepared.get(0));
        assertSame(parsed.get(1), prepared.get(1));
    }
}
