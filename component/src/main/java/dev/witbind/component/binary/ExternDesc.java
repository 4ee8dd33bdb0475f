package dev.witbind.component.binary;

/** An {@code externtype}: the type of an import or export, by index into the (core) type index space. */
public sealed interface ExternDesc {

    /** The index space an item of this type is added to. */
    Sort sort();

    /** {@code (core module (type i))}. */
    record CoreModule(int coreTypeIndex) implements ExternDesc {
        @Override
        public Sort sort() {
            return Sort.CORE_MODULE;
        }
    }

    /** {@code (func (type i))}. */
    record Func(int typeIndex) implements ExternDesc {
        @Override
        public Sort sort() {
            return Sort.FUNC;
        }
    }

    /** {@code (type (eq i))}: a new name for an existing type. */
    record TypeEq(int typeIndex) implements ExternDesc {
        @Override
        public Sort sort() {
            return Sort.TYPE;
        }
    }

    /** {@code (type (sub resource))}: a fresh abstract resource type. */
    record SubResource() implements ExternDesc {
        @Override
        public Sort sort() {
            return Sort.TYPE;
        }
    }

    /** {@code (component (type i))}. */
    record Component(int typeIndex) implements ExternDesc {
        @Override
        public Sort sort() {
            return Sort.COMPONENT;
        }
    }

    /** {@code (instance (type i))}. */
    record Instance(int typeIndex) implements ExternDesc {
        @Override
        public Sort sort() {
            return Sort.INSTANCE;
        }
    }
}
