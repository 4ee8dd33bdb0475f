package dev.witbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wasi.config.Preopen;
import dev.witbind.wasi.config.WasiConfig;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code witbind run}'s command line gives the guest, as a {@link WasiConfig}. */
class RunCommandTest {
    private static final RunCommand.Host HOST = new RunCommand.Host(InputStream.nullInputStream(),
            new ByteArrayOutputStream(), new ByteArrayOutputStream(), Map.of("HOME", "/home/me", "EMPTY", ""));

    private static WasiConfig config(String... args) throws Exception {
        return RunCommand.config((CommandLine.Run) CommandLine.parse(List.of(args)), HOST);
    }

    @Test
    void argvZeroIsTheFileAsGivenThenTheGuestsArguments() throws Exception {
        assertEquals(List.of("dir/prog.wasm", "a", "--env", "", "b c"),
                config("run", "dir/prog.wasm", "a", "--env", "", "b c").args());
        assertEquals(List.of("prog.wasm"), config("prog.wasm").args());
    }

    @Test
    void theGuestGetsOnlyTheVariablesNamedAndANameAlonePassesTheHostsValue() throws Exception {
        WasiConfig config = config("run", "--env", "A=1", "--env", "HOME", "--env", "UNSET", "--env", "EMPTY",
                "--env", "B=", "--env", "C=x=y", "p.wasm");
        assertEquals(Map.of("A", "1", "HOME", "/home/me", "EMPTY", "", "B", "", "C", "x=y"), config.env());
        assertEquals(List.of("A", "HOME", "EMPTY", "B", "C"), List.copyOf(config.env().keySet()), "in order given");
        assertEquals(Map.of(), config("p.wasm").env(), "nothing of the host's without --env");
    }

    @Test
    void dirsArePreopenedAsGivenOrUnderTheirGuestPath(@TempDir Path scratch) throws Exception {
        Path data = Files.createDirectory(scratch.resolve("data"));
        WasiConfig config = config("run", "--dir", data.toString(), "--dir", data + "::/mnt/data", "p.wasm");
        assertEquals(List.of(new Preopen(data, data.toString(), false), new Preopen(data, "/mnt/data", false)),
                config.preopens());
        assertEquals(List.of(), config("p.wasm").preopens(), "no folder without --dir");
    }

    @Test
    void aDirThatIsNoFolderIsAnErrorNamingIt(@TempDir Path scratch) {
        Path missing = scratch.resolve("missing");
        Witbind.GuestFileException e = assertThrows(Witbind.GuestFileException.class,
                () -> config("run", "--dir", missing + "::/m", "p.wasm"));
        assertTrue(e.getMessage().startsWith("--dir " + missing + ": "), e.getMessage());
    }

    @Test
    void theGuestsStreamsAreTheHosts() throws Exception {
        WasiConfig config = config("p.wasm");
        assertEquals(HOST.stdin(), config.stdin());
        assertEquals(HOST.stdout(), config.stdout());
        assertEquals(HOST.stderr(), config.stderr());
    }

    @Test
    void aCoreModuleIsRefusedWithHowToMakeAComponent() {
        assertEquals("x/p.wasm is a core module, not a component; witbind runs components: make one with jco new "
                + "x/p.wasm --wasi-command -o x/p.component.wasm (or wasm-tools component new x/p.wasm --adapt "
                + "wasi_snapshot_preview1.command.wasm -o x/p.component.wasm)", RunCommand.coreModuleMessage("x/p.wasm"));
    }
}
