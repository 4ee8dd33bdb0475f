package dev.witbind.samples.fromwit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.Linker;
import dev.witbind.samples.greeter.GreeterGuests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The host written from WIT ({@code @WitBindgen} on this package) runs the committed greeter guests, and the
 * generated typed proxy {@link GreeterGuest} calls their exports: the same results as {@code GreeterLinkingTest}
 * gets with the host written from Java and the dynamic calls.
 */
class WitGreeterTest {
    private static final String NAME = "Wörld";
    private static final long RUN_SEED = 0x0123456789ABCDEFL;
    private static final long FINGERPRINT_SEED = 0xFEDCBA9876543210L;

    private static String expectedChecksum(WitGreeterHost host) {
        return String.format("%016x", host.checksum(NAME.getBytes(StandardCharsets.UTF_8), RUN_SEED));
    }

    private static long expectedFingerprint(WitGreeterHost host, long seed) {
        byte[] bytes = new byte[16];
        IntStream.range(0, 16).forEach(i -> bytes[i] = (byte) i);
        return host.checksum(bytes, seed) ^ 0xFFFFFFFF00000000L;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sameVersionGuestThroughTheTypedProxy(Engine engine) {
        WitGreeterHost host = new WitGreeterHost();
        GuestInstance instance = new Linker().register(host)
                .instantiate(GreeterGuests.load("greeter-0.2.1.wasm"), engine);
        GreeterGuest guest = new GreeterGuest(instance);

        assertEquals("Hello, Wörld! WÖRLD! \uD83C\uDF89\uD83C\uDF89\uD83C\uDF89 [checksum " + expectedChecksum(host)
                + "]", guest.run(NAME));
        assertEquals(List.of("greeter 0.2.1 guest: run(Wörld)"), host.messages());
        assertEquals(expectedFingerprint(host, FINGERPRINT_SEED), guest.fingerprint(FINGERPRINT_SEED));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void olderGuestLinksThroughTheTrack(Engine engine) {
        WitGreeterHost host = new WitGreeterHost();
        GreeterGuest guest = new GreeterGuest(new Linker().register(host)
                .instantiate(GreeterGuests.load("greeter-0.2.0.wasm"), engine));

        assertEquals("Hello, Wörld! [checksum " + expectedChecksum(host) + "]", guest.run(NAME));
        assertEquals(expectedFingerprint(host, 0), guest.fingerprint(0));
    }
}
