package dev.witbind.processor.bindgen;

import com.palantir.javapoet.JavaFile;
import dev.witbind.annotations.WitBindgen;
import dev.witbind.processor.diagnostics.Diagnostic;
import dev.witbind.processor.diagnostics.Messages;
import dev.witbind.processor.validation.WitSources;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.Label;
import dev.witbind.wit.parser.WitPackages;
import dev.witbind.wit.parser.WitParseException;
import dev.witbind.wit.parser.model.ResolvedWit;
import dev.witbind.wit.parser.model.WitPackage;
import dev.witbind.wit.parser.model.WitWorld;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The work for one {@code @WitBindgen} element: find and load its WIT, find the world, and write what
 * {@link BindingsFromWit} generates into the element's package. It reads only the annotation's values and the WIT,
 * never other elements' types, so it runs in the first round the element is seen and the classes that use the
 * generated types resolve in the next.
 */
public final class BindgenStep {
    private static final String ANNOTATION = WitBindgen.class.getCanonicalName();

    private final Elements elements;
    private final Filer filer;
    private final Messager messager;
    private final Optional<String> option;
    private final Function<Element, Optional<Path>> sourceFiles;
    private final BindingsFromWit generator;

    /**
     * @param option the value of {@code -Awitbind.wit}, or empty when the option is absent
     * @param sourceFiles the source file of an element, when it is a file on disk
     */
    public BindgenStep(Elements elements, Filer filer, Messager messager, Optional<String> option,
            Function<Element, Optional<Path>> sourceFiles, String processorName) {
        this.elements = elements;
        this.filer = filer;
        this.messager = messager;
        this.option = option;
        this.sourceFiles = sourceFiles;
        this.generator = new BindingsFromWit(processorName);
    }

    /** Reports the element's problems, or writes the bindings of its world. */
    public void process(Element element) {
        Optional<AnnotationMirror> found = element.getAnnotationMirrors().stream()
                .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
                        .contentEquals(ANNOTATION))
                .map(AnnotationMirror.class::cast)
                .findFirst();
        if (found.isEmpty()) {
            return;
        }
        AnnotationMirror mirror = found.get();
        WitBindgen annotation = element.getAnnotation(WitBindgen.class);
        String world = annotation.world();
        Optional<AnnotationValue> worldValue = value(mirror, "world");
        Optional<String> invalid = checkWorldName(world);
        if (invalid.isPresent()) {
            report(element, mirror, worldValue, Messages.bindgenInvalidWorld(world, invalid.get()));
            return;
        }
        Optional<AnnotationValue> witValue = value(mirror, "wit");
        List<Path> directories;
        String where;
        if (annotation.wit().length > 0) {
            directories = Arrays.stream(annotation.wit()).map(String::strip).filter(path -> !path.isEmpty())
                    .map(path -> Path.of(path).toAbsolutePath().normalize()).toList();
            where = "wit() (" + join(directories) + ")";
        } else if (option.isPresent()) {
            directories = WitSources.paths(option.get());
            where = "-A" + Messages.WIT_OPTION + " (" + join(directories) + ")";
        } else {
            Optional<Path> root = sourceFiles.apply(element).flatMap(WitSources::conventionDirectory);
            directories = root.map(WitSources::packageDirectories).orElse(List.of());
            where = root.map(r -> "'" + r + "'").orElse("");
        }
        if (directories.isEmpty()) {
            report(element, mirror, Optional.empty(), Messages.bindgenNoWit(world));
            return;
        }
        List<ResolvedWit> wits = new ArrayList<>();
        for (Path directory : directories) {
            try {
                wits.add(WitPackages.load(directory));
            } catch (WitParseException problem) {
                report(element, mirror, witValue,
                        Messages.bindgenWitDoesNotLoad("'" + directory + "'", problem.getMessage()));
                return;
            }
        }
        // Several directories may each have a version of the world's package: the exact name wins over the track.
        List<WitWorld> matches = wits.stream().map(wit -> wit.findWorld(world)).flatMap(Optional::stream).toList();
        Optional<WitWorld> resolved = matches.stream().filter(w -> w.id().equals(world)).findFirst()
                .or(() -> matches.stream().findFirst());
        if (resolved.isEmpty()) {
            TreeSet<String> available = new TreeSet<>();
            wits.forEach(wit -> wit.packages().stream().map(WitPackage::worlds).map(Map::values)
                    .forEach(worlds -> worlds.forEach(w -> available.add(w.id()))));
            report(element, mirror, worldValue, Messages.bindgenWorldNotFound(world, where, List.copyOf(available)));
            return;
        }
        String javaPackage = element instanceof PackageElement pkg ? pkg.getQualifiedName().toString()
                : elements.getPackageOf(element).getQualifiedName().toString();
        BindingsFromWit.Outcome outcome = generator.generate(resolved.get(), javaPackage, List.of(element));
        if (outcome instanceof BindingsFromWit.Outcome.Refused refused) {
            refused.problems().forEach(problem -> report(element, mirror, worldValue, problem));
            return;
        }
        for (JavaFile file : ((BindingsFromWit.Outcome.Generated) outcome).files()) {
            try {
                file.writeTo(filer);
            } catch (IOException e) {
                Diagnostic.on(element, Messages.couldNotWrite(file.packageName() + "." + file.typeSpec().name(),
                        e.getMessage())).printTo(messager);
                return;
            }
        }
    }

    /** Why a world name is neither a label nor a full name, or empty when it is one. */
    private static Optional<String> checkWorldName(String world) {
        if (world.indexOf(':') >= 0) {
            try {
                InterfaceName.parse(world);
                return Optional.empty();
            } catch (InvalidNameException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Label.isLabel(world) ? Optional.empty()
                : Optional.of("'" + world + "' is not a kebab-case label and has no 'namespace:package/'");
    }

    private static Optional<AnnotationValue> value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    private void report(Element element, AnnotationMirror mirror, Optional<AnnotationValue> value, String message) {
        (value.isPresent() ? Diagnostic.on(element, mirror, value.get(), message)
                : Diagnostic.on(element, mirror, message)).printTo(messager);
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
