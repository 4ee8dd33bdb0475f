package dev.witbind.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a {@link HostFactory} is told about the guest instance it makes a host object for: the guest's name, and the
 * data given to {@link Linker#instantiate(GuestModule, Engine, Object)} for this instance (a request, a plugin's
 * configuration, the arguments and environment of a command).
 */
public final class Instantiation {
    private final String guestName;
    private final Object data;
    // Made while the instance is instantiated, on that one thread, so a plain map: it is read by the factories only.
    private final Map<Class<?>, Object> shared = new HashMap<>();

    Instantiation(String guestName, Object data) {
        this.guestName = guestName;
        this.data = data;
    }

    /**
     * The one object of {@code type} that this instance's hosts share, made by {@code create} when a factory first
     * asks for it: the state that several interfaces of one instance need together (the WASI hosts share their
     * streams, descriptors and exit status this way, as Wasmtime's hosts share their {@code Store}'s data).
     *
     * @throws IllegalStateException when {@code create} returns {@code null} or an object that is not a {@code type}
     */
    public <S> S shared(Class<S> type, Function<Instantiation, ? extends S> create) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(create, "create");
        Object existing = shared.get(type);
        if (existing == null) {
            existing = create.apply(this);
            if (!type.isInstance(existing)) {
                throw new IllegalStateException("the shared state of " + this + " made for " + type.getName()
                        + " is " + (existing == null ? "null" : "a " + existing.getClass().getName()));
            }
            shared.put(type, existing);
        }
        return type.cast(existing);
    }

    /** The name the guest was loaded under. */
    public String guestName() {
        return guestName;
    }

    /** The data given for this instance; empty when none was. */
    public Optional<Object> data() {
        return Optional.ofNullable(data);
    }

    /**
     * The data given for this instance, as a {@code type}.
     *
     * @throws IllegalStateException when no data was given, or it is not a {@code type}
     */
    public <D> D data(Class<D> type) {
        Objects.requireNonNull(type, "type");
        if (!type.isInstance(data)) {
            throw new IllegalStateException("guest '" + guestName + "' was instantiated with "
                    + (data == null ? "no data" : "data of " + data.getClass().getName()) + ", not a "
                    + type.getName() + ": pass it to Linker.instantiate(guest, engine, data)");
        }
        return type.cast(data);
    }

    @Override
    public String toString() {
        return "instantiation of guest '" + guestName + "'";
    }
}
