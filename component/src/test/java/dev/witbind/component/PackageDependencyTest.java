package dev.witbind.component;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packages of the module depend on each other only downwards: binary <- model <- validate, wit <- root. */
class PackageDependencyTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/witbind/component");
    private static final Pattern IMPORT = Pattern.compile("dev\\.witbind\\.component\\.(\\w+)\\.[A-Z]");

    @Test
    void dependenciesPointDownwards() throws IOException {
        Map<String, Set<String>> allowed = Map.of(
                "binary", Set.of(),
                "model", Set.of("binary"),
                "validate", Set.of("binary", "model"),
                "wit", Set.of("model"),
                "", Set.of("binary", "model", "validate", "wit"));
        for (Map.Entry<String, Set<String>> entry : allowed.entrySet()) {
            Set<String> used = new TreeSet<>();
            Path dir = entry.getKey().isEmpty() ? SOURCES : SOURCES.resolve(entry.getKey());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = IMPORT.matcher(Files.readString(file));
                    while (m.find()) {
                        if (!m.group(1).equals(entry.getKey())) {
                            used.add(m.group(1));
                        }
                    }
                }
            }
            used.retainAll(Set.of("binary", "model", "validate", "wit"));
            Set<String> forbidden = new TreeSet<>(used);
            forbidden.removeAll(entry.getValue());
            assertEquals(Set.of(), forbidden, "package '" + entry.getKey() + "' uses " + used);
        }
    }
}
