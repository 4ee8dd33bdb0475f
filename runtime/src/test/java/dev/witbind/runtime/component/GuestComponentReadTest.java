package dev.witbind.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.LinkReport;
import dev.witbind.runtime.errors.WitModuleException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading components through the runtime: their world, the wrong reader for a binary. (Hostile bytes:
 * {@code fuzz.GuestComponentFuzzTest}.)
 */
class GuestComponentReadTest {
    static byte[] bytes(String resource) throws IOException {
        try (InputStream in = GuestComponentReadTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            return in.readAllBytes();
        }
    }

    @Test
    void aComponentSaysItsWorldAsJcoWitPrintsIt() throws IOException {
        GuestComponent greeter = GuestComponent.parse("greeter-0.2.1.wasm",
                bytes("components/greeter/greeter-0.2.1.wasm"));

        String golden = new String(bytes("components/greeter/greeter-0.2.1.golden.wit"), StandardCharsets.UTF_8);
        assertEquals(golden.strip(), greeter.world().strip());
        assertEquals(List.of("example:greeter/host@0.2.1"), greeter.imports().stream().map(i -> i.name()).toList());
        assertEquals(List.of("run"), greeter.exports().stream().map(e -> e.name()).toList());
    }

    @Test
    void eachReaderSaysWhenItIsGivenTheOtherKindOfBinary() throws IOException {
        WitModuleException notAModule = assertThrows(WitModuleException.class,
                () -> GuestModule.parse("greeter.wasm", bytes("components/greeter/greeter-0.2.1.wasm")));
        assertEquals("guest 'greeter.wasm' is a component, not a core module: read it with GuestComponent.read (or "
                + "GuestComponent.parse), which the linker instantiates the same way", notAModule.getMessage());

        ComponentFormatException notAComponent = assertThrows(ComponentFormatException.class,
                () -> GuestComponent.parse("probe.wasm", bytes("guests/abi-probe.wasm")));
        assertEquals(4, notAComponent.offset(), notAComponent.getMessage());
        assertTrue(notAComponent.getMessage().contains("a core module (layer 0, version 1)"),
                notAComponent.getMessage());
    }

    @Test
    void aCheckReportsEveryImportWithoutInstantiating() throws IOException {
        GuestComponent reactor = GuestComponent.parse("reactor.wasm", bytes("components/reactor/reactor.wasm"));

        LinkReport report = new Linker().check(reactor);

        assertTrue(!report.links());
        assertEquals(report.importCount(), report.unresolved().size());
        assertTrue(report.describe().startsWith("guest 'reactor.wasm': 0 of " + report.importCount()
                + " imports resolve\ncannot link guest 'reactor.wasm'"), report.describe());
        // a component lists the functions and the resources it uses of each interface; both must resolve
        assertTrue(report.describe().contains("- wasi:cli/stdout@0.2.12 get-stdout, output-stream: no instance "
                + "'wasi:cli/stdout@0.2.12', and nothing on its track wasi:cli/stdout@0.2; the linker has no version "
                + "of it"), report.describe());
    }
}
