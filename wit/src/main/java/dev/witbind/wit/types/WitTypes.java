package dev.witbind.wit.types;

import java.util.Optional;

/** Questions about a type's structure that several stages ask; each is answered here once. */
public final class WitTypes {
    private WitTypes() {}

    /**
     * Whether lifting a value of this type copies bytes out of guest memory: it holds a {@code string} or a list
     * somewhere (what an instance's lift budget counts). Scalars, handles and compounds of them do not.
     */
    public static boolean liftsFromMemory(WitType type) {
        if (type == PrimitiveType.STRING || type instanceof ListType || type instanceof FixedListType
                || type instanceof MapType) {
            return true;
        }
        if (type instanceof OptionType option) {
            return liftsFromMemory(option.some());
        }
        if (type instanceof ResultType result) {
            return result.ok().map(WitTypes::liftsFromMemory).orElse(false)
                    || result.err().map(WitTypes::liftsFromMemory).orElse(false);
        }
        if (type instanceof TupleType tuple) {
            return tuple.elements().stream().anyMatch(WitTypes::liftsFromMemory);
        }
        if (type instanceof RecordType record) {
            return record.fields().stream().anyMatch(field -> liftsFromMemory(field.type()));
        }
        if (type instanceof VariantType variant) {
            return variant.cases().stream().anyMatch(c -> c.payload().map(WitTypes::liftsFromMemory).orElse(false));
        }
        return false;
    }

    /**
     * Whether a value of this type contains a {@code borrow<r>} anywhere. The Component Model allows borrows only in
     * parameters (a borrow lasts for one call), and a function that lifts one lends the handle until it returns.
     */
    public static boolean containsBorrow(WitType type) {
        if (type instanceof HandleType handle) {
            return handle.ownership() == HandleType.Ownership.BORROW;
        }
        if (type instanceof ListType list) {
            return containsBorrow(list.element());
        }
        if (type instanceof FixedListType list) {
            return containsBorrow(list.element());
        }
        if (type instanceof MapType map) {
            return containsBorrow(map.key()) || containsBorrow(map.value());
        }
        if (type instanceof StreamType stream) {
            return stream.element().map(WitTypes::containsBorrow).orElse(false);
        }
        if (type instanceof FutureType future) {
            return future.value().map(WitTypes::containsBorrow).orElse(false);
        }
        if (type instanceof OptionType option) {
            return containsBorrow(option.some());
        }
        if (type instanceof ResultType result) {
            return result.ok().map(WitTypes::containsBorrow).orElse(false)
                    || result.err().map(WitTypes::containsBorrow).orElse(false);
        }
        if (type instanceof TupleType tuple) {
            return tuple.elements().stream().anyMatch(WitTypes::containsBorrow);
        }
        if (type instanceof RecordType record) {
            return record.fields().stream().anyMatch(field -> containsBorrow(field.type()));
        }
        if (type instanceof VariantType variant) {
            return variant.cases().stream().map(VariantType.Case::payload).flatMap(Optional::stream)
                    .anyMatch(WitTypes::containsBorrow);
        }
        return false;
    }

    /**
     * The first part of a type that witbind reads but cannot lift or lower yet ({@code stream}, {@code future},
     * {@code error-context}, {@code list<T, N>}, {@code map<K, V>}), for refusals that name it; empty when there is
     * none.
     */
    public static Optional<WitType> unsupportedPart(WitType type) {
        if (type instanceof StreamType || type instanceof FutureType || type instanceof ErrorContextType
                || type instanceof FixedListType || type instanceof MapType) {
            return Optional.of(type);
        }
        if (type instanceof ListType list) {
            return unsupportedPart(list.element());
        }
        if (type instanceof OptionType option) {
            return unsupportedPart(option.some());
        }
        if (type instanceof ResultType result) {
            return result.ok().flatMap(WitTypes::unsupportedPart).or(() -> result.err().flatMap(WitTypes::unsupportedPart));
        }
        if (type instanceof TupleType tuple) {
            return tuple.elements().stream().map(WitTypes::unsupportedPart).flatMap(Optional::stream).findFirst();
        }
        if (type instanceof RecordType record) {
            return record.fields().stream().map(f -> unsupportedPart(f.type())).flatMap(Optional::stream).findFirst();
        }
        if (type instanceof VariantType variant) {
            return variant.cases().stream().map(VariantType.Case::payload).flatMap(Optional::stream)
                    .map(WitTypes::unsupportedPart).flatMap(Optional::stream).findFirst();
        }
        return Optional.empty();
    }
}
