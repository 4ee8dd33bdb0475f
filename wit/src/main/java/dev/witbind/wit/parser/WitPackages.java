package dev.witbind.wit.parser;

import dev.witbind.wit.parser.model.ResolvedWit;
import dev.witbind.wit.parser.resolve.Resolver;
import dev.witbind.wit.parser.resolve.SourceUnit;
import dev.witbind.wit.parser.syntax.Ast;
import dev.witbind.wit.parser.syntax.WitParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads WIT: the entry point of the pipeline {@code text -> Lexer -> WitParser (syntax tree) -> Resolver (model)}.
 *
 * <p>A package on disk is a directory of {@code .wit} files plus a {@code deps/} folder whose entries (directories
 * laid out the same way, or single {@code .wit} files) are its dependencies (WIT.md "Filesystem structure"). A
 * dependency directory may have its own {@code deps/}; a package that appears more than once must have the same
 * text each time. References between packages with a version find that version, or else the highest loaded version
 * on the same compatibility track.
 *
 * <p>Every problem with the input, including unreadable files, surfaces as a {@link WitParseException}; nothing else
 * escapes.
 */
public final class WitPackages {
    private WitPackages() {}

    /**
     * Loads the package in {@code root} (a directory, or a single {@code .wit} file whose dependencies are inline
     * {@code package ... { }} blocks) with the dependencies in its {@code deps/} folder.
     */
    public static ResolvedWit load(Path root) {
        return load(root, List.of());
    }

    /**
     * Loads the package in {@code root} and its {@code deps/}, plus further dependencies at the given paths (each a
     * directory or {@code .wit} file, as if it were in {@code deps/}), for dependencies kept elsewhere.
     */
    public static ResolvedWit load(Path root, List<Path> dependencies) {
        return load(root, dependencies, WitOptions.DEFAULT);
    }

    /** {@link #load(Path)} with the given features enabled. */
    public static ResolvedWit load(Path root, WitOptions options) {
        return load(root, List.of(), options);
    }

    /** {@link #load(Path, List)} with the given features enabled. */
    public static ResolvedWit load(Path root, List<Path> dependencies, WitOptions options) {
        return guarded(root.toString(), () -> {
            Map<String, SourceText> sources = new LinkedHashMap<>();
            List<SourceUnit> units = new ArrayList<>();
            Set<Path> seen = new HashSet<>();
            addUnit(root, units, sources, seen, true);
            for (Path dependency : dependencies) {
                addUnit(dependency, units, sources, seen, true);
            }
            return Resolver.resolve(units, sources, options);
        });
    }

    /** Resolves one in-memory file: a package and, inline as {@code package ... { }} blocks, its dependencies. */
    public static ResolvedWit parse(String path, String text) {
        return parse(List.of(new WitSource(path, text)), List.of());
    }

    /**
     * Resolves in-memory sources: the files of the root package and, for each dependency, its files (as if each
     * list were one entry of {@code deps/}).
     */
    public static ResolvedWit parse(List<WitSource> rootFiles, List<List<WitSource>> dependencies) {
        return parse(rootFiles, dependencies, WitOptions.DEFAULT);
    }

    /** {@link #parse(String, String)} with the given features enabled. */
    public static ResolvedWit parse(String path, String text, WitOptions options) {
        return parse(List.of(new WitSource(path, text)), List.of(), options);
    }

    /** {@link #parse(List, List)} with the given features enabled. */
    public static ResolvedWit parse(List<WitSource> rootFiles, List<List<WitSource>> dependencies,
            WitOptions options) {
        String rootName = rootFiles.isEmpty() ? "<no files>" : rootFiles.get(0).path();
        return guarded(rootName, () -> {
            if (rootFiles.isEmpty()) {
                throw new WitParseException(WitParseException.Kind.IO, SourceLocation.file(rootName),
                        "no WIT sources to parse", "");
            }
            Map<String, SourceText> sources = new LinkedHashMap<>();
            List<SourceUnit> units = new ArrayList<>();
            units.add(unit(rootName, rootFiles, sources));
            for (List<WitSource> dependency : dependencies) {
                if (!dependency.isEmpty()) {
                    units.add(unit(dependency.get(0).path(), dependency, sources));
                }
            }
            return Resolver.resolve(units, sources, options);
        });
    }

