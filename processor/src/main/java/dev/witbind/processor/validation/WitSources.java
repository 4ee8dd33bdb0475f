package dev.witbind.processor.validation;

import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.Version;
import dev.witbind.wit.parser.WitOptions;
import dev.witbind.wit.parser.WitPackages;
import dev.witbind.wit.parser.WitParseException;
import dev.witbind.wit.parser.model.ResolvedWit;
import dev.witbind.wit.parser.model.WitInterfaceDef;
import dev.witbind.wit.parser.model.WitPackage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.lang.model.element.TypeElement;

/**
 * Finds the WIT a {@code @WitInterface} class is verified against, loads it once per directory and processor run,
 * and picks the interface out of it.
 *
 * <p>Where the WIT is: the directories of the option {@code -Awitbind.wit=<dir>[<path separator><dir>...]}, each a
 * WIT package directory with its {@code deps/} (or a single {@code .wit} file), as {@link WitPackages#load(Path)}
 * takes them; an empty value turns verification off. Without the option, the convention of Maven and Gradle: the
 * {@code src/main/wit/} of the nearest project directory whose {@code src/} holds the class's source file; it is a
 * package directory when it holds {@code .wit} files, and so is each of its subdirectories (except {@code deps/})
 * that does; without it, the project's {@code wit/} folder, likewise. Without either, nothing is verified, the interface
 * the Java class declares stands, and a note on the annotation says so.
 */
public final class WitSources {
    /** The directory the convention looks for, relative to a project directory. */
    public static final Path CONVENTION = Path.of("src", "main", "wit");
    /** The other directory it looks for, the {@code wit/} of cargo-component and wit-bindgen, at the project root. */
    public static final Path ROOT_CONVENTION = Path.of("wit");

    private final Optional<List<Path>> explicit;
    private final Function<TypeElement, Optional<Path>> sourceFiles;
    private final Map<Path, Loaded> loaded = new HashMap<>();
    /** Directories whose WIT failed to load and was reported: later classes are not told again. */
    private final Set<Path> reported = new HashSet<>();

    /** What loading one directory gave. */
    private sealed interface Loaded {
        record Resolved(ResolvedWit wit) implements Loaded {}

        record Failed(WitParseException problem) implements Loaded {}
    }

    /**
     * @param option the value of {@code -Awitbind.wit}, or empty when the option is absent
     * @param sourceFiles the source file of a class, when it is a file on disk
     */
    public WitSources(Optional<String> option, Function<TypeElement, Optional<Path>> sourceFiles) {
        this.explicit = option.map(WitSources::paths);
        this.sourceFiles = Objects.requireNonNull(sourceFiles, "sourceFiles");
    }

    /** Verification off: no option, no convention. */
    public static WitSources none() {
        return new WitSources(Optional.of(""), type -> Optional.empty());
    }

    public static List<Path> paths(String option) {
        return Arrays.stream(option.split(File.pathSeparator)).map(String::strip).filter(path -> !path.isEmpty())
                .map(path -> Path.of(path).toAbsolutePath().normalize())
                .toList();
    }

    /** What the lookup for one class found. */
    public sealed interface Lookup {
        /**
         * No WIT to verify against: the interface the Java class declares stands.
         *
         * @param why where WIT was looked for and not found, for a note; empty when verification is off on purpose
         *     (an empty {@code -Awitbind.wit}) or the WIT's problem was reported already
         */
        record None(Optional<String> why) implements Lookup {}

        /** A problem to report on the {@code @WitInterface} annotation. */
        record Problem(String message) implements Lookup {}

        /**
         * The WIT has the interface, in one or more versions (the annotated version among them or not).
         *
         * @param candidates the interface in each loaded version of its package, lowest version first
         * @param where the WIT's directories, for messages
         */
        record Found(List<Candidate> candidates, String where) implements Lookup {
            public Found {
                candidates = List.copyOf(candidates);
                if (candidates.isEmpty()) {
                    throw new IllegalArgumentException("at least one candidate");
                }
            }
        }
    }

    /** The interface in one version of its package. */
    public record Candidate(WitPackage pkg, WitInterfaceDef iface) {}

