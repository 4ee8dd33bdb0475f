package dev.witbind.samples.greeter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Engine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Versioning your host" shows excerpts of {@link VersioningSample}'s output: every line of that block
 * must be a line the sample prints, so the README shows only what ran.
 */
class VersioningReadmeTest {
    private static final String START = "<!-- versioning-output -->\n```text\n";
    private static final String END = "```\n<!-- /versioning-output -->";

    @Test
    void everyLineOfTheReadmesVersioningOutputIsPrintedByTheSample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END, start);
        assertTrue(start >= 0 && end > start, "README.md has no versioning-output block");
        List<String> shown = readme.substring(start + START.length(), end).lines().toList();
        assertTrue(shown.size() > 10, "the block is " + shown);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VersioningSample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), Engine.INTERPRETER);
        List<String> printed = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        for (String line : shown) {
            assertTrue(printed.contains(line), "the README shows a line the sample does not print: " + line);
        }
    }
}
