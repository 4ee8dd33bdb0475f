package dev.witbind.component.validate;

import dev.witbind.component.model.ResourceIdentity;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Converts resolved types to the {@code wit.types} model. WIT's record, variant, enum and flags types have names;
 * a component type index has one when an import or export introduced it, and otherwise gets {@code type-N} in the
 * order the conversion meets it. Resources become {@link ResourceType}s by a naming the caller supplies (the
 * interface that exports or imports them). Converted types are memoized by identity, so shared subtrees stay
 * shared and the conversion's work is the number of distinct types, not the size of their trees.
 */
final class WitConversion {
    private final Function<ResourceIdentity, ResourceType> resources;
    private final boolean localNames;
    private final Map<Vt, WitType> done = new IdentityHashMap<>();
    private int anonymous;

    /** A conversion for the component's world: a handle names its resource as the world does ({@code board}). */
    WitConversion(Function<ResourceIdentity, ResourceType> resources) {
        this(resources, true);
    }

    /**
     * @param localNames whether a handle names its resource as the world does where it uses it ({@code use
     *     geo.{canvas as board}} gives {@code borrow<board>}); {@code false} keeps exactly the type {@code resources}
     *     gives, as an instance's run-time types must be: a board handle is a canvas handle
     */
    WitConversion(Function<ResourceIdentity, ResourceType> resources, boolean localNames) {
        this.resources = resources;
        this.localNames = localNames;
    }

    WitFunctionType function(Shapes.Func func) {
        List<WitParam> params = new ArrayList<>(func.params().size());
        for (int i = 0; i < func.params().size(); i++) {
            params.add(new WitParam(func.names().get(i), type(func.params().get(i))));
        }
        return new WitFunctionType(params, func.result().map(this::type));
    }

    WitType type(Vt type) {
        WitType cached = done.get(type);
        if (cached != null) {
            return cached;
        }
        WitType result = convert(type);
        done.put(type, result);
        return result;
    }

    private String name(String name) {
        return name != null ? name : "type-" + ++anonymous;
    }

    private WitType convert(Vt type) {
        if (type instanceof Vt.Prim p) {
            return p.type();
        }
        if (type instanceof Vt.Rec r) {
            List<RecordType.Field> fields = new ArrayList<>(r.labels().size());
            for (int i = 0; i < r.labels().size(); i++) {
                fields.add(new RecordType.Field(r.labels().get(i), type(r.types().get(i))));
            }
            return new RecordType(name(r.name()), fields);
        }
        if (type instanceof Vt.Var v) {
            List<VariantType.Case> cases = new ArrayList<>(v.labels().size());
            for (int i = 0; i < v.labels().size(); i++) {
                cases.add(new VariantType.Case(v.labels().get(i), v.payloads().get(i).map(this::type)));
            }
            return new VariantType(name(v.name()), cases);
        }
        if (type instanceof Vt.Flg f) {
            return new FlagsType(name(f.name()), f.labels());
        }
        if (type instanceof Vt.Enm e) {
            return new EnumType(name(e.name()), e.labels());
        }
        if (type instanceof Vt.Lst l) {
            return new ListType(type(l.element()));
        }
        if (type instanceof Vt.Tup t) {
            return new TupleType(t.elements().stream().map(this::type).toList());
        }
        if (type instanceof Vt.Opt o) {
            return new OptionType(type(o.some()));
        }
        if (type instanceof Vt.Res r) {
            Optional<WitType> ok = r.ok().map(this::type);
            Optional<WitType> err = r.err().map(this::type);
            return new ResultType(ok, err);
        }
        Vt.Handle h = (Vt.Handle) type;
        ResourceType resource = resources.apply(h.resource());
        if (localNames && h.name() != null && dev.witbind.wit.names.Label.isLabel(h.name())) {
            resource = new ResourceType(resource.owner(), h.name());
        }
        return h.own() ? HandleType.own(resource) : HandleType.borrow(resource);
    }
}