    private static SourceUnit unit(String description, List<WitSource> files, Map<String, SourceText> sources) {
        List<Ast.File> parsed = new ArrayList<>();
        for (WitSource file : files) {
            SourceText text = new SourceText(file);
            if (sources.putIfAbsent(file.path(), text) != null) {
                throw new WitParseException(WitParseException.Kind.IO, SourceLocation.file(file.path()),
                        "two sources have the path '" + file.path() + "'; paths name sources in errors, so they must "
                                + "differ", "");
            }
            parsed.add(WitParser.parse(text));
        }
        return new SourceUnit(description, parsed);
    }

    /** Adds a directory (its .wit files, then each entry of its deps/) or a single .wit file. */
    private static void addUnit(Path path, List<SourceUnit> units, Map<String, SourceText> sources, Set<Path> seen,
            boolean required) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new WitParseException(WitParseException.Kind.IO, SourceLocation.file(path.toString()),
                    "cannot read '" + path + "': " + describe(e), "");
        }
        if (!seen.add(real)) {
            return;
        }
        if (!Files.isDirectory(real)) {
            units.add(unit(path.toString(), List.of(read(path)), sources));
            return;
        }
        List<Path> witFiles = list(path).stream()
                .filter(p -> p.getFileName().toString().endsWith(".wit") && Files.isRegularFile(p))
                .toList();
        if (witFiles.isEmpty() && required) {
            throw new WitParseException(WitParseException.Kind.IO, SourceLocation.file(path.toString()),
                    "no .wit files in '" + path + "'", "");
        }
        if (!witFiles.isEmpty()) {
            units.add(unit(path.toString(), witFiles.stream().map(WitPackages::read).toList(), sources));
        }
        Path deps = path.resolve("deps");
        if (Files.isDirectory(deps)) {
            for (Path entry : list(deps)) {
                boolean witFile = entry.getFileName().toString().endsWith(".wit") && Files.isRegularFile(entry);
                if (witFile || Files.isDirectory(entry)) {
                    addUnit(entry, units, sources, seen, false);
                }
            }
        }
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new WitParseException(WitParseException.Kind.IO, SourceLocation.file(directory.toString()),
                    "cannot list '" + directory + "': " + describe(e), "");
        }
    }

    private static WitSource read(Path file) {
        try {
            return new WitSource(file.toString(), Files.readString(file));
        } catch (CharacterCodingException e) {
            throw new WitParseException(WitParseException.Kind.IO, SourceLocation.file(file.toString()),
                    "'" + file + "' is not valid UTF-8", "");
        } catch (IOException e) {
            throw new WitParseException(WitParseException.Kind.IO, SourceLocation.file(file.toString()),
                    "cannot read '" + file + "': " + describe(e), "");
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private interface Step {
        ResolvedWit run();
    }

    /**
     * The promise that bad input yields only {@link WitParseException}: anything else thrown while reading WIT is a bug
     * of ours, reported as one (with the input named) instead of escaping as an unexpected exception type.
     */
    private static ResolvedWit guarded(String what, Step step) {
        try {
            return step.run();
        } catch (WitParseException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            String reason = e instanceof StackOverflowError
                    ? "the WIT is nested or chained too deeply to resolve"
                    : "internal error while reading WIT (" + e + "); please report it with the input";
            WitParseException wrapped = new WitParseException(WitParseException.Kind.RESOLVE, SourceLocation.file(what), reason, "");
            wrapped.initCause(e);
            throw wrapped;
        }
    }
}