    /** Finds the WIT of {@code name} for the class {@code type}. */
    public Lookup find(TypeElement type, InterfaceName name) {
        List<Path> directories;
        String where;
        if (explicit.isPresent()) {
            directories = explicit.get();
            where = "-A" + Messages.WIT_OPTION + " (" + join(directories) + ")";
        } else {
            Optional<Path> source = sourceFiles.apply(type);
            if (source.isEmpty()) {
                return new Lookup.None(Optional.of("there is no -A" + Messages.WIT_OPTION + " option, and its source "
                        + "is not a file, so no wit/ or src/main/wit/ folder beside it could be looked for"));
            }
            Optional<Path> witRoot = conventionDirectory(source.get());
            if (witRoot.isEmpty()) {
                return new Lookup.None(Optional.of("there is no -A" + Messages.WIT_OPTION + " option, and no wit/ or "
                        + "src/main/wit/ folder in a project directory above '" + source.get() + "' (one with the src/ "
                        + "that holds it)"));
            }
            directories = packageDirectories(witRoot.get());
            where = "'" + witRoot.get() + "' (the " + conventionName(witRoot.get()) + " beside the sources)";
            if (directories.isEmpty()) {
                return new Lookup.None(Optional.of("'" + witRoot.get() + "' has no .wit files, nor a folder of them"));
            }
        }
        if (directories.isEmpty()) {
            return new Lookup.None(Optional.empty());
        }
        List<ResolvedWit> wits = new ArrayList<>();
        for (Path directory : directories) {
            Loaded result = loaded.computeIfAbsent(directory, WitSources::load);
            if (result instanceof Loaded.Failed failed) {
                // Reported once, on the first class that needed it; later classes are not verified.
                return reported.add(directory)
                        ? new Lookup.Problem(Messages.witDoesNotLoad("'" + directory + "'", failed.problem().getMessage()))
                        : new Lookup.None(Optional.empty());
            }
            wits.add(((Loaded.Resolved) result).wit());
        }
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        TreeSet<String> available = new TreeSet<>();
        for (ResolvedWit wit : wits) {
            for (WitPackage pkg : wit.packages()) {
                pkg.interfaces().keySet().forEach(label -> available.add(pkg.interfaceName(label).toString()));
                boolean samePackage = pkg.name().namespace().equals(name.namespace())
                        && pkg.name().name().equals(name.packageName());
                Optional<WitInterfaceDef> iface = pkg.iface(name.interfaceName());
                if (samePackage && iface.isPresent()) {
                    candidates.putIfAbsent(pkg.name().toString(), new Candidate(pkg, iface.get()));
                }
            }
        }
        if (candidates.isEmpty()) {
            return new Lookup.Problem(Messages.interfaceNotInWit(name.toString(), where, explicit.isPresent(),
                    List.copyOf(available)));
        }
        List<Candidate> sorted = candidates.values().stream()
                .sorted(Comparator.comparing((Candidate c) -> c.pkg().name().version().orElse(null),
                        Comparator.nullsFirst(Comparator.<Version>naturalOrder())))
                .toList();
        return new Lookup.Found(sorted, where);
    }

    private static Loaded load(Path directory) {
        try {
            // Every feature: a class may implement an @unstable function or leave it out, so verification sees them.
            return new Loaded.Resolved(WitPackages.load(directory, WitOptions.ALL_FEATURES));
        } catch (WitParseException problem) {
            return new Loaded.Failed(problem);
        }
    }

    /**
     * The {@code src/main/wit} of the nearest project whose {@code src/} holds the source file, or else that project's
     * {@code wit/} (the convention of cargo-component and wit-bindgen). Sources outside a {@code src/} tree, such as
     * generated sources under {@code target/} or {@code build/}, have none: they are not beside the WIT, and may
     * implement interfaces it does not have.
     */
    public static Optional<Path> conventionDirectory(Path sourceFile) {
        for (Path directory = sourceFile.toAbsolutePath().getParent(); directory != null;
                directory = directory.getParent()) {
            Path project = directory.getParent();
            if (project == null || !directory.getFileName().toString().equals(CONVENTION.getName(0).toString())) {
                continue;
            }
            for (Path candidate : List.of(project.resolve(CONVENTION), project.resolve(ROOT_CONVENTION))) {
                if (Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code src/main/wit} or {@code wit}, for messages. */
    private static String conventionName(Path witRoot) {
        return witRoot.endsWith(CONVENTION) ? CONVENTION.toString().replace(File.separatorChar, '/')
                : ROOT_CONVENTION.toString();
    }

    /** The package directories of a convention directory: itself if it holds .wit files, and each subdirectory that does. */
    public static List<Path> packageDirectories(Path witRoot) {
        List<Path> directories = new ArrayList<>();
        if (hasWitFiles(witRoot)) {
            directories.add(witRoot);
        }
        for (Path entry : list(witRoot)) {
            if (Files.isDirectory(entry) && !entry.getFileName().toString().equals("deps") && hasWitFiles(entry)) {
                directories.add(entry);
            }
        }
        return directories;
    }

    private static boolean hasWitFiles(Path directory) {
        return list(directory).stream()
                .anyMatch(entry -> entry.getFileName().toString().endsWith(".wit") && Files.isRegularFile(entry));
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException unreadable) {
            // WitPackages reports an unreadable directory when it loads it; here it just has no packages.
            return List.of();
        }
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
