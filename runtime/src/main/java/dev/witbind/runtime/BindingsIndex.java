package dev.witbind.runtime;

import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the generated {@link WitBindings} of an annotated class through the processor's
 * {@code META-INF/services} index. The result is cached per class, so {@link Linker#register} scans the index once
 * per class, at startup. The scan compares the listed class names with the one the processor gives the class's
 * bindings ({@code Outer_Inner_WitBindings}) and instantiates only that one: instantiating every listed class for
 * every registration made registering n interfaces cost n^2 instantiations.
 */
final class BindingsIndex {
    private static final ClassValue<WitBindings<?>> BINDINGS = new ClassValue<>() {
        @Override
        protected WitBindings<?> computeValue(Class<?> type) {
            return find(type);
        }
    };

    private BindingsIndex() {}

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
        Optional<? extends WitBindings<?>> found;
        try {
            found = ServiceLoader.load(WitBindings.class, loader).stream()
                    .filter(provider -> provider.type().getName().equals(expected))
                    .map(provider -> (WitBindings<?>) provider.get())
                    .filter(bindings -> bindings.implementationType() == type)
                    .findFirst();
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("the witbind bindings index (META-INF/services/"
                    + WitBindings.class.getName() + ") names a class that cannot be loaded: " + e.getMessage(), e);
        }
        return found.orElseThrow(() -> new IllegalArgumentException(type.getName()
                + " has no generated witbind bindings (" + expected
                + " in META-INF/services/" + WitBindings.class.getName() + "): annotate it with "
                + "@WitInterface and put witbind-processor on the annotation processor path, or register its "
                + "functions by hand with Linker.instance(name).func(...)"));
    }
}
