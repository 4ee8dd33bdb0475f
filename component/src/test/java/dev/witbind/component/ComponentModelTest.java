package dev.witbind.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.component.binary.CanonOptions;
import dev.witbind.component.binary.Canon;
import dev.witbind.component.binary.CoreFuncType;
import dev.witbind.component.binary.CoreValType;
import dev.witbind.component.binary.Definition;
import dev.witbind.component.binary.Sort;
import dev.witbind.component.binary.SortIndex;
import dev.witbind.component.model.CanonFunction;
import dev.witbind.component.model.ComponentItem;
import dev.witbind.component.model.InstanceInterface;
import dev.witbind.component.model.ItemType;
import dev.witbind.component.model.ResourceIdentity;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The type-level model of the real fixtures: what a linker and an instantiator read from a component. */
class ComponentModelTest {
    private static final WitFunctionType RUN = WitFunctionType.of(List.of(new WitParam("name", PrimitiveType.STRING)),
            PrimitiveType.STRING);

    private static InstanceInterface instance(ComponentItem item) {
        return ((ItemType.Instance) item.type()).members();
    }

    @Test
    void greeterImportsItsHostInterfaceAtTheVersionItWasBuiltAgainst() {
        for (String version : List.of("0.2.0", "0.2.1", "0.2.9", "0.3.0", "1.0.0")) {
            Component greeter = Fixtures.component("greeter/greeter-" + version + ".wasm");
            assertEquals(1, greeter.imports().size());
            ComponentItem host = greeter.imports().get(0);
            assertEquals("example:greeter/host@" + version, host.name());
            assertEquals(ItemType.Kind.INSTANCE, host.kind());
            assertEquals(version, host.version().orElseThrow().toString());
            assertEquals("example:greeter/host", ((InterfaceName) host.parsedName()).unversioned());
            assertEquals(new SortIndex(Sort.INSTANCE, 0), host.index());
            List<String> functions = List.copyOf(instance(host).functions().keySet());
            assertEquals(version.equals("0.2.1") ? List.of("log", "greet", "checksum", "shout", "repeat")
                    : List.of("log", "greet", "checksum"), functions, version);
            assertEquals(RUN, ((ItemType.Function) greeter.exportNamed("run").orElseThrow().type()).type());
        }
    }

    @Test
    void greeterFunctionTypesAreWitTypes() {
        InstanceInterface host = instance(Fixtures.component("greeter/greeter-0.2.1.wasm").imports().get(0));
        assertEquals("func(data: list<u8>, seed: u64) -> u64", host.functions().get("checksum").toString());
        assertEquals(WitFunctionType.of(List.of(new WitParam("code-point", PrimitiveType.CHAR),
                new WitParam("count", PrimitiveType.U32)), PrimitiveType.STRING), host.function("repeat").orElseThrow());
        assertEquals(Optional.empty(), host.function("missing"));
    }

    @Test
    void eachLowerAndLiftCarriesItsOwnOptionsAndTypes() {
        for (String variant : List.of("0.2.1", "utf16", "latin1-utf16")) {
            Component greeter = Fixtures.component("greeter/greeter-" + variant + ".wasm");
            CanonOptions.StringEncoding encoding = switch (variant) {
                case "utf16" -> CanonOptions.StringEncoding.UTF16;
                case "latin1-utf16" -> CanonOptions.StringEncoding.LATIN1_UTF16;
                default -> CanonOptions.StringEncoding.UTF8;
            };
            Map<String, CanonOptions> lowered = new java.util.LinkedHashMap<>();
            for (CanonFunction canon : greeter.canonFunctions()) {
                if (canon.definition().canon() instanceof Canon.Lower lower) {
                    String name = canon.functionType().orElseThrow().toString();
                    lowered.put(name, lower.options());
                }
            }
            CanonOptions log = lowered.get("func(message: string)");
            assertTrue(log.memory().isPresent() && log.realloc().isEmpty(), "log reads a string: memory, no realloc");
            assertEquals(encoding, log.encoding());
            CanonOptions greet = lowered.get("func(name: string) -> string");
            assertTrue(greet.memory().isPresent() && greet.realloc().isPresent(), "greet's result is allocated");
            CanonOptions checksum = lowered.get("func(data: list<u8>, seed: u64) -> u64");
            assertTrue(checksum.memory().isPresent() && checksum.realloc().isEmpty() && !checksum.encodingGiven());

            CanonFunction run = greeter.canonFunctions().stream()
                    .filter(canon -> canon.definition().canon() instanceof Canon.Lift).findFirst().orElseThrow();
            assertEquals(RUN, run.functionType().orElseThrow());
            assertEquals(new CoreFuncType(List.of(CoreValType.I32, CoreValType.I32), List.of(CoreValType.I32)),
                    run.coreType());
            Canon.Lift lift = (Canon.Lift) run.definition().canon();
            assertTrue(lift.options().postReturn().isPresent(), "run frees its result in cabi_post_run");
            assertEquals(encoding, lift.options().encoding());
        }
    }

