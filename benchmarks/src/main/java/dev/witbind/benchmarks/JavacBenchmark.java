package dev.witbind.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 5: javac (in process, through {@code javax.tools}, as build tools and IDEs run it) on {@value #CLASSES}
 * {@code @WitInterface} classes of 10 functions each, with the witbind processor and with {@code -proc:none}.
 * Each operation is a whole compilation with a fresh file manager; warm-up iterations warm javac itself, so the
 * figures are those of a build daemon rather than of a cold {@code javac} process.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JavacBenchmark {
    static final int CLASSES = 200;
    private static final String PROCESSOR = "dev.witbind.processor.WitInterfaceProcessor";

    @Param({"true", "false"})
    public boolean processor;

    private Path work;
    private List<Path> sources;
    private JavaCompiler javac;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        javac = ToolProvider.getSystemJavaCompiler();
        work = Files.createTempDirectory("witbind-javac-bench");
        Path dir = Files.createDirectories(work.resolve("src/bench/javac"));
        sources = new ArrayList<>();
        for (int i = 0; i < CLASSES; i++) {
            Path source = dir.resolve(String.format("Host%03d.java", i));
            Files.writeString(source, source(i), StandardCharsets.UTF_8);
            sources.add(source);
        }
    }

    /** The shape of the generated ManyHostNNNN classes: one interface, ten {@code func(x: s32) -> s32}. */
    private static String source(int i) {
        StringBuilder source = new StringBuilder()
                .append("package bench.javac;\n\n")
                .append("import dev.witbind.annotations.WitInterface;\n\n")
                .append(String.format("@WitInterface(\"bench:javac/i%03d@1.2.3\")%n", i))
                .append(String.format("public final class Host%03d {%n", i));
        for (int f = 0; f < 10; f++) {
            source.append(String.format("    public int f%d(int x) { return x + %d; }%n", f, i * 10 + f));
        }
        return source.append("}\n").toString();
    }

    @Benchmark
    public boolean javac() throws IOException {
        Path out = Files.createDirectories(work.resolve("out"));
        String classPath = System.getProperty("java.class.path");
        List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-classpath", classPath,
                "-s", Files.createDirectories(work.resolve("generated")).toString(), "--release", "17"));
        if (processor) {
            options.addAll(List.of("-processorpath", classPath, "-processor", PROCESSOR));
        } else {
            options.add("-proc:none");
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            boolean ok = javac.getTask(null, files, null, options, null, units).call();
            if (!ok) {
                throw new IllegalStateException("javac failed");
            }
            return ok;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (processor && !Files.exists(work.resolve("out/bench/javac/Host000_WitBindings.class"))) {
            throw new IllegalStateException("the processor generated no bindings");
        }
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
