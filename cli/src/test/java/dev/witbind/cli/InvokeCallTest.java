package dev.witbind.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.GuestComponent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code --invoke 'name(args)'} finds the export and parses its arguments, on the WASI fixtures. */
class InvokeCallTest {
    private static final GuestComponent REACTOR = GuestComponent.read(
            WitbindProcess.wasiGuests().resolve("reactor/reactor.wasm"));
    /** A command: it exports the interface wasi:cli/run@0.2.12 with its function run. */
    private static final GuestComponent COMMAND = GuestComponent.read(
            WitbindProcess.wasiGuests().resolve("hello/hello.wasm"));

    @Test
    void aWorldLevelFunctionWithWaveArguments() throws CommandLine.UsageException {
        InvokeCall call = InvokeCall.resolve(REACTOR, "greet(\"Wörld ✓\")");
        assertEquals("greet", call.function());
        assertEquals("func(name: string) -> string", call.type().toString());
        assertEquals(List.of("Wörld ✓"), call.arguments());
        assertEquals(List.of("spaced"), InvokeCall.resolve(REACTOR, " greet ( \"spaced\" ) ").arguments());
    }

    @Test
    void aFunctionOfAnExportedInterfaceByItsNameOnItsTrackOrAlone() throws CommandLine.UsageException {
        assertEquals("wasi:cli/run@0.2.12#run", InvokeCall.resolve(COMMAND, "wasi:cli/run@0.2.12#run()").function());
        assertEquals("wasi:cli/run@0.2.12#run", InvokeCall.resolve(COMMAND, "wasi:cli/run@0.2.0#run()").function(),
                "0.2.0 is on the track of the exported 0.2.12");
        assertEquals("wasi:cli/run@0.2.12#run", InvokeCall.resolve(COMMAND, "run()").function(),
                "the one exported interface with a function run");
    }

    @Test
    void mistakesAreOneLineUsageErrorsThatSayWhatThereIs() {
        assertUsage(REACTOR, "greet", "--invoke greet: expected a call such as name(arguments)");
        assertUsage(REACTOR, "(\"x\")", "nothing names the function before '('");
        assertUsage(REACTOR, "hello(\"x\")", "--invoke: reactor.wasm exports no function 'hello'; it exports greet");
        assertUsage(REACTOR, "greet(1)", "--invoke greet(1): the arguments of greet: func(name: string) -> string "
                + "do not parse: ");
        assertUsage(REACTOR, "greet()", "the arguments of greet");
        assertUsage(REACTOR, "greet(\"a\", \"b\")", "the arguments of greet");
        assertUsage(COMMAND, "wasi:cli/run@0.3.0#run()", "exports no function 'wasi:cli/run@0.3.0#run'; it exports "
                + "wasi:cli/run@0.2.12#run");
        assertUsage(COMMAND, "wasi:cli/run@0.2.12#walk()", "exports no function 'wasi:cli/run@0.2.12#walk'");
    }

    private static void assertUsage(GuestComponent component, String call, String message) {
        CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class,
                () -> InvokeCall.resolve(component, call));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
