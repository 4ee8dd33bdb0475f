package dev.witbind.samples.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.witbind.runtime.Engine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** README command 1's WASI plugin: WASI (a preopened file, a variable, arguments, stdout) and the greeter host. */
class WasiPluginSampleTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void thePluginReadsThroughWasiAndCallsTheGreeterHost(Engine engine) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        WasiPluginSample.run(new PrintStream(printed, true, StandardCharsets.UTF_8), engine);

        // the guest passed the name and the seed through the Canonical ABI and printed the u64 the host returned
        String checksum = String.format("%016x", Greetings.checksum("Ada".getBytes(StandardCharsets.UTF_8), 7));
        assertEquals("""

                == a WASI 0.2 command that also imports example:greeter/host@0.2.1: wasi-plugin.wasm
                  guest: plugin says: Howdy, Ada! (2 arguments)
                  guest: checksum of the name: %s
                  the host's log: [Howdy, Ada! (2 arguments)]
                  exit status 0
                """.formatted(checksum), printed.toString(StandardCharsets.UTF_8));
    }
}
