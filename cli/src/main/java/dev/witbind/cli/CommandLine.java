package dev.witbind.cli;

import dev.witbind.runtime.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code witbind} command line, parsed: which command, with which options. {@code run} follows
 * {@code wasmtime run}: options come before the {@code .wasm} file, and everything after it is the guest's
 * (its arguments, options included); {@code witbind x.wasm} alone means {@code witbind run x.wasm}, as for
 * {@code wasmtime}.
 */
sealed interface CommandLine {

    String USAGE = """
            Usage: witbind run [OPTIONS] <WASM> [ARGS]...
                   witbind check <WASM>
                   witbind inspect <WASM>
                   witbind --help | --version

            Commands:
              run       run a WASI 0.2 command component (wasi:cli/run) on the built-in WASI host, as wasmtime run;
                        the guest sees only the arguments, variables and folders given here, and this process's
                        stdin, stdout and stderr. Options (before <WASM>; everything after it is the guest's):
                          --dir HOST[::GUEST]   preopen the folder HOST, as GUEST (default: as HOST)
                          --env NAME[=VAL]      set a variable; NAME alone passes this process's value, if any
                          --invoke 'f(ARGS)'    call the exported function f with WAVE arguments, print its result
                          --engine interpreter|compiler   Chicory's interpreter (default) or its compiler
                        exit status: the guest's (0; 1 when run returns err; the code it exited with), 134 when
                        it traps, 1 when it does not link, 2 for a command line that cannot run
              check     how each import resolves against the built-in WASI host; exit status 0 when all do
              inspect   print the component's world as WIT (for a core module: its imports)

            Options of every command:
              --verbose   print the stack trace of an error
            """;

    /** Whether errors should come with their stack trace. */
    boolean verbose();

    /** {@code witbind run}. */
    record Run(Path wasm, List<String> guestArgs, List<Preopen> dirs, Map<String, Optional<String>> env,
            Optional<String> invoke, Engine engine, boolean verbose) implements CommandLine {
        public Run {
            Objects.requireNonNull(wasm, "wasm");
            guestArgs = List.copyOf(guestArgs);
            dirs = List.copyOf(dirs);
            env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        }
    }

    /** {@code witbind inspect}. */
    record Inspect(Path wasm, boolean verbose) implements CommandLine {}

    /** {@code witbind check}. */
    record Check(Path wasm, boolean verbose) implements CommandLine {}

    /** {@code witbind --help}. */
    record Help() implements CommandLine {
        @Override
        public boolean verbose() {
            return false;
        }
    }

    /** {@code witbind --version}. */
    record Version() implements CommandLine {
        @Override
        public boolean verbose() {
            return false;
        }
    }

    /** A {@code --dir}: the host folder and the path the guest sees it at. */
    record Preopen(Path host, String guest) {}

    /** A command line that cannot be run; the message says what is wrong, in one line. */
    final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Parses the arguments after {@code witbind}.
     *
     * @throws UsageException naming the argument that is wrong
     */
    static CommandLine parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("no command given; try witbind --help");
        }
        String first = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (first) {
            case "-h", "--help", "help":
                return new Help();
            case "-V", "--version":
                return new Version();
            case "run":
                return parseRun(rest);
            case "inspect":
                return new Inspect(singleWasm("inspect", rest), rest.contains("--verbose"));
            case "check":
                return new Check(singleWasm("check", rest), rest.contains("--verbose"));
            default:
                if (first.startsWith("-")) {
                    return parseRun(args); // wasmtime's implicit run: witbind --dir . x.wasm
                }
                if (!first.contains(".") && !first.contains("/")) {
                    throw new UsageException("unknown command '" + first + "'; the commands are run, inspect and "
                            + "check (witbind --help)");
                }
                return parseRun(args);
        }
    }

    private static Run parseRun(List<String> args) throws UsageException {
        List<Preopen> dirs = new ArrayList<>();
        Map<String, Optional<String>> env = new LinkedHashMap<>();
        Optional<String> invoke = Optional.empty();
        Engine engine = Engine.INTERPRETER;
        boolean verbose = false;
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            Optional<String> inline = name.equals(arg) ? Optional.empty() : Optional.of(arg.substring(name.length() + 1));
            switch (name) {
                case "--dir" -> {
                    String value = value(name, inline, args, i);
                    dirs.add(preopen(value));
                }
                case "--env" -> {
                    String value = value(name, inline, args, i);
                    int equals = value.indexOf('=');
                    String variable = equals < 0 ? value : value.substring(0, equals);
                    if (variable.isEmpty()) {
                        throw new UsageException("--env " + value + " names no variable; write --env NAME=VALUE");
                    }
                    env.put(variable, equals < 0 ? Optional.empty() : Optional.of(value.substring(equals + 1)));
                }
                case "--invoke" -> invoke = Optional.of(value(name, inline, args, i));
                case "--engine" -> engine = engine(value(name, inline, args, i));
                case "--verbose" -> verbose = true;
                default -> throw new UsageException("unknown option '" + name + "' of run (witbind --help lists them)");
            }
            i += inline.isPresent() || name.equals("--verbose") ? 1 : 2;
        }
        if (i >= args.size()) {
            throw new UsageException("run needs the .wasm file to run: witbind run [OPTIONS] <WASM> [ARGS]...");
        }
        return new Run(path(args.get(i)), args.subList(i + 1, args.size()), dirs, env, invoke, engine, verbose);
    }

    private static String value(String option, Optional<String> inline, List<String> args, int i)
            throws UsageException {
        if (inline.isPresent()) {
            return inline.get();
        }
        if (i + 1 >= args.size()) {
            throw new UsageException(option + " needs a value (witbind --help)");
        }
        return args.get(i + 1);
    }

    private static Preopen preopen(String value) throws UsageException {
        int separator = value.indexOf("::");
        String host = separator < 0 ? value : value.substring(0, separator);
        String guest = separator < 0 ? value : value.substring(separator + 2);
        if (host.isEmpty() || guest.isEmpty()) {
            throw new UsageException("--dir " + value + " needs a host folder and, after ::, a guest path");
        }
        return new Preopen(path(host), guest);
    }

    private static Path path(String text) throws UsageException {
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("'" + text + "' is not a path: " + e.getReason());
        }
    }

    private static Engine engine(String value) throws UsageException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "interpreter" -> Engine.INTERPRETER;
            case "compiler" -> Engine.COMPILER;
            default -> throw new UsageException("--engine " + value + " is not an engine; use interpreter or compiler");
        };
    }

    private static Path singleWasm(String command, List<String> args) throws UsageException {
        List<String> files = args.stream().filter(arg -> !arg.equals("--verbose")).toList();
        if (files.size() != 1 || files.get(0).startsWith("-")) {
            throw new UsageException(command + " takes one .wasm file: witbind " + command + " <WASM>");
        }
        return path(files.get(0));
    }
}
