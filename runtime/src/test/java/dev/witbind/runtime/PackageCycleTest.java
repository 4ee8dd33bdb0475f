package dev.witbind.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runtime's packages form no cycle, read from the compiled classes by the JDK's {@code jdeps} (so a fully
 * qualified reference counts as much as an import), and they keep their layers: errors, resources, the Canonical ABI,
 * support for generated code, the engine interface, the Chicory adapter, the user's API on top.
 */
class PackageCycleTest {
    private static final String ROOT = "dev.witbind.runtime";
    private static final Pattern EDGE = Pattern.compile("^\\s*(dev\\.witbind\\.runtime[\\w.]*)\\s+->\\s+"
            + "(dev\\.witbind\\.runtime[\\w.]*)\\s", Pattern.MULTILINE);

    @Test
    void packagesFormNoCycleAndKeepTheirLayers() {
        Map<String, Set<String>> graph = dependencies();
        assertTrue(graph.containsKey(ROOT + ".abi") && graph.containsKey(ROOT + ".engine.chicory"),
                "jdeps found the packages: " + graph.keySet());
        for (String start : graph.keySet()) {
            List<String> cycle = cycleThrough(start, graph);
            assertEquals(List.of(), cycle, "package cycle: " + String.join(" -> ", cycle));
        }
        // each package may use only the ones listed before it here
        List<String> layers = List.of("errors", "resources", "abi", "bindings", "engine", "engine.chicory", "");
        for (Map.Entry<String, Set<String>> entry : graph.entrySet()) {
            int own = layers.indexOf(relative(entry.getKey()));
            assertTrue(own >= 0, "a package the layers do not place: " + entry.getKey());
            for (String used : entry.getValue()) {
                assertTrue(layers.indexOf(relative(used)) < own,
                        entry.getKey() + " uses " + used + ", which sits above it");
            }
        }
    }

    /** Every runtime package and the other runtime packages its classes use. */
    private static Map<String, Set<String>> dependencies() {
        Path classes = Path.of("target/classes");
        assertTrue(Files.isDirectory(classes), "run after compiling: " + classes.toAbsolutePath());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() ->
                new AssertionError("this JDK has no jdeps tool"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
                "-e", "dev\\.witbind\\.runtime.*", classes.toString());
        assertEquals(0, status, "jdeps failed: " + err);
        Map<String, Set<String>> graph = new TreeMap<>();
        Matcher m = EDGE.matcher(out.toString());
        while (m.find()) {
            graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
            graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
            if (!m.group(1).equals(m.group(2))) {
                graph.get(m.group(1)).add(m.group(2));
            }
        }
        return graph;
    }

    /** A path from {@code start} back to itself, or an empty list. */
    private static List<String> cycleThrough(String start, Map<String, Set<String>> graph) {
        List<String> path = new ArrayList<>(List.of(start));
        return walk(start, start, graph, path, new TreeSet<>()) ? path : List.of();
    }

    private static boolean walk(String target, String at, Map<String, Set<String>> graph, List<String> path,
            Set<String> seen) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            path.add(next);
            if (next.equals(target) || (seen.add(next) && walk(target, next, graph, path, seen))) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    private static String relative(String pkg) {
        return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    }
}
