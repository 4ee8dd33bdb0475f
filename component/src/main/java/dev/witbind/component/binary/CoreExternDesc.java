package dev.witbind.component.binary;

import java.util.OptionalLong;

/**
 * The type of a core import or export as the binary writes it ({@code core:externtype}); function and tag types
 * are indices into a core type index space.
 */
public sealed interface CoreExternDesc {

    /** {@code (func (type i))}. */
    record Func(int typeIndex) implements CoreExternDesc {}

    /** {@code (table limits reftype)}. */
    record Table(CoreValType element, Limits limits) implements CoreExternDesc {}

    /** {@code (memory limits)}; {@code shared} and {@code memory64} are refused by witbind when they matter. */
    record Memory(Limits limits, boolean shared, boolean memory64) implements CoreExternDesc {}

    /** {@code (global mut? valtype)}. */
    record Global(CoreValType type, boolean mutable) implements CoreExternDesc {}

    /** {@code (tag (type i))}. */
    record Tag(int typeIndex) implements CoreExternDesc {}

    /** The limits of a table or memory, in elements or pages. */
    record Limits(long min, OptionalLong max) {}
}
