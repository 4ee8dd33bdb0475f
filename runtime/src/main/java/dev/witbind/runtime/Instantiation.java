package dev.witbind.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link HostFactory} is told about the guest instance it makes a host object for: the guest's name, and the
 * data given to {@link Linker#instantiate(GuestModule, Engine, Object)} for this instance (a request, a plugin's
 * configuration, the arguments and environment of a command).
 */
public final class Instantiation {
    private final String guestName;
    private final Object data;

    Instantiation(String guestName, Object data) {
        this.guestName = guestName;
        this.data = data;
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
