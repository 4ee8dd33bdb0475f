package dev.witbind.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed guest fixtures under {@code src/test/guests/}, which the runtime module's tests also load. */
public final class Fixtures {
    public static final Path ROOT = Path.of("src/test/guests");

    private Fixtures() {}

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Component component(String relative) {
        return Component.read(bytes(relative));
    }

    /** Every valid component fixture (all but the invalid/ ones), relative to {@link #ROOT}. */
    public static List<String> validComponents() {
        return wasmFiles().filter(name -> !name.startsWith("invalid/")).toList();
    }

    /** The hand-written invalid components. */
    public static List<String> invalidComponents() {
        return wasmFiles().filter(name -> name.startsWith("invalid/")).toList();
    }

    private static Stream<String> wasmFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(path -> path.toString().endsWith(".wasm"))
                    .map(path -> ROOT.relativize(path).toString().replace('\\', '/'))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
