package dev.witbind.samples.greeter;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.Linker;
import dev.witbind.wasi.Wasi;
import dev.witbind.wasi.config.WasiConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A plugin that is a WASI 0.2 command and also imports its host's own interface: {@code wasi-plugin.wasm}
 * ({@code src/main/guests/wasi-plugin/}, C made a component by {@code jco new --wasi-command}) reads a file under
 * a read-only preopen, a variable and its arguments through WASI, prints through WASI's stdout, and calls
 * {@link GreeterHost}'s {@code log} and {@code checksum}. One linker holds both: the built-in WASI host and the
 * user's.
 */
public final class WasiPluginSample {
    private WasiPluginSample() {}

    public static void run(PrintStream out, Engine engine) {
        out.println();
        out.println("== a WASI 0.2 command that also imports example:greeter/host@0.2.1: wasi-plugin.wasm");
        GreeterHost greeter = new GreeterHost();
        Linker linker = Wasi.register(new Linker()).register(greeter);
        GuestComponent plugin = GuestComponent.fromResource(WasiPluginSample.class.getClassLoader(),
                "guests/wasi-plugin/wasi-plugin.wasm");
        Path config = null;
        try {
            config = Files.createTempDirectory("witbind-sample-config");
            Files.writeString(config.resolve("name.txt"), "Ada\n");
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            GuestInstance command = linker.instantiate(plugin, engine, WasiConfig.builder()
                    .args(List.of("wasi-plugin", "--fast", "input.txt"))
                    .env("GREETING", "Howdy")
                    .preopenReadOnly(config, "/config")
                    .stdout(stdout)
                    .stderr(stdout)
                    .build());
            int status = Wasi.run(command);
            for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
                out.println("  guest: " + line);
            }
            out.println("  the host's log: " + greeter.messages());
            out.println("  exit status " + status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(config);
        }
    }

    private static void deleteQuietly(Path config) {
        if (config == null) {
            return;
        }
        try {
            Files.deleteIfExists(config.resolve("name.txt"));
            Files.deleteIfExists(config);
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the sample for
        }
    }
}
