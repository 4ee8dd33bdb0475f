package dev.witbind.component.binary;

import java.util.List;

/** A definition of the core type section: a core function type or a core module type. */
public sealed interface CoreDefType permits CoreFuncType, CoreDefType.ModuleType {

    /** {@code (module decl*)}: the imports and exports of a core module, declared by type. */
    record ModuleType(List<ModuleDecl> declarations) implements CoreDefType {
        public ModuleType {
            declarations = List.copyOf(declarations);
        }
    }

    /** One declarator of a core module type. */
    sealed interface ModuleDecl {
        /** Where the declarator starts in the input. */
        int offset();
    }

    /** {@code (import "module" "name" desc)}. */
    record ImportDecl(int offset, String module, String name, CoreExternDesc desc) implements ModuleDecl {}

    /** {@code (type t)}: a core type local to the module type. */
    record TypeDecl(int offset, CoreDefType type) implements ModuleDecl {}

    /** {@code (alias outer count index (type))}. */
    record OuterAliasDecl(int offset, int count, int index) implements ModuleDecl {}

    /** {@code (export "name" desc)}. */
    record ExportDecl(int offset, String name, CoreExternDesc desc) implements ModuleDecl {}
}
