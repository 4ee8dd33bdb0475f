package dev.witbind.runtime;

import static dev.witbind.runtime.abi.ProbeHost.echo;
import static dev.witbind.runtime.abi.ProbeHost.param;
import static dev.witbind.wit.types.PrimitiveType.STRING;
import static dev.witbind.wit.types.PrimitiveType.U32;
import static dev.witbind.wit.types.PrimitiveType.U64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.witbind.runtime.abi.ProbeHost;
import dev.witbind.runtime.engine.CoreImport;
import dev.witbind.runtime.errors.WitExportException;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.wit.types.WitFunctionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Linking and instantiating the real {@code abi-probe} and {@code wrong-types} guests: how imports resolve, and
 * the errors for imports that do not and for exports asked for with the wrong WIT type.
 */
class InstantiationProbeTest {
    private static final GuestModule GUEST = ProbeHost.guest("abi-probe.wasm");
    private static final List<String> IMPORTS = List.of("scalars", "many", "echo-u64", "echo-f64", "echo-f32",
            "echo-char", "echo-bool", "echo-s8", "echo-u16", "bytes-len", "reverse");

    @Test
    void theGuestDeclaresEveryImportWithItsLoweredCoreType() {
        List<String> imports = new ArrayList<>();
        for (CoreImport guestImport : GUEST.imports()) {
            imports.add(guestImport.qualifiedName() + " " + guestImport.signature());
        }

        String module = ProbeHost.INTERFACE + "#";
        assertEquals(List.of(
                module + "scalars (i32, i32, i32, i32, i32, i32, i32, i64, i64, f32, f64, i32, i32) -> ()",
                module + "many (i32) -> (i64)",
                module + "echo-u64 (i64) -> (i64)",
                module + "echo-f64 (f64) -> (f64)",
                module + "echo-f32 (f32) -> (f32)",
                module + "echo-char (i32) -> (i32)",
                module + "echo-bool (i32) -> (i32)",
                module + "echo-s8 (i32) -> (i32)",
                module + "echo-u16 (i32) -> (i32)",
                module + "bytes-len (i32, i32) -> (i32)",
                module + "reverse (i32, i32, i32) -> ()"), imports);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyImportBindsExactlyWhenTheHostHasTheSameVersion(Engine engine) {
        Linker linker = new Linker();
        new ProbeHost().defineInto(linker.instance(ProbeHost.INTERFACE));

        GuestInstance guest = linker.instantiate(GUEST, engine);

        List<String> described = new ArrayList<>();
        for (ImportBinding binding : guest.linkPlan().bindings()) {
            described.add(binding.describe());
        }
        List<String> expected = new ArrayList<>();
        for (String name : IMPORTS) {
            expected.add(ProbeHost.INTERFACE + "#" + name + " -> " + ProbeHost.INTERFACE + "#" + name + " (exact)");
        }
        assertEquals(expected, described);
        assertEquals("abi-probe.wasm", guest.name());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aNewerHostOnTheSameTrackServesTheGuest(Engine engine) {
        Linker linker = new Linker();
        ProbeHost host = new ProbeHost();
        host.defineInto(linker.instance("test:abi/probe@1.2.0"));

        GuestInstance guest = linker.instantiate(GUEST, engine);

        assertEquals("test:abi/probe@1.0.0#echo-u64 -> test:abi/probe@1.2.0#echo-u64 (via track test:abi/probe@1)",
                guest.linkPlan().bindings().get(2).describe());
        assertEquals(-1L, guest.function("call-echo-u64", echo("v", U64)).call(-1L));
        assertEquals(List.of("echo-u64 18446744073709551615"), host.seen());
    }

    @Test
    void importsWithTheWrongCoreTypesAreAllReportedWithBothTypes() {
        Linker linker = new Linker();
        new ProbeHost().defineInto(linker.instance(ProbeHost.INTERFACE));

        WitLinkException thrown = assertThrows(WitLinkException.class,
                () -> linker.instantiate(ProbeHost.guest("wrong-types.wasm"), Engine.INTERPRETER));

        String scalars = "test:abi/probe@1.0.0 scalars: type mismatch: the guest imports it as "
                + "(i32, i32, i32, i32, i32, i32, i32, i64, i64, f32, f64, i32) -> (), but 'scalars' in "
                + "'test:abi/probe@1.0.0' is func(a: bool, b: s8, c: u8, d: s16, e: u16, f: s32, g: u32, h: s64, "
                + "i: u64, j: f32, k: f64, l: char) -> string, whose core type is "
                + "(i32, i32, i32, i32, i32, i32, i32, i64, i64, f32, f64, i32, i32) -> ()";
        String echoU64 = "test:abi/probe@1.0.0 echo-u64: type mismatch: the guest imports it as (i32) -> (i32), but "
                + "'echo-u64' in 'test:abi/probe@1.0.0' is func(v: u64) -> u64, whose core type is (i64) -> (i64)";
        assertEquals("cannot link guest 'wrong-types.wasm': 2 of 3 imports are unresolved\n  - " + scalars
                + "\n  - " + echoU64, thrown.getMessage());
        assertEquals("wrong-types.wasm", thrown.guestName());
        assertEquals(List.of("scalars", "echo-u64"),
                thrown.unresolved().stream().map(entry -> entry.field()).toList());
    }

    @Test
    void aMissingInstanceIsNamedWithTheVersionsTheLinkerHas() {
        Linker linker = new Linker();
        new ProbeHost().defineInto(linker.instance("test:abi/probe@2.0.0"));
        new ProbeHost().defineInto(linker.instance("test:abi/probe@0.9.0"));
        new ProbeHost().defineInto(linker.instance("test:other/probe@1.0.0"));

        WitLinkException thrown = assertThrows(WitLinkException.class, () -> linker.link(GUEST));

        assertEquals(IMPORTS.size(), thrown.unresolved().size());
        String problem = "no instance 'test:abi/probe@1.0.0', and nothing on its track test:abi/probe@1; the linker "
                + "has test:abi/probe@0.9.0, test:abi/probe@2.0.0";
        for (WitLinkException.Unresolved entry : thrown.unresolved()) {
            assertEquals(problem, entry.problem());
        }
        // imports of one module that fail for one reason share a line
        assertEquals("cannot link guest 'abi-probe.wasm': 11 of 11 imports are unresolved\n  - test:abi/probe@1.0.0 "
                + String.join(", ", IMPORTS) + ": " + problem, thrown.getMessage());
    }

    @Test
    void aMissingFunctionIsNamedWithTheFunctionsTheInstanceHas() {
        Linker linker = new Linker();
        new ProbeHost().defineInto(linker.instance(ProbeHost.INTERFACE), Set.of("reverse", "echo-s8"));

        WitLinkException thrown = assertThrows(WitLinkException.class, () -> linker.link(GUEST));

        String has = "it has: bytes-len, echo-bool, echo-char, echo-f32, echo-f64, echo-u16, echo-u64, many, scalars";
        assertEquals(List.of(
                "test:abi/probe@1.0.0 echo-s8: 'test:abi/probe@1.0.0' has no function 'echo-s8'; " + has,
                "test:abi/probe@1.0.0 reverse: 'test:abi/probe@1.0.0' has no function 'reverse'; " + has),
                thrown.unresolved().stream().map(Object::toString).toList());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anExportAskedForWithTheWrongWitTypeNamesBothCoreTypes(Engine engine) {
        Linker linker = new Linker();
        new ProbeHost().defineInto(linker.instance(ProbeHost.INTERFACE));
        GuestInstance guest = linker.instantiate(GUEST, engine);
        WitFunctionType u32s = WitFunctionType.of(List.of(param("a", U32), param("b", U32)), U64);
        WitFunctionType stringResult = WitFunctionType.of(List.of(), STRING);

        WitExportException wrongParams = assertThrows(WitExportException.class,
                () -> guest.function("add-u64", u32s));
        WitExportException wrongResult = assertThrows(WitExportException.class,
                () -> guest.function("call-many", stringResult));
        WitExportException missing = assertThrows(WitExportException.class,
                () -> guest.function("subtract-u64", u32s));

        assertEquals("guest 'abi-probe.wasm' exports 'add-u64' as (i64, i64) -> (i64), but "
                + "func(a: u32, b: u32) -> u64 lifts to (i32, i32) -> (i64)", wrongParams.getMessage());
        assertEquals("guest 'abi-probe.wasm' exports 'call-many' as () -> (i64), but func() -> string lifts to "
                + "() -> (i32)", wrongResult.getMessage());
        assertEquals("guest 'abi-probe.wasm' exports no function 'subtract-u64'", missing.getMessage());
        // asking wrongly breaks nothing
        assertEquals(9L, guest.function("add-u64", WitFunctionType.of(List.of(param("a", U64), param("b", U64)), U64))
                .call(4L, 5L));
    }

    @Test
    void aMissingGuestResourceIsNamed() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> ProbeHost.guest("no-such-guest.wasm"));

        assertEquals("no guest resource 'guests/no-such-guest.wasm' on the class path", thrown.getMessage());
    }

    @Test
    void aModuleWithASharedMemoryIsRefusedWhenRead() {
        byte[] sharedMemory = {
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, // \0asm, version 1
            0x05, 0x04, 0x01, 0x03, 0x01, 0x01, // memory section: one memory, shared, min 1, max 1
        };

        WitModuleException thrown = assertThrows(WitModuleException.class,
                () -> GuestModule.parse("threads.wasm", sharedMemory));

        assertEquals("guest 'threads.wasm' is a module with a shared memory, which witbind does not support (the "
                + "Component Model has no threads): build the guest without the threads feature", thrown.getMessage());
    }
}
