package dev.witbind.runtime;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the generated {@link WitBindings} of an annotated class through the processor's
 * {@code META-INF/services} index. The result is cached per class, so {@link Linker#register} scans the index once
 * per class, at startup.
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

    private static WitBindings<?> find(Class<?> type) {
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try {
            for (WitBindings<?> bindings : ServiceLoader.load(WitBindings.class, loader)) {
                if (bindings.implementationType() == type) {
                    return bindings;
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("the witbind bindings index (META-INF/services/"
                    + WitBindings.class.getName() + ") names a class that cannot be loaded: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(type.getName() + " has no generated witbind bindings: annotate it with "
                + "@WitInterface and put witbind-processor on the annotation processor path, or register its "
                + "functions by hand with Linker.instance(name).func(...)");
    }
}
