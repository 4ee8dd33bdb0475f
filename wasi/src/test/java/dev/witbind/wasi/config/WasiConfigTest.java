package dev.witbind.wasi.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasiConfigTest {
    @Test
    void holdsWhatWasGivenAndNothingElse(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WasiConfig config = WasiConfig.builder().args(List.of("prog", "a")).arg("b").env("A", "1")
                .envs(Map.of("B", "2")).preopen(dir, "/").preopenReadOnly(dir, "ro").stdout(out).build();
        assertEquals(List.of("prog", "a", "b"), config.args());
        assertEquals(Map.of("A", "1", "B", "2"), config.env());
        assertEquals(List.of(new Preopen(dir, "/", false), new Preopen(dir, "ro", true)), config.preopens());
        assertSame(out, config.stdout());
        assertSame(config, config.wasi());
        assertEquals(-1, config.stdin().read(), "stdin is empty by default");
    }

    @Test
    void isImmutable() {
        WasiConfig.Builder builder = WasiConfig.builder().arg("prog");
        WasiConfig config = builder.build();
        builder.arg("later").env("X", "y");
        assertEquals(List.of("prog"), config.args());
        assertTrue(config.env().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> config.args().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> config.env().put("x", "y"));
    }

    @Test
    void refusesBadInput(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().env("A=B", "c"));
        assertThrows(IllegalArgumentException.class, () -> WasiConfig.builder().env("", "c"));
        assertThrows(IllegalArgumentException.class,
                () -> WasiConfig.builder().preopen(dir.resolve("missing"), "/"));
        assertThrows(NullPointerException.class, () -> WasiConfig.builder().arg(null));
    }

    @Test
    void seededRandomRepeats() {
        byte[] first = new byte[16];
        byte[] second = new byte[16];
        WasiRandom.seeded(7).secureBytes(first);
        WasiRandom.seeded(7).secureBytes(second);
        assertArrayEquals(first, second);
        assertEquals(2, WasiRandom.system().insecureSeed().length);
    }
}
