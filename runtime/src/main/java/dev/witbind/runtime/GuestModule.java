package dev.witbind.runtime;

import dev.witbind.runtime.chicory.ChicoryModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A parsed guest core module, ready to be linked and instantiated any number of times. */
public final class GuestModule {
    private final String name;
    private final ChicoryModule module;

    private GuestModule(String name, ChicoryModule module) {
        this.name = name;
        this.module = module;
    }

    /**
     * Parses a core module.
     *
     * @param name how errors and traps refer to this guest, e.g. its file name
     * @throws IllegalArgumentException when the bytes are not a valid WebAssembly core module, or it has a shared
     *     memory (witbind guests run one thread)
     */
    public static GuestModule parse(String name, byte[] bytes) {
        Objects.requireNonNull(name, "name");
        try {
            return new GuestModule(name, ChicoryModule.parse(bytes));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("guest '" + name + "' is " + e.getMessage(), e);
        }
    }

    /** Reads and parses a core module file; the guest is named after the file. */
    public static GuestModule read(Path path) {
        try {
            return parse(path.getFileName().toString(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read guest " + path, e);
        }
    }

    /** Reads and parses a core module from the class path; the guest is named after the resource. */
    public static GuestModule fromResource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no guest resource '" + resource + "' on the class path");
            }
            return parse(resource.substring(resource.lastIndexOf('/') + 1), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read guest resource " + resource, e);
        }
    }

    public String name() {
        return name;
    }

    /** The module's imports in declaration order. */
    public List<GuestImport> imports() {
        return module.imports();
    }

    ChicoryModule engineModule() {
        return module;
    }

    @Override
    public String toString() {
        return name;
    }
}
