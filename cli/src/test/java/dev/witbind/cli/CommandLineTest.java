package dev.witbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.cli.CommandLine.Preopen;
import dev.witbind.cli.CommandLine.UsageException;
import dev.witbind.runtime.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void optionsBeforeTheFileAreOursAndEverythingAfterItIsTheGuests() throws UsageException {
        CommandLine.Run run = (CommandLine.Run) CommandLine.parse(List.of("run", "--dir", "/tmp/data::/data",
                "--dir=.", "--env", "A=1", "--env=B", "--env", "C=x=y", "--engine", "compiler", "--verbose",
                "prog.wasm", "--dir", "x", "--", "-v"));
        assertEquals(Path.of("prog.wasm"), run.wasm());
        assertEquals(List.of("--dir", "x", "--", "-v"), run.guestArgs());
        assertEquals(List.of(new Preopen(Path.of("/tmp/data"), "/data"), new Preopen(Path.of("."), ".")), run.dirs());
        assertEquals(Map.of("A", Optional.of("1"), "B", Optional.empty(), "C", Optional.of("x=y")), run.env());
        assertEquals(List.of("A", "B", "C"), List.copyOf(run.env().keySet()), "in the order given");
        assertEquals(Engine.COMPILER, run.engine());
        assertTrue(run.verbose());
        assertEquals(Optional.empty(), run.invoke());
    }

    @Test
    void runIsImpliedAsForWasmtimeAndTheInterpreterIsTheDefault() throws UsageException {
        CommandLine.Run bare = (CommandLine.Run) CommandLine.parse(List.of("hello.wasm", "a"));
        assertEquals(Path.of("hello.wasm"), bare.wasm());
        assertEquals(List.of("a"), bare.guestArgs());
        assertEquals(Engine.INTERPRETER, bare.engine());
        CommandLine.Run withOption = (CommandLine.Run) CommandLine.parse(List.of("--invoke", "greet(\"x\")", "r.wasm"));
        assertEquals(Optional.of("greet(\"x\")"), withOption.invoke());
        CommandLine.Run afterDashes = (CommandLine.Run) CommandLine.parse(List.of("run", "--", "-odd.wasm"));
        assertEquals(Path.of("-odd.wasm"), afterDashes.wasm());
    }

    @Test
    void theOtherCommands() throws UsageException {
        assertEquals(new CommandLine.Inspect(Path.of("x.wasm"), false), CommandLine.parse(List.of("inspect", "x.wasm")));
        assertEquals(new CommandLine.Check(Path.of("x.wasm"), true),
                CommandLine.parse(List.of("check", "--verbose", "x.wasm")));
        assertInstanceOf(CommandLine.Help.class, CommandLine.parse(List.of("--help")));
        assertInstanceOf(CommandLine.Help.class, CommandLine.parse(List.of("help")));
        assertInstanceOf(CommandLine.Version.class, CommandLine.parse(List.of("--version")));
    }

    @Test
    void aCommandLineThatCannotRunSaysWhyInOneLine() {
        assertUsage(List.of(), "no command given; try witbind --help");
        assertUsage(List.of("frobnicate"), "unknown command 'frobnicate'; the commands are run, inspect and check");
        assertUsage(List.of("run"), "run needs the .wasm file to run");
        assertUsage(List.of("run", "--dir"), "--dir needs a value");
        assertUsage(List.of("run", "--dir", "::/data", "x.wasm"), "needs a host folder and, after ::, a guest path");
        assertUsage(List.of("run", "--env", "=1", "x.wasm"), "--env =1 names no variable");
        assertUsage(List.of("run", "--engine", "jit", "x.wasm"), "--engine jit is not an engine; use interpreter or compiler");
        assertUsage(List.of("run", "--fuel", "9", "x.wasm"), "unknown option '--fuel' of run");
        assertUsage(List.of("inspect"), "inspect takes one .wasm file");
        assertUsage(List.of("check", "a.wasm", "b.wasm"), "check takes one .wasm file");
        assertUsage(List.of("inspect", "a\0.wasm"), "is not a path");
    }

    private static void assertUsage(List<String> args, String message) {
        UsageException e = assertThrows(UsageException.class, () -> CommandLine.parse(args));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
