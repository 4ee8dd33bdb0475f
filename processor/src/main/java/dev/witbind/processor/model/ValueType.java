package dev.witbind.processor.model;

import com.palantir.javapoet.TypeName;
import dev.witbind.wit.types.WitType;
import java.util.Objects;

/**
 * A value that crosses the boundary, seen from both sides: the Java type the method declares and the WIT type the
 * guest sees. Both are kept because one Java type stands for several WIT types ({@code int} is {@code s32},
 * {@code u32} or {@code char}).
 *
 * @param javaType the Java type, e.g. {@code int} or {@code byte[]}
 * @param witType the WIT type, e.g. {@code u32} or {@code list<u8>}
 */
public record ValueType(TypeName javaType, WitType witType) {
    public ValueType {
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(witType, "witType");
    }
}
