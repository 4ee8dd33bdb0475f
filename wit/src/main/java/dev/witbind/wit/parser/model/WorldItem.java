package dev.witbind.wit.parser.model;

import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.parser.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * One import or export of a world, keyed by the Component Model name it produces: an interface by its interface
 * name ({@code import wasi:io/streams@0.2.12;}), an interface written inline under a plain name
 * ({@code import host: interface { ... }}), or a function under a plain name ({@code export run: func();}).
 */
public sealed interface WorldItem permits WorldItem.InterfaceRef, WorldItem.InlineInterface, WorldItem.Function {

    /** The import or export name: an interface name such as {@code wasi:io/streams@0.2.12}, or a plain label. */
    String key();

    Gates gates();

    String docs();

    SourceLocation location();

    /**
     * A named interface. {@code implied} marks an import the world did not list but needs, because an interface it
     * imports or exports uses types from it (WIT's transitive imports; exports' dependencies become imports). With a
     * {@code label}, the 🏷️ form {@code import primary: wasi:keyvalue/store;}: the interface under that plain name
     * (the Component Model's {@code (implements "...")}).
     */
    record InterfaceRef(InterfaceName name, WitInterfaceDef target, boolean implied, Gates gates, String docs,
            SourceLocation location, Optional<String> label) implements WorldItem {
        /** An interface under its own name. */
        public InterfaceRef(InterfaceName name, WitInterfaceDef target, boolean implied, Gates gates, String docs,
                SourceLocation location) {
            this(name, target, implied, gates, docs, location, Optional.empty());
        }

        public InterfaceRef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(gates, "gates");
            Objects.requireNonNull(docs, "docs");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(label, "label");
        }

        /** The plain name when there is one, else the interface name. */
        @Override
        public String key() {
            return label.orElse(name.toString());
        }

        @Override
        public String toString() {
            return label.map(l -> l + ": ").orElse("") + name + (implied ? " (implied)" : "");
        }
    }

    /**
     * An interface written inline under a plain name. The name may differ from {@code target.label()} after
     * {@code include ... with { a as b }}; the interface (and the identity of its resources) stays the same.
     */
    record InlineInterface(String name, WitInterfaceDef target) implements WorldItem {
        public InlineInterface {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public String key() {
            return name;
        }

        @Override
        public Gates gates() {
            return target.gates();
        }

        @Override
        public String docs() {
            return target.docs();
        }

        @Override
        public SourceLocation location() {
            return target.location();
        }

        @Override
        public String toString() {
            return name + ": interface";
        }
    }

    /** A function under a plain name. */
    record Function(WitFunctionDef function) implements WorldItem {
        public Function {
            Objects.requireNonNull(function, "function");
        }

        @Override
        public String key() {
            return function.externName();
        }

        @Override
        public Gates gates() {
            return function.gates();
        }

        @Override
        public String docs() {
            return function.docs();
        }

        @Override
        public SourceLocation location() {
            return function.location();
        }

        @Override
        public String toString() {
            return function.toString();
        }
    }
}
