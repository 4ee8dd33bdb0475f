package dev.witbind.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wasi.config.WasiConfig;
import dev.witbind.wasi.fixtures.FixtureRun;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A JavaScript guest that imports WASI 0.2.12 from the built-in host ({@code src/test/guests/quickjs}, made by
 * {@code jco componentize --backend qjs}): a composition of the QuickJS engine's component and its module loader's,
 * the engine's instantiated with the loader's instance and the host's WASI instances, so the host's resources (its
 * streams) live in a nested component instance's handle table.
 */
class JavaScriptGuestTest {
    private static final Path QUICKJS = FixtureRun.guests().resolve("quickjs");
    private static final WitFunctionType STRING_TO_STRING = WitFunctionType.of(List.of(new WitParam("name",
            PrimitiveType.STRING)), PrimitiveType.STRING);

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private GuestInstance instantiate(Engine engine) {
        GuestComponent component = GuestComponent.read(QUICKJS.resolve("report.wasm"));
        return Wasi.register(new Linker()).instantiate(component, engine, WasiConfig.builder().stderr(stderr).build());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theJavaScriptRunsOnTheWasiHost(Engine engine) throws IOException {
        GuestInstance guest = instantiate(engine);

        // Date.now() and Math.random() went to the host's clock and random source
        assertEquals("QUICK-BROWN-FOX; after 2020: true; random below 1: true",
                guest.function("report", STRING_TO_STRING).call("quick brown fox"));
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
        assertFalse(guest.isPoisoned());
        assertEquals(Files.readString(QUICKJS.resolve("report.golden.wit")), GuestComponent.read(
                QUICKJS.resolve("report.wasm")).world() + "\n");

        // an uncaught exception: QuickJS writes it to the host's stderr, then traps
        WitTrapException trap = assertThrows(WitTrapException.class,
                () -> guest.function("fail", STRING_TO_STRING).call("no stock"));
        assertTrue(trap.getMessage().startsWith("trap in export 'fail' of guest 'report.wasm'"), trap.getMessage());
        String written = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(written.contains("Failed to call 'fail'") && written.contains("no stock"), written);
        assertTrue(guest.isPoisoned());
    }
}
