package dev.witbind.cli;

import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestModule;
import dev.witbind.wit.WitException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code witbind} command: parses the command line, runs the command, and turns every failure into one line
 * on stderr and an exit status (2 for a command line that cannot be run, 1 for anything else, as Wasmtime's), with
 * the stack trace only for {@code --verbose}. The command line is {@code wasmtime run}'s; {@code run} and
 * {@code check} wait for the WASI host.
 */
final class Witbind {
    static final int USAGE = 2;
    static final int FAILED = 1;

    private final PrintStream out;
    private final PrintStream err;

    Witbind(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
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
            }
            // run and check need the WASI 0.2 host (issue 15), which this build does not have yet: say so plainly.
            String name = command instanceof CommandLine.Check ? "check" : "run";
            err.println("witbind: " + name + " needs the built-in WASI 0.2 host, which this build of witbind does not "
                    + "have yet; this build has inspect");
            return FAILED;
        } catch (WitException | GuestFileException e) {
            return fail(command, e, FAILED, "");
        } catch (RuntimeException e) {
            // A bug of ours or of the guest's host functions: still one line, and the trace with --verbose.
            return fail(command, e, FAILED, "internal error: " + e.getClass().getName() + ": ");
        }
    }

    private int fail(CommandLine command, Exception e, int status, String prefix) {
        err.println("witbind: " + prefix + e.getMessage());
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

    /** A guest file that cannot be read; the message names the file. */
    static final class GuestFileException extends Exception {
        private static final long serialVersionUID = 1L;

        GuestFileException(String message) {
            super(message);
        }
    }
}
