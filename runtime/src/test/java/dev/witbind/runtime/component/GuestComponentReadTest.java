package dev.witbind.runtime.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.LinkReport;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.wit.WitException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading components through the runtime: their world, the wrong reader for a binary, hostile bytes. */
class GuestComponentReadTest {
    private static final List<String> FIXTURES = List.of("greeter/greeter-0.2.0.wasm", "greeter/greeter-0.2.1.wasm",
            "greeter/greeter-utf16.wasm", "kv/kv.wasm", "counters/counters.wasm", "reactor/reactor.wasm");

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

    /**
     * A seeded run of byte mutations over every component fixture, most of them inside the embedded core modules,
     * which the engine parses: every outcome is a component, or one of witbind's exceptions, in bounded time.
     */
    @Test
    void mutatedComponentsGiveOnlyOurExceptions() throws IOException {
        Random random = new Random(20261202);
        int read = 0;
        int refused = 0;
        for (String fixture : FIXTURES) {
            byte[] original = bytes("components/" + fixture);
            for (int round = 0; round < 60; round++) {
                byte[] mutated = original.clone();
                int edits = 1 + random.nextInt(4);
                for (int i = 0; i < edits; i++) {
                    int at = 8 + random.nextInt(mutated.length - 8);
                    mutated[at] = switch (random.nextInt(3)) {
                        case 0 -> (byte) random.nextInt(256);
                        case 1 -> (byte) (mutated[at] ^ (1 << random.nextInt(8)));
                        default -> (byte) 0xFF;
                    };
                }
                String name = fixture + " #" + round;
                boolean parsed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                    try {
                        GuestComponent component = GuestComponent.parse(name, mutated);
                        new Linker().check(component);
                        return true;
                    } catch (WitException expected) {
                        return false;
                    } catch (RuntimeException | Error e) {
                        fail(name + " threw " + e, e);
                        return false;
                    }
                }, name);
                if (parsed) {
                    read++;
                } else {
                    refused++;
                }
            }
        }
        assertEquals(FIXTURES.size() * 60, read + refused);
        assertTrue(refused > 0, "every mutation was accepted");
    }
}
