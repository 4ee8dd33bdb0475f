package dev.witbind.runtime;

import dev.witbind.runtime.bindings.WitBindings;
import dev.witbind.runtime.errors.WitBindingsException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Finds the generated {@link WitBindings} of an annotated class through the processor's
 * {@code META-INF/services/dev.witbind.runtime.bindings.WitBindings} index (the {@link java.util.ServiceLoader} format).
 *
 * <p>The bindings of {@code a.b.Outer.Inner} are {@code a.b.Outer_Inner_WitBindings}, so a lookup needs the index
 * only to confirm that the class is listed: the index is read once per class loader (names only, no class
 * loaded), then only the one bindings class is loaded and instantiated. Iterating a {@code ServiceLoader} instead
 * re-read the index and loaded listed classes on every lookup; registering 1,000 interfaces in a fresh JVM took
 * about 3 s that way. Results are cached per class.
 */
final class BindingsIndex {
    private static final String INDEX = "META-INF/services/" + WitBindings.class.getName();

    private static final ClassValue<WitBindings<?>> BINDINGS = new ClassValue<>() {
        @Override
        protected WitBindings<?> computeValue(Class<?> type) {
            return find(type);
        }
    };

    /** The listed class names per loader; weak keys, and names hold no reference to their loader. */
    private static final Map<ClassLoader, Set<String>> LISTED = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The usual causes, in the order users meet them: Maven 3.8's default compiler plugin (3.1) ignores
     * {@code annotationProcessorPaths}, which arrived in 3.5; and JDK 23 and later run no processor found only on
     * the class path unless told to.
     */
    static final String PROCESSOR_DID_NOT_RUN = "it is annotated @WitInterface, so the witbind processor did not run "
            + "when it was compiled. With Maven, list dev.witbind:witbind-processor under the maven-compiler-plugin's "
            + "<annotationProcessorPaths> and give the plugin a <version> of 3.5 or later (Maven 3.8's default, "
            + "3.1, ignores that list); on JDK 23 or later a processor only on the class path also needs "
            + "-proc:full. Then rebuild the class";

    private BindingsIndex() {}

    /** By name: the runtime does not depend on the annotations jar, which a host may leave off at run time. */
    private static boolean annotatedWitInterface(Class<?> type) {
        for (java.lang.annotation.Annotation annotation : type.getAnnotations()) {
            if (annotation.annotationType().getName().equals("dev.witbind.annotations.WitInterface")) {
                return true;
            }
        }
        return false;
    }

    static WitBindings<?> forClass(Class<?> type) {
        return BINDINGS.get(type);
    }

    /** {@code a.b.Outer_Inner_WitBindings} for {@code a.b.Outer.Inner}: the processor's sibling naming. */
    private static String bindingsClassName(Class<?> type) {
        String packagePrefix = type.getPackageName().isEmpty() ? "" : type.getPackageName() + ".";
        return packagePrefix + type.getName().substring(packagePrefix.length()).replace('$', '_') + "_WitBindings";
    }

    private static WitBindings<?> find(Class<?> type) {
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        String expected = bindingsClassName(type);
        if (!LISTED.computeIfAbsent(loader, BindingsIndex::readIndex).contains(expected)) {
            throw new WitBindingsException(type.getName() + " has no generated witbind bindings (" + expected
                    + " in " + INDEX + "): " + (annotatedWitInterface(type) ? PROCESSOR_DID_NOT_RUN
                    : "annotate it with @WitInterface and put witbind-processor on the annotation processor path, "
                    + "or register its functions by hand with Linker.instance(name).func(...)"));
        }
        WitBindings<?> bindings = instantiate(expected, loader);
        if (bindings.implementationType() != type) {
            throw new WitBindingsException("the witbind bindings " + expected + " bind "
                    + bindings.implementationType().getName() + ", not " + type.getName()
                    + " (two classes whose names map to the same bindings name?)");
        }
        return bindings;
    }

    private static WitBindings<?> instantiate(String name, ClassLoader loader) {
        try {
            Class<?> bindings = Class.forName(name, false, loader);
            if (!WitBindings.class.isAssignableFrom(bindings)) {
                throw new WitBindingsException(INDEX + " lists " + name + ", which is not a WitBindings");
            }
            return (WitBindings<?>) bindings.getConstructor().newInstance();
        } catch (ClassNotFoundException | LinkageError e) {
            throw new WitBindingsException(INDEX + " lists " + name + ", which cannot be loaded: " + e, e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            throw new WitBindingsException(INDEX + " lists " + name + ", which cannot be instantiated: " + e, e);
        }
    }

    /** Every class name the loader's index files list (ServiceLoader's format: one per line, '#' comments). */
    private static Set<String> readIndex(ClassLoader loader) {
        Set<String> names = new HashSet<>();
        try {
            Enumeration<URL> files = loader.getResources(INDEX);
            while (files.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        int comment = line.indexOf('#');
                        String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                        if (!name.isEmpty()) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new WitBindingsException("cannot read the witbind bindings index " + INDEX + ": " + e, e);
        }
        return Set.copyOf(names);
    }
}
