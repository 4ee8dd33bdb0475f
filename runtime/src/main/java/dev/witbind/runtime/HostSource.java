package dev.witbind.runtime;

import dev.witbind.runtime.errors.WitHostException;
import dev.witbind.wit.WitException;
import java.util.Map;
import java.util.Objects;

/**
 * Where a registration's host object comes from: one object shared by every guest instance, or a {@link HostFactory}
 * called once per instance. Each registration is one source, so the functions of one interface share the object the
 * factory made for an instance.
 *
 * @param <T> the host object's class
 */
abstract sealed class HostSource<T> {

    /** The object for the instance being made; {@code made} holds what factories have made for it so far. */
    abstract T forInstance(Map<HostSource<?>, Object> made, Instantiation instantiation);

    static <T> HostSource<T> shared(T object) {
        return new Shared<>(Objects.requireNonNull(object, "implementation"));
    }

    static <T> HostSource<T> perInstance(String interfaceName, HostFactory<? extends T> factory) {
        return new PerInstance<>(interfaceName, Objects.requireNonNull(factory, "factory"));
    }

    /** For functions that call no host object (an application's {@link HostCall}). */
    static HostSource<Void> none() {
        return None.NONE;
    }

    private static final class Shared<T> extends HostSource<T> {
        private final T object;

        Shared(T object) {
            this.object = object;
        }

        @Override
        T forInstance(Map<HostSource<?>, Object> made, Instantiation instantiation) {
            return object;
        }
    }

    private static final class PerInstance<T> extends HostSource<T> {
        private final String interfaceName;
        private final HostFactory<? extends T> factory;

        PerInstance(String interfaceName, HostFactory<? extends T> factory) {
            this.interfaceName = interfaceName;
            this.factory = factory;
        }

        @Override
        @SuppressWarnings("unchecked") // the map holds, under each source, what that source's factory made
        T forInstance(Map<HostSource<?>, Object> made, Instantiation instantiation) {
            Object existing = made.get(this);
            if (existing != null) {
                return (T) existing;
            }
            T object;
            try {
                object = factory.create(instantiation);
            } catch (WitException e) {
                throw e;
            } catch (RuntimeException e) {
                throw WitHostException.factoryFailed(interfaceName, instantiation.guestName(), e);
            }
            if (object == null) {
                throw WitHostException.factoryFailed(interfaceName, instantiation.guestName(),
                        new NullPointerException("the factory returned null"));
            }
            made.put(this, object);
            return object;
        }
    }

    private static final class None extends HostSource<Void> {
        static final None NONE = new None();

        @Override
        Void forInstance(Map<HostSource<?>, Object> made, Instantiation instantiation) {
            return null;
        }
    }
}
