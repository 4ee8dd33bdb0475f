package dev.witbind.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built {@code witbind.jar} as a separate process, as a user runs it ({@code java -jar witbind.jar ...}),
 * feeding stdin and collecting stdout, stderr and the exit status. Failsafe passes the jar's path in
 * {@code witbind.jar}, after {@code package} built it.
 */
final class WitbindProcess {
    private static final long TIMEOUT_SECONDS = 120;

    /** What a run gave. */
    record Outcome(int status, String stdout, String stderr) {
        @Override
        public String toString() {
            return "status " + status + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** What a run gave, byte for byte: for goldens that a decoding must not change. */
    record RawOutcome(int status, byte[] stdout, byte[] stderr) {
        Outcome decoded() {
            return new Outcome(status, new String(stdout, StandardCharsets.UTF_8),
                    new String(stderr, StandardCharsets.UTF_8));
        }
    }

    private WitbindProcess() {}

    static Path jar() {
        Path jar = Path.of(System.getProperty("witbind.jar", "target/witbind.jar"));
        if (!Files.isRegularFile(jar)) {
            fail("no " + jar + ": these tests run after mvn package (mvn verify runs them in that order)");
        }
        return jar;
    }

    /** The WASI fixtures' folder, {@code wasi/src/test/guests}. */
    static Path wasiGuests() {
        return Path.of(System.getProperty("witbind.guests", "../wasi/src/test/guests"));
    }

    static Outcome run(List<String> args) {
        return run(args, new byte[0]);
    }

    static Outcome run(List<String> args, byte[] stdin) {
        return runRaw(args, stdin).decoded();
    }

    static RawOutcome runRaw(List<String> args, byte[] stdin) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the guest need not read its stdin to the end; a closed pipe is its choice
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("witbind " + args + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new RawOutcome(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads a stream to its end on a thread of its own (the common pool may have one thread on two cores). */
    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = stream) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            Thread thread = new Thread(task, "witbind-process-drain");
            thread.setDaemon(true);
            thread.start();
        });
    }
}