    @Test
    void theLoweredCoreTypesAreWhatFlatteningGives() {
        Component greeter = Fixtures.component("greeter/greeter-0.2.1.wasm");
        CoreFuncType greet = greeter.canonFunctions().stream()
                .filter(canon -> canon.functionType().map(Object::toString)
                        .equals(Optional.of("func(name: string) -> string")))
                .filter(canon -> canon.definition().canon() instanceof Canon.Lower)
                .findFirst().orElseThrow().coreType();
        // The string result goes through a return pointer the caller passes.
        assertEquals(new CoreFuncType(List.of(CoreValType.I32, CoreValType.I32, CoreValType.I32), List.of()), greet);
    }

    @Test
    void coreModulesAreByteRangesOfTheInput() {
        byte[] bytes = Fixtures.bytes("greeter/greeter-0.2.0.wasm");
        Component greeter = Component.read(bytes);
        List<Definition.CoreModule> modules = greeter.definitions().stream()
                .filter(Definition.CoreModule.class::isInstance).map(Definition.CoreModule.class::cast).toList();
        assertEquals(3, modules.size(), "main, the shim and the fixup");
        for (Definition.CoreModule module : modules) {
            ByteBuffer view = greeter.coreModuleBytes(module);
            assertTrue(view.isReadOnly());
            assertEquals(module.moduleLength(), view.remaining());
            assertEquals(0x6d736100, Integer.reverseBytes(view.getInt(0)), "starts with \\0asm");
            assertEquals(bytes[module.moduleOffset() + 8], view.get(8));
        }
        Definition.CoreModule main = modules.get(0);
        assertEquals(List.of("log", "greet", "checksum"),
                main.info().imports().stream().map(i -> i.name()).toList());
        assertTrue(main.info().export("cabi_realloc").isPresent());
        assertEquals("func [i32 i32] -> [i32]", main.info().export("run").orElseThrow().type().toString());
    }

    @Test
    void definitionsKnowTheIndexTheyDefine() {
        Component greeter = Fixtures.component("greeter/greeter-0.2.0.wasm");
        Map<Sort, Integer> next = new java.util.EnumMap<>(Sort.class);
        for (Definition definition : greeter.definitions()) {
            int expected = next.merge(definition.defines().sort(), 1, Integer::sum) - 1;
            assertEquals(expected, definition.defines().index(), definition.toString());
        }
        assertEquals(3, next.get(Sort.CORE_MODULE));
        assertTrue(next.get(Sort.CORE_INSTANCE) >= 4);
    }

