package dev.witbind.component.binary;

import java.util.List;
import java.util.Optional;

/**
 * One definition of a component, in binary order. Each knows where it starts in the input and which index it adds
 * to which index space ({@link #defines()}); later definitions refer to it by that index.
 */
public sealed interface Definition {

    /** Where the definition starts in the input (for a definition in a vector, where its own bytes start). */
    int offset();

    /** The index space this definition appends to, and its index there. */
    SortIndex defines();

    /**
     * {@code (core module ...)}: an embedded core module, kept as a range of the input array (not copied).
     *
     * @param moduleOffset where the module's bytes (its {@code \0asm} preamble) start in the input
     * @param moduleLength how many bytes it has
     */
    record CoreModule(int offset, SortIndex defines, int moduleOffset, int moduleLength, CoreModuleInfo info)
            implements Definition {}

    /** {@code (core instance (instantiate m (with "name" (instance i))*))}. */
    record CoreInstantiate(int offset, SortIndex defines, int moduleIndex, List<CoreInstantiateArg> args)
            implements Definition {
        public CoreInstantiate {
            args = List.copyOf(args);
        }
    }

    /** One {@code (with "name" (instance i))} of a core instantiation. */
    record CoreInstantiateArg(String name, int coreInstanceIndex) {}

    /** {@code (core instance (export "name" (sort i))*)}: a bag of existing core items. */
    record CoreInlineExports(int offset, SortIndex defines, List<CoreInlineExport> exports) implements Definition {
        public CoreInlineExports {
            exports = List.copyOf(exports);
        }
    }

    /** One {@code (export "name" (sort i))} of an inline core instance; {@code item.sort()} is a core sort. */
    record CoreInlineExport(String name, SortIndex item) {}

    /** {@code (core type ...)}. */
    record CoreType(int offset, SortIndex defines, CoreDefType type) implements Definition {}

    /** {@code (component ...)}: a nested component. */
    record Component(int offset, SortIndex defines, ComponentBinary component) implements Definition {}

    /** {@code (instance (instantiate c (with "name" (sort i))*))}. */
    record Instantiate(int offset, SortIndex defines, int componentIndex, List<InstantiateArg> args)
            implements Definition {
        public Instantiate {
            args = List.copyOf(args);
        }
    }

    /** One {@code (with "name" (sort i))} of a component instantiation. */
    record InstantiateArg(String name, SortIndex item) {}

    /** {@code (instance (export "name" (sort i))*)}: a bag of existing items. */
    record InlineExports(int offset, SortIndex defines, List<InlineExport> exports) implements Definition {
        public InlineExports {
            exports = List.copyOf(exports);
        }
    }

    /**
     * One {@code (export "name" (sort i))} of an inline instance.
     *
     * @param versionSuffix the name's {@code versionsuffix} attribute (🔗), e.g. {@code .6} of {@code a:b/c@0.2}
     */
    record InlineExport(String name, Optional<String> versionSuffix, SortIndex item) {}

    /** {@code (alias ...)}. */
    record AliasDef(int offset, SortIndex defines, Alias alias) implements Definition {}

    /** {@code (type ...)}. */
    record Type(int offset, SortIndex defines, DefType type) implements Definition {}

    /** {@code (canon ...)}: lift defines a component function; the others a core function. */
    record CanonDef(int offset, SortIndex defines, Canon canon) implements Definition {}

    /**
     * {@code (import "name" type)}.
     *
     * @param versionSuffix the name's {@code versionsuffix} attribute (🔗): what a canonical name such as
     *     {@code a:b/c@0.2} left out of the version the component was built against ({@code .6} of {@code 0.2.6})
     */
    record Import(int offset, SortIndex defines, String name, Optional<String> versionSuffix, ExternDesc type)
            implements Definition {}

    /**
     * {@code (export "name" (sort i) type?)}: an export also adds a new index, an alias of the exported item.
     *
     * @param versionSuffix the name's {@code versionsuffix} attribute (🔗), as for {@link Import}
     * @param item what is exported
     * @param ascribed the type the export ascribes, if any
     */
    record Export(int offset, SortIndex defines, String name, Optional<String> versionSuffix, SortIndex item,
            Optional<ExternDesc> ascribed) implements Definition {}
}
