package dev.witbind.component.binary;

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

    /** {@code (import "name" t)}; only in component types. */
    record ImportDecl(int offset, String name, ExternDesc type) implements Decl {}

    /** {@code (export "name" t)}. */
    record ExportDecl(int offset, String name, ExternDesc type) implements Decl {}
}
