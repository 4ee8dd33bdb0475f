package dev.witbind.wit.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.wave.Wave;
import dev.witbind.wit.wave.WaveException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each input the wit module's fuzz targets found (resources/fuzz/README.md), now refused as documented. */
class FuzzRegressionTest {
    @Test
    void aHugeUnknownFieldNameIsQuotedAsAnExcerpt() throws IOException {
        String saved = resource("/fuzz/wave-long-field-name.txt");
        String text = saved.substring(saved.indexOf('\n') + 1); // the first line names the type: person
        WaveException e = assertThrows(WaveException.class, () -> Wave.parse(WaveFuzzTest.PERSON, text));
        assertTrue(e.getMessage().startsWith("record person has no field 'namamam"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, () -> e.getMessage().length() + " characters");
        assertTrue(e.getMessage().contains("characters)'; it has: name, age, tags"), e.getMessage());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = FuzzRegressionTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
