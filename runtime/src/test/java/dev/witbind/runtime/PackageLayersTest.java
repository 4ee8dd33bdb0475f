package dev.witbind.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The runtime's packages keep their layers, read from the compiled classes by the JDK's {@code jdeps} (so a fully
 * qualified reference counts as much as an import): each package uses only the layers below its own. The layers are
 * a strict order, so this also rules out every package cycle.
 */
class PackageLayersTest {
    private static final String ROOT = "dev.witbind.runtime";
    /** Bottom to top: errors, resources, the Canonical ABI, support for generated code, the engine, the API. */
    private static final List<String> LAYERS =
            List.of("errors", "resources", "abi", "bindings", "engine", "engine.chicory", "");
    private static final Pattern EDGE = Pattern.compile("^\\s*(dev\\.witbind\\.runtime[\\w.]*)\\s+->\\s+"
            + "(dev\\.witbind\\.runtime[\\w.]*)\\s", Pattern.MULTILINE);

    @Test
    void eachPackageUsesOnlyTheLayersBelowIt() {
        int edges = 0;
        Matcher m = EDGE.matcher(jdepsPackageEdges());
        while (m.find()) {
            int user = layer(m.group(1));
            int used = layer(m.group(2));
            assertTrue(used <= user, m.group(1) + " uses " + m.group(2) + ", which sits above it");
            edges += used < user ? 1 : 0;
        }
        // the layers really are used, so the pattern still matches what jdeps prints
        assertTrue(edges >= LAYERS.size() - 1, "jdeps reported only " + edges + " edges between packages");
    }

    /** What {@code jdeps -verbose:package} prints for the runtime's classes: one line per package and package used. */
    private static String jdepsPackageEdges() {
        Path classes = Path.of("target/classes");
        assertTrue(Files.isDirectory(classes), "run after compiling: " + classes.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() ->
                new AssertionError("this JDK has no jdeps tool"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
                "-e", "dev\\.witbind\\.runtime.*", classes.toString());
        assertEquals(0, status, "jdeps failed: " + err);
        return out.toString();
    }

    private static int layer(String pkg) {
        int layer = LAYERS.indexOf(pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1));
        assertTrue(layer >= 0, "a package the layers do not place: " + pkg);
        return layer;
    }
}
