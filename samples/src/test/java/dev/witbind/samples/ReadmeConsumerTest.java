package dev.witbind.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it in your project" shows the Java of samples/consumer, which mvn verify builds and runs as a
 * user's project would be (maven-invoker-plugin): each of its source files must stand in the README as one code
 * block, byte for byte, so that the README shows only what was built and run.
 */
class ReadmeConsumerTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theReadmeShowsTheConsumersSourcesExactly() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        for (String file : new String[] {"GreeterHost.java", "Main.java"}) {
            String source = Files.readString(ROOT.resolve("samples/consumer/src/main/java/com/example").resolve(file),
                    StandardCharsets.UTF_8);
            assertTrue(readme.contains("```java\n" + source + "```\n"),
                    file + " of samples/consumer is not a code block of README.md as it is: copy it there again");
        }
    }

    @Test
    void theReadmeShowsTheConsumersDependenciesAndCompilerPlugin() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String pom = Files.readString(ROOT.resolve("samples/consumer/pom.xml"), StandardCharsets.UTF_8);
        int from = pom.indexOf("  <dependencies>");
        int to = pom.indexOf("      </plugin>", from) + "      </plugin>".length();
        // the pom's copy is indented two more spaces inside <project>; the README's starts at <dependencies>
        String snippet = pom.substring(from, to).replaceAll("(?m)^  ", "");
        assertTrue(readme.contains(snippet), "the README's pom snippet is not samples/consumer/pom.xml's:\n" + snippet);
    }
}
