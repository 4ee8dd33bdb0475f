package dev.witbind.component.binary;

/** The resolved type of a core import or export: function and tag types spelled out. */
public sealed interface CoreExternType {

    /** The index space this kind of item lives in. */
    Sort sort();

    /** A function. */
    record Func(CoreFuncType type) implements CoreExternType {
        @Override
        public Sort sort() {
            return Sort.CORE_FUNC;
        }

        @Override
        public String toString() {
            return "func " + type;
        }
    }

    /** A table. */
    record Table(CoreExternDesc.Table type) implements CoreExternType {
        @Override
        public Sort sort() {
            return Sort.CORE_TABLE;
        }
    }

    /** A memory. */
    record Memory(CoreExternDesc.Memory type) implements CoreExternType {
        @Override
        public Sort sort() {
            return Sort.CORE_MEMORY;
        }
    }

    /** A global. */
    record Global(CoreExternDesc.Global type) implements CoreExternType {
        @Override
        public Sort sort() {
            return Sort.CORE_GLOBAL;
        }
    }

    /** An exception tag, with the function type of its payload. */
    record Tag(CoreFuncType type) implements CoreExternType {
        @Override
        public Sort sort() {
            return Sort.CORE_TAG;
        }
    }
}