    @Test
    void kvTypesAreRecordsVariantsFlagsAndResultsOfAnImportedResource() {
        Component kv = Fixtures.component("kv/kv.wasm");
        ComponentItem store = kv.importNamed("example:kv/store@1.0.0").orElseThrow();
        InstanceInterface members = instance(store);
        ResourceIdentity bucket = members.resources().get("bucket");
        assertEquals(ResourceIdentity.Origin.IMPORTED, bucket.origin());
        assertEquals(Optional.of("example:kv/store@1.0.0"), bucket.importName());
        assertEquals(List.of("permissions", "error-code", "query", "entry", "stats"),
                List.copyOf(members.types().keySet()));
        FlagsType permissions = (FlagsType) members.types().get("permissions").type();
        assertEquals(List.of("read", "write", "admin"), permissions.flags());
        RecordType stats = (RecordType) members.types().get("stats").type();
        assertEquals("stats", stats.name());
        assertEquals("option<entry>", stats.fields().get(3).type().toString());

        WitFunctionType get = members.function("[method]bucket.get").orElseThrow();
        assertEquals("func(self: borrow<bucket>, key: string) -> result<option<list<u8>>, error-code>", get.toString());
        HandleType self = (HandleType) get.params().get(0).type();
        assertEquals(HandleType.Ownership.BORROW, self.ownership());
        assertEquals("example:kv/store@1.0.0", self.resource().owner());
        assertTrue(((ResultType) get.result().orElseThrow()).err().isPresent());
        assertEquals("func(name: string, permissions: permissions) -> bucket",
                members.function("[constructor]bucket").orElseThrow().toString());
        assertEquals("func(target: borrow<bucket>, source: bucket) -> u32", members.function("merge").orElseThrow()
                .toString());
    }

    @Test
    void aGuestDefinedResourceIsToldApartFromImportedOnes() {
        Component counters = Fixtures.component("counters/counters.wasm");
        ComponentItem exported = counters.exportNamed("example:counters/counters@0.1.0").orElseThrow();
        InstanceInterface members = instance(exported);
        ResourceIdentity counter = members.resources().get("counter");
        assertEquals(ResourceIdentity.Origin.DEFINED, counter.origin());
        assertTrue(counter.destructor().isPresent(), "the guest's resource has a destructor");
        assertTrue(counter.typeIndex().isPresent());
        assertTrue(counter.importName().isEmpty());
        // Every function of the interface refers to the same identity.
        HandleType returned = (HandleType) members.function("[constructor]counter").orElseThrow().result().orElseThrow();
        assertEquals(HandleType.Ownership.OWN, returned.ownership());
        assertEquals("example:counters/counters@0.1.0", returned.resource().owner());
        // Resource built-ins are modelled with their core types.
        CanonFunction resourceNew = counters.canonFunctions().stream()
                .filter(canon -> canon.definition().canon() instanceof Canon.ResourceNew).findFirst().orElseThrow();
        assertEquals(new CoreFuncType(List.of(CoreValType.I32), List.of(CoreValType.I32)), resourceNew.coreType());
        // The world-level record and the function that returns it.
        assertEquals(ItemType.Kind.VALUE_TYPE, counters.importNamed("point").orElseThrow().kind());
        assertEquals("func() -> point", ((ItemType.Function) counters.exportNamed("origin").orElseThrow().type())
                .type().toString());
    }

    @Test
    void resourcesSharedAcrossInterfacesHaveOneIdentity() {
        Component reactor = Fixtures.component("reactor/reactor.wasm");
        ResourceIdentity streams = instance(reactor.importNamed("wasi:io/streams@0.2.12").orElseThrow())
                .resources().get("output-stream");
        ResourceIdentity stdout = instance(reactor.importNamed("wasi:cli/stdout@0.2.12").orElseThrow())
                .resources().get("output-stream");
        assertSame(streams, stdout, "wasi:cli/stdout uses the output-stream of wasi:io/streams");
        ResourceIdentity error = instance(reactor.importNamed("wasi:io/error@0.2.12").orElseThrow())
                .resources().get("error");
        assertNotSame(streams, error);
        assertEquals(13, reactor.imports().size());
        assertEquals(4, reactor.definitions().stream().filter(Definition.CoreModule.class::isInstance).count(),
                "main, the preview-1 adapter, the shim and the fixup");
    }

    @Test
    void producersAreParsed() {
        Component kv = Fixtures.component("kv/kv.wasm");
        assertEquals("wit-component", kv.binary().producers().orElseThrow().fields().get("processed-by").get(0).name());
    }
}
