package dev.witbind.benchmarks;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.InstancePre;
import dev.witbind.runtime.Linker;
import dev.witbind.wasi.Wasi;
import dev.witbind.wasi.config.WasiConfig;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * WASI throughput (issue 15, item 6), each against what the JVM does alone:
 *
 * <ul>
 *   <li>stdout: the {@code write-stdout} command writes 64 MiB to stdout in 4 KiB {@code write}s (each one
 *       {@code blocking-write-and-flush} through the preview-1 adapter), to a {@link FileOutputStream} on
 *       {@code /dev/null}; the baseline writes the same 16,384 chunks of 4 KiB to the same kind of stream. Goal:
 *       the guest at least half as fast.
 *   <li>file read: the {@code read-file} command reads a 64 MiB file under a preopen in 64 KiB reads (looking at
 *       two bytes of each); the baseline is {@link Files#readAllBytes}. Goal: at least half as fast.
 * </ul>
 *
 * One operation is one run of the command ({@code wasi:cli/run}) on a fresh instance, made before the operation
 * (instantiating one of these components takes about 7 ms, which is not I/O): the score is the time to move 64 MiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WasiThroughputBenchmark {
    static final int MIB = 1024 * 1024;
    static final int MEBIBYTES = 64;
    static final int CHUNK = 4096;

    @Param({"COMPILER"})
    public Engine engine;

    private InstancePre writeStdout;
    private InstancePre readFile;
    private Path folder;
    private OutputStream devNull;
    private byte[] chunk;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Linker linker = Wasi.register(new Linker());
        writeStdout = linker.instantiatePre(Guests.component("wasi/write-stdout.wasm"));
        readFile = linker.instantiatePre(Guests.component("wasi/read-file.wasm"));
        folder = Files.createTempDirectory("witbind-wasi-bench");
        byte[] content = new byte[MEBIBYTES * MIB];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }
        Files.write(folder.resolve("data.bin"), content);
        devNull = new FileOutputStream("/dev/null");
        chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) 'x');
    }

    /** A fresh write-stdout instance for the next operation: a command runs once per instance. */
    @State(Scope.Thread)
    public static class FreshWriter {
        GuestInstance instance;

        @Setup(Level.Invocation)
        public void instantiate(WasiThroughputBenchmark bench) {
            instance = bench.writeStdout.instantiate(bench.engine, WasiConfig.builder()
                    .args(List.of("write-stdout", Integer.toString(MEBIBYTES)))
                    .stdout(bench.devNull).build());
        }
    }

    /** A fresh read-file instance, with the stdout it prints its one line to. */
    @State(Scope.Thread)
    public static class FreshReader {
        GuestInstance instance;
        ByteArrayOutputStream out;

        @Setup(Level.Invocation)
        public void instantiate(WasiThroughputBenchmark bench) {
            out = new ByteArrayOutputStream();
            instance = bench.readFile.instantiate(bench.engine, WasiConfig.builder()
                    .args(List.of("read-file", "/data/data.bin"))
                    .preopenReadOnly(bench.folder, "/data").stdout(out).build());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        devNull.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public int stdoutGuest(FreshWriter writer) {
        return check(Wasi.run(writer.instance));
    }

    @Benchmark
    public int stdoutJava() throws IOException {
        for (int i = 0; i < MEBIBYTES * MIB / CHUNK; i++) {
            devNull.write(chunk, 0, CHUNK);
        }
        return 0;
    }

    @Benchmark
    public int fileReadGuest(FreshReader reader) {
        return check(Wasi.run(reader.instance)) + reader.out.size();
    }

    /** The JVM reading the file, and nothing else. */
    @Benchmark
    public int fileReadJava() throws IOException {
        return Files.readAllBytes(folder.resolve("data.bin")).length;
    }

    private static int check(int status) {
        if (status != 0) {
            throw new IllegalStateException("the guest exited with status " + status);
        }
        return status;
    }
}
