package dev.witbind.component;

import dev.witbind.component.binary.ComponentBinary;
import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.component.binary.ComponentReader;
import dev.witbind.component.binary.CoreModuleWiring;
import dev.witbind.component.binary.Definition;
import dev.witbind.component.model.CanonFunction;
import dev.witbind.component.model.ComponentItem;
import dev.witbind.component.model.NestedScope;
import dev.witbind.component.validate.ComponentValidator;
import dev.witbind.component.validate.ValidatedComponent;
import dev.witbind.component.wit.WorldPrinter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A component binary, read and validated: the pipeline {@code ComponentReader} (bytes to definitions) then
 * {@code ComponentValidator} (index spaces, types, rules) in one call, with the results a linker and an
 * instantiator need: the imports and exports with their WIT types, the definitions in binary order, and the bytes
 * of each embedded core module.
 *
 * <p>Embedded core modules are not copied: {@link #coreModuleBytes} returns read-only views of the array given to
 * {@link #read}, which the caller must therefore leave unchanged.
 */
public final class Component {
    private final byte[] bytes;
    private final ValidatedComponent validated;

    private Component(byte[] bytes, ValidatedComponent validated) {
        this.bytes = bytes;
        this.validated = validated;
    }

    /**
     * Reads and validates a component.
     *
     * @throws ComponentFormatException with the byte offset, the section and the rule, when the bytes are not a
     *     valid component witbind can host
     */
    public static Component read(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new Component(bytes, ComponentValidator.validate(ComponentReader.read(bytes)));
    }

    /** The decoded binary: definitions in order (nested components inside), custom sections, names, producers. */
    public ComponentBinary binary() {
        return validated.binary();
    }

    /** The top-level definitions in binary order: what an instantiator evaluates, one after the other. */
    public List<Definition> definitions() {
        return validated.binary().definitions();
    }

    /** The imports, in binary order, with their WIT types. */
    public List<ComponentItem> imports() {
        return validated.imports();
    }

    /** The exports, in binary order, with their WIT types. */
    public List<ComponentItem> exports() {
        return validated.exports();
    }

    /** The import with exactly this name. */
    public Optional<ComponentItem> importNamed(String name) {
        return validated.imports().stream().filter(item -> item.name().equals(name)).findFirst();
    }

    /** The export with exactly this name. */
    public Optional<ComponentItem> exportNamed(String name) {
        return validated.exports().stream().filter(item -> item.name().equals(name)).findFirst();
    }

    /** The top-level canonical functions, in binary order, with their component and core types. */
    public List<CanonFunction> canonFunctions() {
        return validated.canonFunctions();
    }

    /**
     * What instantiating {@code scope} (this component's binary, or a component it defines at any depth) needs to
     * know of its resources and canonical functions.
     *
     * @throws IllegalArgumentException when {@code scope} is not one of this component's
     */
    public NestedScope scope(ComponentBinary scope) {
        NestedScope found = validated.scopes().get(scope);
        if (found == null) {
            throw new IllegalArgumentException("not a component of " + this);
        }
        return found;
    }

    /** A read-only view of an embedded core module's bytes (of this component or a nested one). */
    public ByteBuffer coreModuleBytes(Definition.CoreModule module) {
        return ByteBuffer.wrap(bytes, module.moduleOffset(), module.moduleLength()).slice().asReadOnlyBuffer();
    }

    /**
     * How an embedded core module is wired around its tables, when it is small and simple enough to say
     * ({@link CoreModuleWiring#read}); empty otherwise.
     */
    public Optional<CoreModuleWiring> coreModuleWiring(Definition.CoreModule module) {
        return CoreModuleWiring.read(bytes, module.moduleOffset(), module.moduleOffset() + module.moduleLength());
    }

    /** The component's world as WIT, as {@code jco wit} prints it. */
    public String worldWit() {
        return WorldPrinter.print(imports(), exports());
    }
}
