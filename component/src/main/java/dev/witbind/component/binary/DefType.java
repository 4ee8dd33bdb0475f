package dev.witbind.component.binary;

import dev.witbind.wit.types.PrimitiveType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code deftype} of the type section: a value type, a function type, a component or instance type, or a
 * resource type, as the binary writes them (types refer to each other by index; the validator resolves them).
 */
public sealed interface DefType {

    /** A {@code defvaltype}. */
    sealed interface ValueType extends DefType {}

    /** A primitive as a type definition: {@code (type u8)}. */
    record PrimitiveDef(PrimitiveType type) implements ValueType {}

    /** {@code (record (field "l" t)+)}. */
    record Record(List<Field> fields) implements ValueType {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    /** A labelled member: a record field or a function parameter. */
    record Field(String label, ValType type) {}

    /** {@code (variant (case "l" t?)+)}. */
    record Variant(List<Case> cases) implements ValueType {
        public Variant {
            cases = List.copyOf(cases);
        }
    }

    /** One case of a variant. */
    record Case(String label, Optional<ValType> payload) {}

    /** {@code (list t)}. */
    record ListOf(ValType element) implements ValueType {}

    /** {@code (tuple t+)}. */
    record Tuple(List<ValType> elements) implements ValueType {
        public Tuple {
            elements = List.copyOf(elements);
        }
    }

    /** {@code (flags "l"+)}. */
    record Flags(List<String> labels) implements ValueType {
        public Flags {
            labels = List.copyOf(labels);
        }
    }

    /** {@code (enum "l"+)}. */
    record Enum(List<String> labels) implements ValueType {
        public Enum {
            labels = List.copyOf(labels);
        }
    }

    /** {@code (option t)}. */
    record OptionOf(ValType some) implements ValueType {}

    /** {@code (result t? (error u)?)}. */
    record ResultOf(Optional<ValType> ok, Optional<ValType> error) implements ValueType {}

    /** {@code (own i)}. */
    record Own(int resourceTypeIndex) implements ValueType {}

    /** {@code (borrow i)}. */
    record Borrow(int resourceTypeIndex) implements ValueType {}

    /** {@code (func (param "l" t)* (result t)?)}. */
    record Func(List<Field> params, Optional<ValType> result) implements DefType {
        public Func {
            params = List.copyOf(params);
        }
    }

    /** {@code (component decl*)}. */
    record ComponentType(List<Decl> declarations) implements DefType {
        public ComponentType {
            declarations = List.copyOf(declarations);
        }
    }

    /** {@code (instance decl*)}. */
    record InstanceType(List<Decl> declarations) implements DefType {
        public InstanceType {
            declarations = List.copyOf(declarations);
        }
    }

    /** {@code (resource (rep i32) (dtor f)?)}: {@code destructor} is a core function index. */
    record Resource(CoreValType rep, OptionalInt destructor) implements DefType {}
}
