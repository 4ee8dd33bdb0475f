package dev.witbind.wit.types;

/**
 * A WIT value type. This slice models the primitive types and lists; records, variants and resources come with
 * the full type system.
 */
public sealed interface WitType permits PrimitiveType, ListType {

    /** The type in WIT syntax, e.g. {@code u32} or {@code list<u8>}. */
    @Override
    String toString();
}
