package dev.witbind.wit.types;

import java.util.Optional;

/** Questions about a type's structure that several stages ask; each is answered here once. */
public final class WitTypes {
    private WitTypes() {}

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
}
