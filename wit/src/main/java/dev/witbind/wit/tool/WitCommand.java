package dev.witbind.wit.tool;

import dev.witbind.wit.parser.WitOptions;
import dev.witbind.wit.parser.WitPackages;
import dev.witbind.wit.parser.WitParseException;
import dev.witbind.wit.print.WitPrinter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code wit print DIR [DEP...] [--features a,b] [--all-features]}: resolves a WIT directory (or {@code .wit} file)
 * with its {@code deps/} and any further dependencies, and prints it back as normalised WIT ({@link WitPrinter}), so
 * that a user sees what witbind understood. Exit status 0 on success, 1 when the WIT does not load (one line with
 * the place and the reason, then the excerpt), 2 on a usage error.
 */
public final class WitCommand {
    private static final String USAGE = "usage: wit print DIR|FILE [DEPENDENCY...] [--features NAME,...] [--all-features]";

    private WitCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command with its output on {@code out} and errors on {@code err}; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !args[0].equals("print")) {
            err.println(USAGE);
            return 2;
        }
        List<Path> paths = new ArrayList<>();
        Set<String> features = new LinkedHashSet<>();
        boolean all = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--all-features" -> all = true;
                case "--features" -> {
                    if (i + 1 == args.length) {
                        err.println("--features needs a comma-separated list of feature names\n" + USAGE);
                        return 2;
                    }
                    features.addAll(Arrays.asList(args[++i].split(",")));
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        err.println("unknown option '" + args[i] + "'\n" + USAGE);
                        return 2;
                    }
                    paths.add(Path.of(args[i]));
                }
            }
        }
        if (paths.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        WitOptions options = all ? WitOptions.ALL_FEATURES : WitOptions.withFeatures(features);
        try {
            out.print(WitPrinter.print(WitPackages.load(paths.get(0), paths.subList(1, paths.size()), options)));
            return 0;
        } catch (WitParseException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
