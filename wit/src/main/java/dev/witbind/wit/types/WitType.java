package dev.witbind.wit.types;

/**
 * A WIT value type, as the Component Model defines them: the primitives, the anonymous structural types
 * ({@code list}, {@code option}, {@code result}, {@code tuple}), the named ones ({@code record}, {@code variant},
 * {@code enum}, {@code flags}) and handles to resources ({@code own}, {@code borrow}); and those of WASI 0.3 and the
 * gated features, which witbind reads but does not run yet ({@code stream}, {@code future}, {@code error-context},
 * {@code list<T, N>}, {@code map<K, V>}; {@link WitTypes#unsupportedPart} finds them). Type aliases are resolved away:
 * a type is always its definition.
 */
public sealed interface WitType
        permits PrimitiveType, ListType, OptionType, ResultType, TupleType, RecordType, VariantType, EnumType,
                FlagsType, HandleType, StreamType, FutureType, ErrorContextType, FixedListType, MapType {

    /** The type in WIT syntax: a named type by its name, an anonymous one by its structure. */
    @Override
    String toString();
}
