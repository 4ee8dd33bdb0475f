package dev.witbind.cli;

import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.errors.WitTrapException;
import dev.witbind.wit.WitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code witbind} command: parses the command line, runs the command, and turns every failure into one line
 * on stderr and an exit status as Wasmtime's: 2 for a command line that cannot be run, 134 for a guest that trapped
 * (what a process killed by SIGABRT reports), 1 for anything else; the stack trace only for {@code --verbose}.
 */
final class Witbind {
    static final int USAGE = 2;
    static final int FAILED = 1;
    static final int TRAPPED = 134;

    private final PrintStream out;
    private final PrintStream err;
    private final RunCommand.Host host;

    /** For {@code run}: the guest gets {@code host}'s streams and environment; our own output goes to out and err. */
    Witbind(PrintStream out, PrintStream err, RunCommand.Host host) {
        this.out = out;
        this.err = err;
        this.host = host;
    }

    /** Empty input for a guest, whose output goes to out and err, and the process's environment. */
    Witbind(PrintStream out, PrintStream err) {
        this(out, err, new RunCommand.Host(InputStream.nullInputStream(), out, err, System.getenv()));
    }

    /** Runs the command {@code args} name and returns the process's exit status. */
    int execute(List<String> args) {
        CommandLine command;
        try {
            command = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("witbind: " + e.getMessage());
            return USAGE;
        }
        try {
            if (command instanceof CommandLine.Help) {
                out.print(CommandLine.USAGE);
                return 0;
            } else if (command instanceof CommandLine.Version) {
                out.println("witbind " + version());
                return 0;
            } else if (command instanceof CommandLine.Inspect inspect) {
                return inspect(inspect.wasm());
            } else if (command instanceof CommandLine.Check check) {
                return CheckCommand.execute(check.wasm(), out);
            }
            return new RunCommand((CommandLine.Run) command, host).execute(out);
        } catch (CommandLine.UsageException e) {
            return fail(command, e, USAGE, "");
        } catch (WitTrapException e) {
            return fail(command, e, TRAPPED, "error: ");
        } catch (WitException | GuestFileException e) {
            return fail(command, e, FAILED, "");
        } catch (RuntimeException e) {
            // A bug of ours or of the guest's host functions: still one line, and the trace with --verbose.
            return fail(command, e, FAILED, "internal error: " + e.getClass().getName() + ": ");
        }
    }

    private int fail(CommandLine command, Exception e, int status, String prefix) {
        // One line whatever the message: some (a link report's, a trap's with a guest's text) hold several.
        String message = String.valueOf(e.getMessage());
        err.println("witbind: " + prefix + String.join("; ", message.lines().map(String::strip).toList()));
        if (command.verbose()) {
            e.printStackTrace(err);
        } else if (status == FAILED && prefix.startsWith("internal")) {
            err.println("witbind: run with --verbose for the stack trace");
        }
        return status;
    }

    private int inspect(Path wasm) throws GuestFileException {
        Guest guest = Guest.read(wasm);
        if (guest.component() != null) {
            out.println(guest.component().world()); // as jco wit, which ends the text with a line of its own
        } else {
            out.println("// " + wasm.getFileName() + " is a core module, not a component; its imports:");
            guest.module().imports().forEach(coreImport -> out.println("//   " + coreImport.qualifiedName()
                    + coreImport.type().map(type -> ": " + type).orElse(" (" + coreImport.kind() + ")")));
        }
        return 0;
    }

    private static String version() {
        String version = Witbind.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    /** A guest file, read as a component, or as a core module when it is one. */
    record Guest(GuestComponent component, GuestModule module) {
        static Guest read(Path wasm) throws GuestFileException {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(wasm);
            } catch (NoSuchFileException e) {
                throw new GuestFileException("no such file: " + wasm);
            } catch (IOException e) {
                throw new GuestFileException("cannot read " + wasm + ": " + e.getMessage());
            }
            String name = wasm.getFileName() == null ? wasm.toString() : wasm.getFileName().toString();
            if (GuestComponent.isComponent(bytes)) {
                return new Guest(GuestComponent.parse(name, bytes), null);
            }
            try {
                return new Guest(null, GuestModule.parse(name, bytes));
            } catch (WitException e) {
                throw new GuestFileException(name + " is neither a component nor a core module witbind can read: "
                        + e.getMessage());
            }
        }
    }

    /**
     * A guest that cannot be run as asked: a file that cannot be read, a core module given to run, a component that
     * does not link or is no command, a {@code --dir} that is no folder. The message says which, naming it.
     */
    static final class GuestFileException extends Exception {
        private static final long serialVersionUID = 1L;

        GuestFileException(String message) {
            super(message);
        }

        GuestFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
