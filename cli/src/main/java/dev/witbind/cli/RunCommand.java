package dev.witbind.cli;

import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.InstancePre;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitHostException;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.wasi.Wasi;
import dev.witbind.wasi.config.WasiConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code witbind run}: a command component through {@code wasi:cli/run}, or with {@code --invoke} one exported
 * function, on the built-in WASI host, as {@code wasmtime run} does. The guest sees only what the command line gives
 * it: its arguments, the {@code --env} variables and the {@code --dir} folders, and the process's standard streams.
 */
final class RunCommand {
    /**
     * The guest's standard streams (the process's own in {@link Main}, buffers in tests), and the host environment
     * that {@code --env NAME} without a value reads.
     */
    record Host(InputStream stdin, OutputStream stdout, OutputStream stderr, Map<String, String> environment) {}

    private final CommandLine.Run run;
    private final Host host;

    RunCommand(CommandLine.Run run, Host host) {
        this.run = run;
        this.host = host;
    }

    /**
     * Runs the guest and returns the process's exit status: {@link Wasi#run}'s for a command (0, 1 when
     * {@code run} returns {@code err}, or the status the guest exited with), 0 after an {@code --invoke}, whose
     * result {@code out} gets as one line of WAVE (or the status the function exited with).
     *
     * @throws CommandLine.UsageException when the {@code --invoke} call names no export or its arguments do not fit
     * @throws Witbind.GuestFileException when the file cannot be read, is a core module, or is not a command
     */
    int execute(PrintStream out) throws CommandLine.UsageException, Witbind.GuestFileException {
        Witbind.Guest guest = Witbind.Guest.read(run.wasm());
        if (guest.component() == null) {
            throw new Witbind.GuestFileException(coreModuleMessage(run.wasm().toString()));
        }
        GuestComponent component = guest.component();
        // The call is resolved and its arguments parsed before the guest is instantiated: a mistyped command line
        // should not run the guest's initialisation (which may print) before it is refused.
        Optional<InvokeCall> invoke = run.invoke().isPresent()
                ? Optional.of(InvokeCall.resolve(component, run.invoke().get()))
                : Optional.empty();
        InstancePre linked;
        try {
            linked = Wasi.register(new Linker()).instantiatePre(component);
        } catch (WitLinkException e) {
            throw new Witbind.GuestFileException(linkMessage(e, run.wasm().toString()), e);
        }
        if (invoke.isEmpty() && !isCommand(component)) {
            throw new Witbind.GuestFileException(component.name() + " is not a command (it exports no wasi:cli/run); "
                    + "call one of its functions with --invoke 'name(arguments)': " + InvokeCall.describeFunctions(component));
        }
        GuestInstance instance = linked.instantiate(run.engine(), config(run, host));
        if (invoke.isEmpty()) {
            return Wasi.run(instance);
        }
        try {
            invoke.get().call(instance).ifPresent(out::println);
            return 0;
        } catch (WitHostException failure) {
            // The function may end the program as main would, through wasi:cli/exit: its status, as Wasmtime gives.
            return Wasi.exitStatus(failure).orElseThrow(() -> failure);
        }
    }

    /**
     * What the guest sees of the host, from the command line: {@code argv[0]} is the file as given (as Wasmtime
     * gives it), then the guest's arguments; only the {@code --env} variables ({@code --env NAME} alone passes the
     * host's value, and nothing when the host has none); each {@code --dir HOST[::GUEST]} preopened read-write.
     *
     * @throws Witbind.GuestFileException when a {@code --dir} is not a folder
     */
    static WasiConfig config(CommandLine.Run run, Host host) throws Witbind.GuestFileException {
        WasiConfig.Builder config = WasiConfig.builder()
                .arg(run.wasm().toString())
                .stdin(host.stdin())
                .stdout(host.stdout())
                .stderr(host.stderr());
        run.guestArgs().forEach(config::arg);
        run.env().forEach((name, value) -> {
            String given = value.orElseGet(() -> host.environment().get(name));
            if (given != null) {
                config.env(name, given);
            }
        });
        for (CommandLine.Preopen dir : run.dirs()) {
            try {
                config.preopen(dir.host(), dir.guest());
            } catch (IllegalArgumentException e) {
                throw new Witbind.GuestFileException("--dir " + dir.host() + ": " + e.getMessage());
            }
        }
        return config.build();
    }

    /** Whether the component exports {@code wasi:cli/run} (at any version: {@link Wasi#run} picks the track). */
    private static boolean isCommand(GuestComponent component) {
        return component.exports().stream().anyMatch(export -> export.name().startsWith("wasi:cli/run@"));
    }

    /**
     * A link error in one line that stays readable: its first problem, and check for the others (a guest built for
     * a WASI the host lacks misses dozens of functions, each a long line in the linker's message).
     */
    static String linkMessage(WitLinkException e, String wasm) {
        List<String> lines = e.getMessage().lines().map(String::strip).toList();
        String message = lines.get(0) + (lines.size() > 1 ? ": " + lines.get(1).replaceFirst("^- ", "") : "");
        return lines.size() > 2 ? message + "; and " + (lines.size() - 2) + " more: witbind check " + wasm
                + " lists every import" : message;
    }

    /** A core module is refused with the commands that make it a component, since users usually have one at hand. */
    static String coreModuleMessage(String wasm) {
        String base = wasm.endsWith(".wasm") ? wasm.substring(0, wasm.length() - ".wasm".length()) : wasm;
        return wasm + " is a core module, not a component; witbind runs components: make one with jco new " + wasm
                + " --wasi-command -o " + base + ".component.wasm (or wasm-tools component new " + wasm
                + " --adapt wasi_snapshot_preview1.command.wasm -o " + base + ".component.wasm)";
    }
}
