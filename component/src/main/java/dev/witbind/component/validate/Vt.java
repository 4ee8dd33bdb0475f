package dev.witbind.component.validate;

import dev.witbind.component.binary.Limits;
import dev.witbind.component.model.ResourceIdentity;
import dev.witbind.wit.types.PrimitiveType;
import java.util.List;
import java.util.Optional;

/**
 * A resolved component value type: the binary's type indices replaced by the types they name, resources by their
 * identity. Named kinds carry the name their type index was given by an import or export ({@code null} when none
 * did). Each node knows the size and depth of its tree, so that walks over it are bounded before they start.
 */
sealed interface Vt {
    /** Nodes in the tree this type spells out, saturating just above {@link Limits#MAX_TYPE_SIZE}. */
    int size();

    /** The depth of that tree. */
    int depth();

    static int size(int own, List<? extends Vt> children) {
        long total = own;
        for (Vt child : children) {
            total += child.size();
        }
        return (int) Math.min(total, Limits.MAX_TYPE_SIZE + 1L);
    }

    static int depth(List<? extends Vt> children) {
        int depth = 0;
        for (Vt child : children) {
            depth = Math.max(depth, child.depth());
        }
        return depth + 1;
    }

    record Prim(PrimitiveType type) implements Vt {
        @Override
        public int size() {
            return 1;
        }

        @Override
        public int depth() {
            return 1;
        }
    }

    record Rec(String name, List<String> labels, List<Vt> types, int size, int depth) implements Vt {
        Rec(String name, List<String> labels, List<Vt> types) {
            this(name, List.copyOf(labels), List.copyOf(types), Vt.size(1, types), Vt.depth(types));
        }
    }

    record Var(String name, List<String> labels, List<Optional<Vt>> payloads, int size, int depth) implements Vt {
        Var(String name, List<String> labels, List<Optional<Vt>> payloads) {
            this(name, List.copyOf(labels), List.copyOf(payloads), Vt.size(1, present(payloads)),
                    Vt.depth(present(payloads)));
        }
    }

    record Lst(Vt element, int size, int depth) implements Vt {
        Lst(Vt element) {
            this(element, Vt.size(1, List.of(element)), element.depth() + 1);
        }
    }

    record Tup(List<Vt> elements, int size, int depth) implements Vt {
        Tup(List<Vt> elements) {
            this(List.copyOf(elements), Vt.size(1, elements), Vt.depth(elements));
        }
    }

    record Flg(String name, List<String> labels) implements Vt {
        @Override
        public int size() {
            return 1;
        }

        @Override
        public int depth() {
            return 1;
        }
    }

    record Enm(String name, List<String> labels) implements Vt {
        @Override
        public int size() {
            return 1;
        }

        @Override
        public int depth() {
            return 1;
        }
    }

    record Opt(Vt some, int size, int depth) implements Vt {
        Opt(Vt some) {
            this(some, Vt.size(1, List.of(some)), some.depth() + 1);
        }
    }

    record Res(Optional<Vt> ok, Optional<Vt> err, int size, int depth) implements Vt {
        Res(Optional<Vt> ok, Optional<Vt> err) {
            this(ok, err, Vt.size(1, present(List.of(ok, err))), Vt.depth(present(List.of(ok, err))));
        }
    }

    /**
     * {@code own} or {@code borrow} of a resource; {@code name} is the label of the type index the handle was
     * written with (WIT names a handle by the type it refers to), or {@code null}.
     */
    record Handle(boolean own, ResourceIdentity resource, String name) implements Vt {
        @Override
        public int size() {
            return 1;
        }

        @Override
        public int depth() {
            return 1;
        }
    }

    private static List<Vt> present(List<Optional<Vt>> optionals) {
        return optionals.stream().flatMap(Optional::stream).toList();
    }

    /**
     * The same type under another name; only named kinds take one, and only a label (a type exported under an
     * interface name keeps the name it had, since WIT could not write it).
     */
    static Vt named(Vt type, String name) {
        if (!dev.witbind.wit.names.Label.isLabel(name)) {
            return type;
        }
        if (type instanceof Rec r) {
            return new Rec(name, r.labels(), r.types(), r.size(), r.depth());
        }
        if (type instanceof Var v) {
            return new Var(name, v.labels(), v.payloads(), v.size(), v.depth());
        }
        if (type instanceof Flg f) {
            return new Flg(name, f.labels());
        }
        if (type instanceof Enm e) {
            return new Enm(name, e.labels());
        }
        return type;
    }

    /** The name a named kind carries, or {@code null}. */
    static String nameOf(Vt type) {
        if (type instanceof Rec r) {
            return r.name();
        }
        if (type instanceof Var v) {
            return v.name();
        }
        if (type instanceof Flg f) {
            return f.name();
        }
        if (type instanceof Enm e) {
            return e.name();
        }
        return null;
    }
}
