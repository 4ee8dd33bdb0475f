package dev.witbind.runtime;

import dev.witbind.runtime.engine.CoreImport;
import dev.witbind.runtime.engine.CoreModule;
import dev.witbind.runtime.engine.chicory.ChicoryEngine;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.wit.names.CompatibilityTrack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A parsed guest core module, ready to be linked and instantiated any number of times. */
public final class GuestModule {
    private final String name;
    private final CoreModule module;
    /**
     * The prefix of wit-component's newer core-module naming ({@code cm32p2}: Component Model, 32-bit, preview 2),
     * which {@code jco embed --dummy} emits: {@code cm32p2|ns:pkg/iface@0.2} imports {@code ns:pkg/iface@0.2}, with the
     * version cut to its canonversion (a canonical interface name).
     */
    private static final String CM32P2_PREFIX = "cm32p2|";

    /** The compatibility track of each import module string, derived once here rather than on every link. */
    private final Map<String, Optional<String>> importTracks = new HashMap<>();

    private GuestModule(String name, CoreModule module) {
        this.name = name;
        this.module = module;
        for (CoreImport coreImport : module.imports()) {
            importTracks.computeIfAbsent(coreImport.module(), m -> CompatibilityTrack.of(interfaceOf(m)));
        }
    }

    /**
     * The interface an import module string names: the string itself in the legacy naming wit-bindgen's C output
     * uses ({@code ns:pkg/iface@0.2.1}), and without its {@code cm32p2|} prefix in the newer one
     * ({@code cm32p2|ns:pkg/iface@0.2}). Both namings link the same way.
     */
    static String interfaceOf(String importModule) {
        return importModule.startsWith(CM32P2_PREFIX) ? importModule.substring(CM32P2_PREFIX.length()) : importModule;
    }

    /**
     * Parses a core module.
     *
     * @param name how errors and traps refer to this guest, e.g. its file name
     * @throws WitModuleException when the bytes are not a valid WebAssembly core module (a component among them:
     *     {@link GuestComponent} reads those), or it has a shared memory (witbind guests run one thread)
     */
    public static GuestModule parse(String name, byte[] bytes) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        if (GuestComponent.isComponent(bytes)) {
            throw new WitModuleException(name, "a component, not a core module: read it with GuestComponent.read "
                    + "(or GuestComponent.parse), which the linker instantiates the same way", null);
        }
        return new GuestModule(name, ChicoryEngine.INSTANCE.parse(name, bytes));
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
    public List<CoreImport> imports() {
        return module.imports();
    }

    CoreModule coreModule() {
        return module;
    }

    /** The compatibility track of one of its import module strings. */
    Optional<String> importTrack(String importModule) {
        return importTracks.get(importModule);
    }

    @Override
    public String toString() {
        return name;
    }
}
