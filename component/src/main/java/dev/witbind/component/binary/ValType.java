package dev.witbind.component.binary;

import dev.witbind.wit.types.PrimitiveType;

/** A {@code valtype}: a primitive written in place, or the index of a defined value type. */
public sealed interface ValType {

    /** A primitive value type, e.g. {@code u32} or {@code string}. */
    record Primitive(PrimitiveType type) implements ValType {
        @Override
        public String toString() {
            return type.toString();
        }
    }

    /** A reference to the type index space, which must hold a value type. */
    record Indexed(int typeIndex) implements ValType {
        @Override
        public String toString() {
            return "(type " + typeIndex + ")";
        }
    }
}
