package dev.witbind.component.model;

import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitType;
import java.util.Optional;

/** The type of a component import or export, or of one export of an instance, in WIT terms. */
public sealed interface ItemType {

    /** What kind of item it is. */
    Kind kind();

    /** The kinds of items a component imports or exports. */
    enum Kind {
        INSTANCE,
        FUNCTION,
        RESOURCE,
        VALUE_TYPE,
        COMPONENT,
        CORE_MODULE,
        /** A type export or import of a function, instance or component type (rare; WIT has no syntax for it). */
        TYPE_DEFINITION
    }

    /** An instance: an interface's functions, types and resources. */
    record Instance(InstanceInterface members) implements ItemType {
        @Override
        public Kind kind() {
            return Kind.INSTANCE;
        }
    }

    /** A function. */
    record Function(WitFunctionType type) implements ItemType {
        @Override
        public Kind kind() {
            return Kind.FUNCTION;
        }
    }

    /** A resource type. */
    record Resource(ResourceIdentity resource) implements ItemType {
        @Override
        public Kind kind() {
            return Kind.RESOURCE;
        }
    }

    /**
     * A named value type (record, variant, enum, flags, or an alias of any type).
     *
     * @param origin the interface and name the type was taken from, when it is another interface's type
     *     (WIT's {@code use})
     */
    record ValueType(WitType type, Optional<TypeOrigin> origin) implements ItemType {
        @Override
        public Kind kind() {
            return Kind.VALUE_TYPE;
        }
    }

    /** A component; its own imports and exports are not modelled at this level. */
    record Component() implements ItemType {
        @Override
        public Kind kind() {
            return Kind.COMPONENT;
        }
    }

    /** A core module; its imports and exports are not modelled at this level. */
    record CoreModule() implements ItemType {
        @Override
        public Kind kind() {
            return Kind.CORE_MODULE;
        }
    }

    /** A type of a kind WIT cannot name as a type (a function, instance or component type). */
    record TypeDefinition(String description) implements ItemType {
        @Override
        public Kind kind() {
            return Kind.TYPE_DEFINITION;
        }
    }

    /** The interface a type was taken from and its name there, e.g. {@code wasi:io/streams@0.2.12}, {@code error}. */
    record TypeOrigin(String interfaceName, String name) {}
}
