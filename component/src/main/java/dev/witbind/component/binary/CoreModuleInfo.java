package dev.witbind.component.binary;

import java.util.List;
import java.util.Optional;

/**
 * What a component needs to know of an embedded core module: its imports and exports with their types. The rest
 * of the module (code, data) is the engine's to validate; witbind reads only the sections that declare types,
 * imports, functions, tables, memories, tags, globals and exports, and skips the others by their size.
 *
 * @param imports the imports, in order, with their types resolved
 * @param exports the exports, in order, with their types resolved
 * @param hasStart whether the module has a start function (the engine runs it when instantiating)
 */
public record CoreModuleInfo(List<Import> imports, List<Export> exports, boolean hasStart) {
    public CoreModuleInfo {
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
    }

    /** One import: {@code (import "module" "name" type)}. */
    public record Import(String module, String name, CoreExternType type) {}

    /** One export: {@code (export "name" type)}. */
    public record Export(String name, CoreExternType type) {}

    /** The export with this name, if any. */
    public Optional<Export> export(String name) {
        return exports.stream().filter(export -> export.name().equals(name)).findFirst();
    }
}
