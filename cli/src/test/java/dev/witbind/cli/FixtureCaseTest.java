package dev.witbind.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.cli.FixtureCase.Entry;
import dev.witbind.cli.FixtureCase.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureCaseTest {

    @Test
    void everyDirectiveInOrder() {
        FixtureCase fixture = FixtureCase.parse("""
                # a comment
                arg one
                arg
                arg two  words = x
                env B=2
                env A=x=y
                env EMPTY=

                dir data/sub
                file data/with space.txt = hello = there
                symlink data/out = @SCRATCH@/x
                preopen /my data = data
                stdin-text Hi!
                """, "test.case");
        assertEquals(List.of("one", "", "two  words = x"), fixture.args());
        assertEquals(Map.of("B", "2", "A", "x=y", "EMPTY", ""), fixture.env());
        assertEquals(List.of("B", "A", "EMPTY"), List.copyOf(fixture.env().keySet()));
        assertEquals(List.of(new Entry(Kind.DIR, "data/sub", ""),
                new Entry(Kind.FILE, "data/with space.txt", "hello = there"),
                new Entry(Kind.SYMLINK, "data/out", "@SCRATCH@/x")), fixture.tree());
        assertEquals(List.of(new FixtureCase.Preopen("/my data", "data")), fixture.preopens());
        assertArrayEquals("Hi!\n".getBytes(StandardCharsets.UTF_8), fixture.stdin());
    }

    @Test
    void stdinBytesAndTheDefaults() {
        byte[] stdin = FixtureCase.parse("stdin-bytes 600\n", "x").stdin();
        assertEquals(600, stdin.length);
        assertEquals(0, stdin[0]);
        assertEquals((byte) 250, stdin[250]);
        assertEquals(0, stdin[251]);
        assertEquals(97, stdin[599]);
        FixtureCase empty = FixtureCase.parse("# nothing\n", "x");
        assertEquals(List.of(), empty.args());
        assertEquals(Map.of(), empty.env());
        assertEquals(0, empty.stdin().length);
    }

    @Test
    void theTreeIsBuiltUnderTheScratchFolder(@TempDir Path scratch) throws IOException {
        FixtureCase.parse("""
                file a/b/c.txt = text
                dir empty
                symlink a/rel = b/c.txt
                symlink a/abs = @SCRATCH@/a/b/c.txt
                """, "x").build(scratch);
        assertEquals("text\n", Files.readString(scratch.resolve("a/b/c.txt")));
        assertTrue(Files.isDirectory(scratch.resolve("empty")));
        assertEquals(Path.of("b/c.txt"), Files.readSymbolicLink(scratch.resolve("a/rel")));
        assertEquals(scratch.toAbsolutePath().resolve("a/b/c.txt"), Files.readSymbolicLink(scratch.resolve("a/abs")));
        assertEquals("text\n", Files.readString(scratch.resolve("a/abs")));
    }

    @Test
    void everyCommittedCaseParses() throws IOException {
        List<Path> cases;
        try (var files = Files.walk(WitbindProcess.wasiGuests())) {
            cases = files.filter(file -> file.toString().endsWith(".case")).toList();
        }
        assertTrue(cases.size() >= 25, "found " + cases.size());
        for (Path file : cases) {
            FixtureCase.read(file);
        }
    }

    @Test
    void anUnknownDirectiveIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> FixtureCase.parse("stdout x\n", "x"));
        assertThrows(IllegalArgumentException.class, () -> FixtureCase.parse("file no-separator\n", "x"));
    }
}
