package dev.witbind.runtime;

import dev.witbind.component.Component;
import dev.witbind.component.binary.ComponentBinary;
import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.component.binary.ComponentReader;
import dev.witbind.component.binary.Definition;
import dev.witbind.component.model.ComponentItem;
import dev.witbind.runtime.engine.CoreModule;
import dev.witbind.runtime.engine.chicory.ChicoryEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A component binary (what {@code wasm-tools component new}, {@code jco new}, cargo's {@code wasm32-wasip2} and
 * componentize-py emit), read, validated and with every embedded core module parsed, ready to be linked and
 * instantiated any number of times (Wasmtime's {@code Component}).
 */
public final class GuestComponent {
    private final String name;
    private final Component component;
    private final Map<Definition.CoreModule, CoreModule> coreModules;
    /** Where the top-level core items come from, statically; empty when the walk cannot follow them. */
    private final Optional<CoreSources> coreSources;
    private final ShimBypass shimBypass;
    /** {@link LeaveChecks#neededAtTop}, worked out on first use (a benign race: every thread gets the same). */
    private volatile Boolean leaveChecksNeeded;

    private GuestComponent(String name, Component component, Map<Definition.CoreModule, CoreModule> coreModules) {
        this.name = name;
        this.component = component;
        this.coreModules = coreModules;
        this.coreSources = CoreSources.of(component.definitions());
        this.shimBypass = ShimBypass.analyse(name, component, coreSources);
    }

    /**
     * Reads and validates a component and parses its core modules.
     *
     * @param name how errors and traps refer to this guest, e.g. its file name
     * @throws ComponentFormatException with the byte offset and the rule when the bytes are not a valid component
     * @throws dev.witbind.runtime.errors.WitModuleException when an embedded core module is not one the engine runs
     */
    public static GuestComponent parse(String name, byte[] bytes) {
        Objects.requireNonNull(name, "name");
        Component component = Component.read(bytes);
        Map<Definition.CoreModule, CoreModule> modules = new LinkedHashMap<>();
        parseModules(name, component, component.binary(), modules);
        List<Definition.CoreModule> definitions = List.copyOf(modules.keySet());
        List<CoreModule> prepared = ChicoryEngine.INSTANCE.prepareTogether(List.copyOf(modules.values()));
        Map<Definition.CoreModule, CoreModule> together = new HashMap<>();
        for (int i = 0; i < definitions.size(); i++) {
            together.put(definitions.get(i), prepared.get(i));
        }
        return new GuestComponent(name, component, Map.copyOf(together));
    }

    private static void parseModules(String name, Component component, ComponentBinary binary,
            Map<Definition.CoreModule, CoreModule> modules) {
        int index = 0;
        for (Definition definition : binary.definitions()) {
            if (definition instanceof Definition.CoreModule module) {
                ByteBuffer view = component.coreModuleBytes(module);
                byte[] bytes = new byte[view.remaining()];
                view.get(bytes);
                modules.put(module, ChicoryEngine.INSTANCE.parse(name + " (core module " + index++ + ")", bytes));
            } else if (definition instanceof Definition.Component nested) {
                parseModules(name, component, nested.component(), modules);
            }
        }
    }

    /** Reads a component file; the guest is named after the file. */
    public static GuestComponent read(Path path) {
        try {
            return parse(path.getFileName().toString(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read guest " + path, e);
        }
    }

    /** Reads a component from the class path; the guest is named after the resource. */
    public static GuestComponent fromResource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no guest resource '" + resource + "' on the class path");
            }
            return parse(resource.substring(resource.lastIndexOf('/') + 1), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read guest resource " + resource, e);
        }
    }

    /** Whether {@code bytes} start like a component (rather than a core module). */
    public static boolean isComponent(byte[] bytes) {
        return ComponentReader.isComponent(bytes);
    }

    public String name() {
        return name;
    }

    /** What the component imports, in binary order, with WIT types. */
    public List<ComponentItem> imports() {
        return component.imports();
    }

    /** What the component exports, in binary order, with WIT types. */
    public List<ComponentItem> exports() {
        return component.exports();
    }

    /** The component's world as WIT text, in the form {@code jco wit} prints it. */
    public String world() {
        return component.worldWit();
    }

    Component model() {
        return component;
    }

    /** The parsed core module of an embedded module definition. */
    CoreModule coreModule(Definition.CoreModule definition) {
        return coreModules.get(definition);
    }

    /** Which core imports call lowered host functions directly rather than through wit-component's shim. */
    ShimBypass shimBypass() {
        return shimBypass;
    }

    /** The static view of the top-level core index spaces that ShimBypass and LeaveChecks share. */
    Optional<CoreSources> coreSources() {
        return coreSources;
    }

    /** Whether the imports of the component's top-level instance need the may_leave check. */
    boolean leaveChecksNeeded() {
        Boolean needed = leaveChecksNeeded;
        if (needed == null) {
            needed = LeaveChecks.neededAtTop(this);
            leaveChecksNeeded = needed;
        }
        return needed;
    }

    @Override
    public String toString() {
        return name;
    }
}
