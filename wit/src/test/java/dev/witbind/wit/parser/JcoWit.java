package dev.witbind.wit.parser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The real WASI WIT that the npm package {@code @bytecodealliance/jco} ships under {@code lib/wit/builtin/}
 * (third-party text, so it is fetched at test time and never committed). The first call runs
 * {@code npm pack @bytecodealliance/jco@1.35.0} into {@code wit/target/npm/} and unpacks {@code lib/wit/};
 * later calls (and later builds, until {@code mvn clean}) reuse it.
 *
 * <p>Without npm the tests fail with a message saying so: CI has npm, and a silent skip would hide that the real
 * WIT was never checked. Only a build that says it has no npm ({@code mvn verify -Dwitbind.withoutNpm}, which also
 * leaves out the modules built from the WASI WIT) skips them instead: the tests that call this are marked
 * {@link NeedsWasiWit}, and one that is not fails in that build, saying so.
 */
public final class JcoWit {
    public static final String PACKAGE = "@bytecodealliance/jco@1.35.0";
    private static final String TARBALL = "bytecodealliance-jco-1.35.0.tgz";
    private static final String KEEP = "package/lib/wit/";
    /** The property of a build without npm: see the class comment and the README. */
    public static final String WITHOUT_NPM = "witbind.withoutNpm";

    private JcoWit() {}

    /** {@code .../package/lib/wit/builtin}, fetched on first use. */
    public static synchronized Path builtin() {
        // @NeedsWasiWit is the one way such a test is skipped; reaching here in that build means a test lacks it.
        // (The user's -D options reach the forked test JVM as system properties: Surefire passes them on.)
        if (System.getProperty(WITHOUT_NPM) != null) {
            fail("this test reads the real WASI WIT, which a -D" + WITHOUT_NPM + " build does not fetch: mark it (or "
                    + "its class, when @BeforeAll reads the WIT) @" + NeedsWasiWit.class.getSimpleName()
                    + ", which skips it in that build");
        }
        Path npmDir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target/npm");
        Path unpacked = npmDir.resolve("jco-1.35.0");
        Path builtin = unpacked.resolve("package/lib/wit/builtin");
        Path complete = unpacked.resolve(".complete");
        if (Files.exists(complete)) {
            return builtin;
        }
        try {
            Files.createDirectories(npmDir);
            Path tarball = npmDir.resolve(TARBALL);
            if (!Files.exists(tarball)) {
                npmPack(npmDir);
            }
            extract(tarball, unpacked);
            Files.writeString(complete, PACKAGE + "\n");
        } catch (IOException e) {
            fail("could not unpack " + PACKAGE + " into " + npmDir + ": " + e, e);
        }
        return builtin;
    }

    private static void npmPack(Path directory) throws IOException {
        String npm = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm";
        Process process;
        try {
            process = new ProcessBuilder(npm, "pack", PACKAGE, "--silent")
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            fail("these tests need npm on the PATH to fetch the real WASI WIT (" + npm + " pack " + PACKAGE
                    + "), but it could not be started: " + e.getMessage() + ". Install Node.js with npm, or build "
                    + "without what needs it: mvn verify -D" + WITHOUT_NPM);
            return;
        }
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(npm + " pack " + PACKAGE + " did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for npm pack");
        }
        if (process.exitValue() != 0 || !Files.exists(directory.resolve(TARBALL))) {
            fail(npm + " pack " + PACKAGE + " failed (exit " + process.exitValue() + "):\n" + output);
        }
    }

    /** Unpacks the tarball's {@code package/lib/wit/} (a ustar archive, gzipped) into {@code target}. */
    private static void extract(Path tarball, Path target) throws IOException {
        Path temporary = Files.createTempDirectory(target.getParent(), "unpack");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball))) {
            byte[] header = new byte[512];
            while (readFully(in, header)) {
                String name = field(header, 0, 100);
                if (name.isEmpty()) {
                    break;
                }
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                String sizeField = field(header, 124, 12).trim();
                long size = sizeField.isEmpty() ? 0 : Long.parseLong(sizeField, 8);
                char type = (char) header[156];
                byte[] content = readBytes(in, size);
                long padding = (512 - size % 512) % 512;
                readBytes(in, padding);
                boolean regular = type == '0' || type == 0;
                if (regular && name.startsWith(KEEP) && !name.contains("..")) {
                    Path file = temporary.resolve(name);
                    Files.createDirectories(file.getParent());
                    Files.write(file, content);
                }
            }
        }
        if (Files.exists(target)) {
            deleteRecursively(target);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int read = in.readNBytes(buffer, 0, buffer.length);
        return read == buffer.length;
    }

    private static byte[] readBytes(InputStream in, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long left = size;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("truncated tar archive");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
        return out.toByteArray();
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
