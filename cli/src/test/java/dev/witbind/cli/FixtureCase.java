package dev.witbind.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code cases/<case>.case} of the WASI fixtures (wasi/src/test/guests/README.md has the directive table):
 * the guest's arguments, environment, preopens and stdin, and the scratch tree to build for it. The tree's
 * directives are kept in order and applied in order, as goldens.sh applies them.
 *
 * @param args the arguments after argv[0]
 * @param env the guest's whole environment, in the order given
 * @param tree the dir, file and symlink directives, in order
 * @param preopens the guest path of each preopen and the folder under the scratch folder it is
 * @param stdin what the guest reads
 */
record FixtureCase(List<String> args, Map<String, String> env, List<Entry> tree, List<Preopen> preopens,
        byte[] stdin) {

    /** Something to create under the scratch folder: a folder, a file with its text, or a link with its target. */
    record Entry(Kind kind, String path, String content) {}

    enum Kind { DIR, FILE, SYMLINK }

    /** A preopen: the scratch folder's {@code path} as the guest's {@code guest}. */
    record Preopen(String guest, String path) {}

    static FixtureCase read(Path caseFile) throws IOException {
        return parse(Files.readString(caseFile, StandardCharsets.UTF_8), caseFile.toString());
    }

    /** Parses a case file's text; {@code source} names it in errors. */
    static FixtureCase parse(String text, String source) {
        List<String> args = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        List<Entry> tree = new ArrayList<>();
        List<Preopen> preopens = new ArrayList<>();
        byte[] stdin = new byte[0];
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String kind = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1);
            switch (kind) {
                case "arg" -> args.add(rest);
                case "env" -> {
                    int equals = rest.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException(source + ": expected env NAME=value in: " + line);
                    }
                    env.put(rest.substring(0, equals), rest.substring(equals + 1));
                }
                case "dir" -> tree.add(new Entry(Kind.DIR, rest, ""));
                case "file" -> tree.add(new Entry(Kind.FILE, left(rest, source), right(rest, source)));
                case "symlink" -> tree.add(new Entry(Kind.SYMLINK, left(rest, source), right(rest, source)));
                case "preopen" -> preopens.add(new Preopen(left(rest, source), right(rest, source)));
                case "stdin-text" -> stdin = (rest + "\n").getBytes(StandardCharsets.UTF_8);
                case "stdin-bytes" -> {
                    stdin = new byte[Integer.parseInt(rest)];
                    for (int i = 0; i < stdin.length; i++) {
                        stdin[i] = (byte) (i % 251);
                    }
                }
                default -> throw new IllegalArgumentException(source + ": unknown directive " + kind);
            }
        }
        return new FixtureCase(List.copyOf(args), env, List.copyOf(tree), List.copyOf(preopens), stdin);
    }

    /** Creates the tree under {@code scratch}: files hold their text and a newline; {@code @SCRATCH@} in a link's
     * target is the scratch folder's absolute path. */
    void build(Path scratch) throws IOException {
        for (Entry entry : tree) {
            Path path = scratch.resolve(entry.path());
            switch (entry.kind()) {
                case DIR -> Files.createDirectories(path);
                case FILE -> {
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, entry.content() + "\n", StandardCharsets.UTF_8);
                }
                case SYMLINK -> {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.content().replace("@SCRATCH@",
                            scratch.toAbsolutePath().toString())));
                }
            }
        }
    }

    /** {@code <a> = <b>}: the part before the first {@code " = "} (paths may hold spaces). */
    private static String left(String rest, String source) {
        return rest.substring(0, separator(rest, source));
    }

    private static String right(String rest, String source) {
        return rest.substring(separator(rest, source) + 3);
    }

    private static int separator(String rest, String source) {
        int at = rest.indexOf(" = ");
        if (at < 0) {
            throw new IllegalArgumentException(source + ": expected <a> = <b> in: " + rest);
        }
        return at;
    }
}
