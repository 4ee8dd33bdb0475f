package dev.witbind.processor.bindgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.witbind.wit.parser.WitPackages;
import dev.witbind.wit.parser.model.WitWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator without javac: WIT text in, sources or refusals out. */
class BindingsFromWitTest {
    private static final BindingsFromWit GENERATOR = new BindingsFromWit("test");

    private static WitWorld world(String wit, String name) {
        return WitPackages.parse("test.wit", wit).findWorld(name).orElseThrow();
    }

    private static BindingsFromWit.Outcome generate(String wit, String world) {
        return GENERATOR.generate(world(wit, world), "com.example", List.of());
    }

    @Test
    void namesFollowTheLabels() {
        BindingsFromWit.Outcome outcome = generate("""
                package example:names@1.0.0;
                interface host { record total-bytes { byte-count: u64 } size: func(t: total-bytes) -> u32; }
                interface key-value-store { get: func(key: string) -> option<list<u8>>; }
                world my-app { import host; import key-value-store; export run-all: func(); }
                """, "my-app");
        List<String> names = ((BindingsFromWit.Outcome.Generated) outcome).files().stream()
                .map(JavaFile::typeSpec).map(type -> type.name()).toList();
        assertEquals(List.of("TotalBytes", "Host", "KeyValueStoreHost", "MyAppGuest"), names);
    }

    @Test
    void worldWithoutExportsHasNoProxyAndTypesOnlyInterfacesNoHost() {
        BindingsFromWit.Outcome outcome = generate("""
                package example:types@1.0.0;
                interface types { enum mode { on, off } }
                interface api { use types.{mode}; set: func(m: mode); }
                world w { import api; }
                """, "w");
        List<String> names = ((BindingsFromWit.Outcome.Generated) outcome).files().stream()
                .map(file -> file.typeSpec().name()).toList();
        assertEquals(List.of("Mode", "ApiHost"), names);
    }

    @Test
    void clashingNamesAreQualifiedWithTheirInterfaces() {
        BindingsFromWit.Outcome outcome = generate("""
                package example:bad@1.0.0;
                interface a { record point { x: u32 } f: func(p: point); }
                interface b { record point { y: u32 } g: func(p: point); }
                interface c { resource file; open: func() -> file; }
                world w { import a; import b; import c; }
                """, "w");
        List<JavaFile> files = assertInstanceOf(BindingsFromWit.Outcome.Generated.class, outcome).files();
        // Both get their package and interface in front, so neither name depends on the other's order.
        assertEquals(List.of("BadAPoint", "BadBPoint", "AHost", "BHost", "CHost"),
                files.stream().map(file -> file.typeSpec().name()).toList());
        assertTrue(files.get(2).toString().contains("void f(BadAPoint p);"), files.get(2).toString());
    }

    @Test
    void resourcesMakeTheHostInterfaceGeneric() {
        BindingsFromWit.Outcome outcome = generate("""
                package example:res@1.0.0;
                interface c { resource file { size: func() -> u64; } open: func() -> file; }
                interface d { resource r { constructor(); } }
                world w { import c; import d; }
                """, "w");
        List<JavaFile> files = assertInstanceOf(BindingsFromWit.Outcome.Generated.class, outcome).files();
        assertEquals(List.of("CHost", "DHost"), files.stream().map(file -> file.typeSpec().name()).toList());
        String c = files.get(0).toString();
        assertTrue(c.contains("public interface CHost<FILE extends CHost.File>"), c);
        assertTrue(c.contains("FILE open();"), c);
        assertTrue(c.contains("interface File {"), c);
        // A one-letter resource's type variable would be the name of its nested interface.
        String d = files.get(1).toString();
        assertTrue(d.contains("public interface DHost<R_T extends DHost.R>"), d);
    }
}
