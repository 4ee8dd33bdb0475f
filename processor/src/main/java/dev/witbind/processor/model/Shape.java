package dev.witbind.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a Java value is put together from the parts of its WIT type, for the generator: which record components,
 * enum constants, case classes and type arguments it has. The WIT side of each part is in its {@link ValueType}.
 */
public sealed interface Shape {

    /**
     * A value the Canonical ABI moves as a single primitive or as one string or byte range: {@code bool} through
     * {@code f64}, {@code char}, {@code string}, and {@code list<u8>} as {@code byte[]}. Its Java type may be a
     * primitive or, as a type argument, its box.
     */
    record Scalar() implements Shape {}

    /** A primitive array other than {@code byte[]}: {@code int[]} as {@code list<s32>}, {@code boolean[]}, ... */
    record PrimitiveArray() implements Shape {}

    /** {@code java.util.List<T>} as {@code list<T>}. */
    record ListOf(ValueType element) implements Shape {
        public ListOf {
            Objects.requireNonNull(element, "element");
        }
    }

    /**
     * A Java record as a WIT record.
     *
     * @param fields the components in declaration order
     */
    record Record(List<Field> fields) implements Shape {
        public Record {
            fields = List.copyOf(fields);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a WIT record has at least one field");
            }
        }
    }

    /**
     * A record component: the accessor the generator calls and the value's type.
     *
     * @param accessor the component name, which is also its accessor's name
     * @param witName the WIT field name
     * @param type the component's type
     */
    record Field(String accessor, String witName, ValueType type) {
        public Field {
            Objects.requireNonNull(accessor, "accessor");
            Objects.requireNonNull(witName, "witName");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A sealed interface whose permitted subclasses are records, as a WIT variant; the case index is the position
     * in {@code cases}.
     */
    record Variant(List<Case> cases) implements Shape {
        public Variant {
            cases = List.copyOf(cases);
            if (cases.isEmpty()) {
                throw new IllegalArgumentException("a WIT variant has at least one case");
            }
        }
    }

    /**
     * One case of a variant: a record with no component (no payload) or one component (the payload).
     *
     * @param caseClass the record class
     * @param witName the WIT case name
     * @param payload the one component, if any
     */
    record Case(ClassName caseClass, String witName, Optional<Field> payload) {
        public Case {
            Objects.requireNonNull(caseClass, "caseClass");
            Objects.requireNonNull(witName, "witName");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** A Java enum as a WIT enum: the constants in declaration order, whose ordinal is the discriminant. */
    record Enum(List<String> constants) implements Shape {
        public Enum {
            constants = List.copyOf(constants);
        }
    }

    /** {@code EnumSet<E>} as WIT flags: bit {@code i} is the constant with ordinal {@code i}. */
    record Flags(ClassName enumClass, List<String> constants) implements Shape {
        public Flags {
            Objects.requireNonNull(enumClass, "enumClass");
            constants = List.copyOf(constants);
        }
    }

    /** {@code Optional<T>} as {@code option<T>}. */
    record Option(ValueType some) implements Shape {
        public Option {
            Objects.requireNonNull(some, "some");
        }
    }

    /** {@code Result<T, E>} as {@code result<T, E>}; a side declared {@code Void} has no payload. */
    record Result(Optional<ValueType> ok, Optional<ValueType> err) implements Shape {
        public Result {
            Objects.requireNonNull(ok, "ok");
            Objects.requireNonNull(err, "err");
        }
    }

    /** A {@code @WitResource} class as {@code own<r>} or {@code borrow<r>} (which one is in the WIT type). */
    record Handle(ClassName resourceClass) implements Shape {
        public Handle {
            Objects.requireNonNull(resourceClass, "resourceClass");
        }
    }
}
