package dev.witbind.processor.generation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The {@link java.util.ServiceLoader} index that lets the runtime find every bindings class:
 * {@code META-INF/services/dev.witbind.runtime.bindings.WitBindings}, one class name a line, sorted.
 */
public final class ServiceIndex {
    /** Where the index lives in the class output. */
    public static final String PATH = "META-INF/services/dev.witbind.runtime.bindings.WitBindings";

    private ServiceIndex() {}

    /** The class names an index lists, ignoring blank lines and {@code #} comments as ServiceLoader does. */
    public static SortedSet<String> parse(String content) {
        SortedSet<String> classNames = new TreeSet<>();
        for (String line : content.split("\n", -1)) {
            int comment = line.indexOf('#');
            String className = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!className.isEmpty()) {
                classNames.add(className);
            }
        }
        return classNames;
    }

    /** The index text: the class names sorted, one a line. */
    public static String render(Collection<String> classNames) {
        StringBuilder text = new StringBuilder();
        for (String className : new TreeSet<>(classNames)) {
            text.append(className).append('\n');
        }
        return text.toString();
    }

    /**
     * Writes the index with {@code classNames} added to the names an earlier build left in the class output, so
     * that an incremental build, which compiles only some of the annotated classes, keeps the others.
     *
     * @param originatingElements the annotated classes, for incremental builds; passed to the filer untouched
     */
    public static void write(Filer filer, Collection<String> classNames, List<? extends Element> originatingElements)
            throws IOException {
        SortedSet<String> all = new TreeSet<>(classNames);
        all.addAll(readExisting(filer));
        FileObject index = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH,
                originatingElements.toArray(new Element[0]));
        try (OutputStream out = index.openOutputStream()) {
            // ServiceLoader reads its files as UTF-8 whatever the platform encoding is.
            out.write(render(all).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static SortedSet<String> readExisting(Filer filer) {
        try (InputStream in = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH).openInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException noEarlierIndex) {
            // The usual case of a clean build: there is nothing to keep.
            return new TreeSet<>();
        }
    }
}
