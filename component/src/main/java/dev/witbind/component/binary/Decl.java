package dev.witbind.component.binary;

import java.util.Optional;

/** A declarator of a component type or an instance type. */
public sealed interface Decl {

    /** Where the declarator starts in the input. */
    int offset();

    /** {@code (core type t)}. */
    record CoreTypeDecl(int offset, CoreDefType type) implements Decl {}

    /** {@code (type t)}. */
    record TypeDecl(int offset, DefType type) implements Decl {}

    /** {@code (alias ...)}. */
    record AliasDecl(int offset, Alias alias) implements Decl {}

    /** {@code (import "name" t)}; only in component types. {@code versionSuffix}: as {@link Definition.Import}'s. */
    record ImportDecl(int offset, String name, Optional<String> versionSuffix, ExternDesc type) implements Decl {}

    /** {@code (export "name" t)}. {@code versionSuffix}: as {@link Definition.Import}'s. */
    record ExportDecl(int offset, String name, Optional<String> versionSuffix, ExternDesc type) implements Decl {}
}
