package dev.witbind.processor.model;

import com.palantir.javapoet.TypeName;
import dev.witbind.wit.types.WitType;
import java.util.Objects;

/**
 * A value that crosses the boundary, seen from both sides: the Java type the method declares and the WIT type the
 * guest sees. Both are kept because one Java type stands for several WIT types ({@code int} is {@code s32},
 * {@code u32} or {@code char}). For compound types, {@code shape} says how the Java value is built from its parts.
 *
 * @param javaType the Java type, e.g. {@code int}, {@code byte[]} or {@code java.util.List<com.example.Entry>}
 * @param witType the WIT type, e.g. {@code u32}, {@code list<u8>} or {@code list<entry>}
 * @param shape how the Java value maps to the WIT value's parts
 */
public record ValueType(TypeName javaType, WitType witType, Shape shape) {
    public ValueType {
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(witType, "witType");
        Objects.requireNonNull(shape, "shape");
    }

    /** A {@link Shape.Scalar scalar} value: a primitive, a {@code String} or a {@code byte[]}. */
    public ValueType(TypeName javaType, WitType witType) {
        this(javaType, witType, new Shape.Scalar());
    }

    /** Whether the generator's original scalar, string and {@code byte[]} code handles this value. */
    public boolean isScalar() {
        return shape instanceof Shape.Scalar;
    }
}
