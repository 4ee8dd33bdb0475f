package dev.witbind.component.validate;

import dev.witbind.component.model.ResourceIdentity;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Type equality, subtyping and substitution on resolved types (the Explainer, "Type Checking"): structural for
 * everything but resources, which are equal only when they are the same identity. Names of record, variant, enum
 * and flags types are not part of their type.
 */
final class TypeOps {
    private TypeOps() {}

    static boolean same(Vt a, Vt b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Vt.Prim pa && b instanceof Vt.Prim pb) {
            return pa.type() == pb.type();
        }
        if (a instanceof Vt.Rec ra && b instanceof Vt.Rec rb) {
            return ra.labels().equals(rb.labels()) && sameAll(ra.types(), rb.types());
        }
        if (a instanceof Vt.Var va && b instanceof Vt.Var vb) {
            if (!va.labels().equals(vb.labels())) {
                return false;
            }
            for (int i = 0; i < va.payloads().size(); i++) {
                if (!sameOptional(va.payloads().get(i), vb.payloads().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Vt.Lst la && b instanceof Vt.Lst lb) {
            return same(la.element(), lb.element());
        }
        if (a instanceof Vt.Tup ta && b instanceof Vt.Tup tb) {
            return sameAll(ta.elements(), tb.elements());
        }
        if (a instanceof Vt.Flg fa && b instanceof Vt.Flg fb) {
            return fa.labels().equals(fb.labels());
        }
        if (a instanceof Vt.Enm ea && b instanceof Vt.Enm eb) {
            return ea.labels().equals(eb.labels());
        }
        if (a instanceof Vt.Opt oa && b instanceof Vt.Opt ob) {
            return same(oa.some(), ob.some());
        }
        if (a instanceof Vt.Res ra && b instanceof Vt.Res rb) {
            return sameOptional(ra.ok(), rb.ok()) && sameOptional(ra.err(), rb.err());
        }
        if (a instanceof Vt.Handle ha && b instanceof Vt.Handle hb) {
            return ha.own() == hb.own() && ha.resource() == hb.resource();
        }
        return false;
    }

    private static boolean sameAll(List<Vt> a, List<Vt> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameOptional(Optional<Vt> a, Optional<Vt> b) {
        return a.isPresent() == b.isPresent() && (a.isEmpty() || same(a.get(), b.get()));
    }

    static boolean same(Shapes.Func a, Shapes.Func b) {
        return a.names().equals(b.names()) && sameAll(a.params(), b.params()) && sameOptional(a.result(), b.result());
    }

    /**
     * Why {@code actual} cannot stand where {@code expected} is required, or {@code null} when it can. Instances
     * may export more than required; component types are compared by kind only.
     */
    static String mismatch(Shapes.Extern actual, Shapes.Extern expected) {
        if (expected instanceof Shapes.FuncExtern ef) {
            if (!(actual instanceof Shapes.FuncExtern af)) {
                return "a function is required";
            }
            return same(af.type(), ef.type()) ? null : "the function types differ";
        }
        if (expected instanceof Shapes.TypeExtern et) {
            if (!(actual instanceof Shapes.TypeExtern at)) {
                return "a type is required";
            }
            return sameEntry(at.entry(), et.entry()) ? null : "the types differ";
        }
        if (expected instanceof Shapes.InstanceExtern ei) {
            if (!(actual instanceof Shapes.InstanceExtern ai)) {
                return "an instance is required";
            }
            for (Map.Entry<String, Shapes.Extern> export : ei.type().exports().entrySet()) {
                Shapes.Extern provided = ai.type().exports().get(export.getKey());
                if (provided == null) {
                    return "the instance has no export '" + export.getKey() + "'";
                }
                String why = mismatch(provided, export.getValue());
                if (why != null) {
                    return "its export '" + export.getKey() + "': " + why;
                }
            }
            return null;
        }
        if (expected instanceof Shapes.ComponentExtern) {
            return actual instanceof Shapes.ComponentExtern ? null : "a component is required";
        }
        return actual instanceof Shapes.CoreModuleExtern ? null : "a core module is required";
    }

    static boolean sameEntry(Shapes.TypeEntry a, Shapes.TypeEntry b) {
        if (a instanceof Shapes.ResourceEntry ra && b instanceof Shapes.ResourceEntry rb) {
            return ra.resource() == rb.resource();
        }
        if (a instanceof Shapes.ValueEntry va && b instanceof Shapes.ValueEntry vb) {
            return same(va.type(), vb.type());
        }
        if (a instanceof Shapes.FuncEntry fa && b instanceof Shapes.FuncEntry fb) {
            return same(fa.type(), fb.type());
        }
        return a.getClass() == b.getClass();
    }

    /** Whether a type refers to a resource anywhere (outer aliases may not carry one across a component). */
    static boolean mentionsResource(Shapes.TypeEntry entry) {
        if (entry instanceof Shapes.ResourceEntry) {
            return true;
        }
        if (entry instanceof Shapes.ValueEntry value) {
            return mentionsResource(value.type());
        }
        if (entry instanceof Shapes.FuncEntry func) {
            return func.type().params().stream().anyMatch(TypeOps::mentionsResource)
                    || func.type().result().map(TypeOps::mentionsResource).orElse(false);
        }
        if (entry instanceof Shapes.InstanceEntry instance) {
            return instance.type().exports().values().stream().anyMatch(TypeOps::mentionsResource);
        }
        if (entry instanceof Shapes.ComponentEntry component) {
            return component.type().imports().values().stream().anyMatch(TypeOps::mentionsResource)
                    || component.type().exports().values().stream().anyMatch(TypeOps::mentionsResource);
        }
        return false;
    }

    private static boolean mentionsResource(Shapes.Extern extern) {
        if (extern instanceof Shapes.FuncExtern func) {
            return mentionsResource(new Shapes.FuncEntry(func.type()));
        }
        if (extern instanceof Shapes.TypeExtern type) {
            return mentionsResource(type.entry());
        }
        if (extern instanceof Shapes.InstanceExtern instance) {
            return mentionsResource(new Shapes.InstanceEntry(instance.type()));
        }
        if (extern instanceof Shapes.ComponentExtern component) {
            return mentionsResource(new Shapes.ComponentEntry(component.type()));
        }
        return false;
    }

    static boolean mentionsResource(Vt type) {
        if (type instanceof Vt.Handle) {
            return true;
        }
        if (type instanceof Vt.Rec r) {
            return r.types().stream().anyMatch(TypeOps::mentionsResource);
        }
        if (type instanceof Vt.Var v) {
            return v.payloads().stream().flatMap(Optional::stream).anyMatch(TypeOps::mentionsResource);
        }
        if (type instanceof Vt.Lst l) {
            return mentionsResource(l.element());
        }
        if (type instanceof Vt.Tup t) {
            return t.elements().stream().anyMatch(TypeOps::mentionsResource);
        }
        if (type instanceof Vt.Opt o) {
            return mentionsResource(o.some());
        }
        if (type instanceof Vt.Res r) {
            return r.ok().map(TypeOps::mentionsResource).orElse(false)
                    || r.err().map(TypeOps::mentionsResource).orElse(false);
        }
        return false;
    }

    /** Whether a type contains a {@code borrow} anywhere. */
    static boolean containsBorrow(Vt type) {
        if (type instanceof Vt.Handle handle) {
            return !handle.own();
        }
        if (type instanceof Vt.Rec r) {
            return r.types().stream().anyMatch(TypeOps::containsBorrow);
        }
        if (type instanceof Vt.Var v) {
            return v.payloads().stream().flatMap(Optional::stream).anyMatch(TypeOps::containsBorrow);
        }
        if (type instanceof Vt.Lst l) {
            return containsBorrow(l.element());
        }
        if (type instanceof Vt.Tup t) {
            return t.elements().stream().anyMatch(TypeOps::containsBorrow);
        }
        if (type instanceof Vt.Opt o) {
            return containsBorrow(o.some());
        }
        if (type instanceof Vt.Res r) {
            return r.ok().map(TypeOps::containsBorrow).orElse(false) || r.err().map(TypeOps::containsBorrow).orElse(false);
        }
        return false;
    }

    /** Replaces resources by others throughout a type; shared subtrees stay shared. */
    static final class Substitution {
        private final Map<ResourceIdentity, ResourceIdentity> map;
        private final IdentityHashMap<Object, Object> done = new IdentityHashMap<>();
        private final Budget budget;
        private final int offset;
        private final dev.witbind.component.binary.Section section;

        /** A substitution that charges each type node it rebuilds to {@code budget}. */
        Substitution(Map<ResourceIdentity, ResourceIdentity> map, Budget budget, int offset,
                dev.witbind.component.binary.Section section) {
            this.map = map;
            this.budget = budget;
            this.offset = offset;
            this.section = section;
        }

        boolean isEmpty() {
            return map.isEmpty();
        }

        ResourceIdentity resource(ResourceIdentity resource) {
            return map.getOrDefault(resource, resource);
        }

        Vt apply(Vt type) {
            if (map.isEmpty()) {
                return type;
            }
            Object cached = done.get(type);
            if (cached != null) {
                return (Vt) cached;
            }
            budget.charge(1, offset, section);
            Vt result;
            if (type instanceof Vt.Handle h) {
                result = new Vt.Handle(h.own(), resource(h.resource()), h.name());
            } else if (type instanceof Vt.Rec r) {
                result = new Vt.Rec(r.name(), r.labels(), r.types().stream().map(this::apply).toList());
            } else if (type instanceof Vt.Var v) {
                result = new Vt.Var(v.name(), v.labels(), v.payloads().stream().map(p -> p.map(this::apply)).toList());
            } else if (type instanceof Vt.Lst l) {
                result = new Vt.Lst(apply(l.element()));
            } else if (type instanceof Vt.Tup t) {
                result = new Vt.Tup(t.elements().stream().map(this::apply).toList());
            } else if (type instanceof Vt.Opt o) {
                result = new Vt.Opt(apply(o.some()));
            } else if (type instanceof Vt.Res r) {
                result = new Vt.Res(r.ok().map(this::apply), r.err().map(this::apply));
            } else {
                result = type;
            }
            done.put(type, result);
            return result;
        }

        Shapes.Func apply(Shapes.Func func) {
            return new Shapes.Func(func.names(), func.params().stream().map(this::apply).toList(),
                    func.result().map(this::apply));
        }

        Shapes.TypeEntry apply(Shapes.TypeEntry entry) {
            if (entry instanceof Shapes.ValueEntry value) {
                return new Shapes.ValueEntry(apply(value.type()), value.origin(), value.parameter());
            }
            if (entry instanceof Shapes.ResourceEntry resource) {
                return new Shapes.ResourceEntry(resource(resource.resource()), resource.name());
            }
            if (entry instanceof Shapes.FuncEntry func) {
                return new Shapes.FuncEntry(apply(func.type()));
            }
            if (entry instanceof Shapes.InstanceEntry instance) {
                return new Shapes.InstanceEntry(apply(instance.type()));
            }
            return entry;
        }

        Shapes.Instance apply(Shapes.Instance instance) {
            Map<String, Shapes.Extern> exports = new LinkedHashMap<>();
            instance.exports().forEach((name, extern) -> exports.put(name, apply(extern)));
            return new Shapes.Instance(exports);
        }

        Shapes.Extern apply(Shapes.Extern extern) {
            if (map.isEmpty()) {
                return extern;
            }
            budget.charge(1, offset, section);
            if (extern instanceof Shapes.FuncExtern func) {
                return new Shapes.FuncExtern(apply(func.type()));
            }
            if (extern instanceof Shapes.TypeExtern type) {
                return new Shapes.TypeExtern(apply(type.entry()));
            }
            if (extern instanceof Shapes.InstanceExtern instance) {
                return new Shapes.InstanceExtern(apply(instance.type()));
            }
            return extern;
        }
    }
}
