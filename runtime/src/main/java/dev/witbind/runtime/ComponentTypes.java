package dev.witbind.runtime;

import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Type equality as witbind checks it when a component's import is satisfied or an export is asked for: structural, so
 * the names of records, variants, enums and flags do not matter (a component often has none for them), while field
 * and case labels do; parameter names do not (as with Wasmtime's host functions, whose Rust signatures have none,
 * and the Explainer's JavaScript embedding): a host's Java parameter names need not be its WIT's. Resources are
 * compared by the identity the caller decides ({@code sameResource}), because a component's resource and the host's
 * that provides it are different objects.
 */
final class ComponentTypes {
    /** Who holds the expected type, for messages: "the component" for imports, "the host" for exports. */
    private final String wantedBy;
    private final BiPredicate<ResourceType, ResourceType> same;

    private ComponentTypes(String wantedBy, BiPredicate<ResourceType, ResourceType> same) {
        this.wantedBy = wantedBy;
        this.same = same;
    }

    /**
     * The first way {@code wanted} and {@code given} differ, or null.
     *
     * @param wantedBy who expects {@code wanted}, for the message: "the component" (an import) or "the host" (an
     *     export)
     * @param sameResource whether a resource of {@code wanted} is the one of {@code given}
     */
    static String difference(WitFunctionType wanted, WitFunctionType given, String wantedBy,
            BiPredicate<ResourceType, ResourceType> sameResource) {
        return new ComponentTypes(wantedBy, sameResource).function(wanted, given);
    }

    private String function(WitFunctionType wanted, WitFunctionType given) {
        List<WitParam> wantedParams = wanted.params();
        List<WitParam> givenParams = given.params();
        if (wantedParams.size() != givenParams.size()) {
            return "it takes " + givenParams.size() + " parameters, " + wantedBy + " expects " + wantedParams.size();
        }
        for (int i = 0; i < wantedParams.size(); i++) {
            WitParam w = wantedParams.get(i);
            WitParam g = givenParams.get(i);
            String inParam = difference(w.type(), g.type());
            if (inParam != null) {
                return "parameter '" + w.name() + "': " + inParam;
            }
        }
        if (wanted.result().isPresent() != given.result().isPresent()) {
            return given.result().isPresent() ? "it returns a result, " + wantedBy + " expects none"
                    : "it returns nothing, " + wantedBy + " expects a result";
        }
        String inResult = wanted.result().map(w -> difference(w, given.result().get())).orElse(null);
        return inResult == null ? null : "the result: " + inResult;
    }

    private String difference(WitType wanted, WitType given) {
        String mismatch = "it is " + given + ", " + wantedBy + " expects " + wanted;
        if (wanted instanceof PrimitiveType) {
            return wanted == given ? null : mismatch;
        }
        if (wanted instanceof ListType w) {
            return given instanceof ListType g ? nested(difference(w.element(), g.element()), "list element")
                    : mismatch;
        }
        if (wanted instanceof OptionType w) {
            return given instanceof OptionType g ? nested(difference(w.some(), g.some()), "option") : mismatch;
        }
        if (wanted instanceof ResultType w) {
            if (!(given instanceof ResultType g)) {
                return mismatch;
            }
            String ok = optional(w.ok(), g.ok(), "ok");
            return ok != null ? ok : optional(w.err(), g.err(), "error");
        }
        if (wanted instanceof TupleType w) {
            if (!(given instanceof TupleType g) || w.elements().size() != g.elements().size()) {
                return mismatch;
            }
            for (int i = 0; i < w.elements().size(); i++) {
                String element = difference(w.elements().get(i), g.elements().get(i));
                if (element != null) {
                    return nested(element, "tuple element " + i);
                }
            }
            return null;
        }
        if (wanted instanceof RecordType w) {
            if (!(given instanceof RecordType g) || w.fields().size() != g.fields().size()) {
                return mismatch;
            }
            for (int i = 0; i < w.fields().size(); i++) {
                RecordType.Field wf = w.fields().get(i);
                RecordType.Field gf = g.fields().get(i);
                if (!wf.name().equals(gf.name())) {
                    return mismatch;
                }
                String field = difference(wf.type(), gf.type());
                if (field != null) {
                    return nested(field, "field '" + wf.name() + "' of record " + w.name());
                }
            }
            return null;
        }
        if (wanted instanceof VariantType w) {
            if (!(given instanceof VariantType g) || w.cases().size() != g.cases().size()) {
                return mismatch;
            }
            for (int i = 0; i < w.cases().size(); i++) {
                VariantType.Case wc = w.cases().get(i);
                VariantType.Case gc = g.cases().get(i);
                if (!wc.name().equals(gc.name())) {
                    return mismatch;
                }
                String payload = optional(wc.payload(), gc.payload(), "case '" + wc.name() + "'");
                if (payload != null) {
                    return nested(payload, "variant " + w.name());
                }
            }
            return null;
        }
        if (wanted instanceof EnumType w) {
            return given instanceof EnumType g && w.cases().equals(g.cases()) ? null : mismatch;
        }
        if (wanted instanceof FlagsType w) {
            return given instanceof FlagsType g && w.flags().equals(g.flags()) ? null : mismatch;
        }
        if (wanted instanceof HandleType w) {
            return given instanceof HandleType g && w.ownership() == g.ownership()
                    && same.test(w.resource(), g.resource()) ? null : mismatch;
        }
        throw new AssertionError("unknown WIT type " + wanted);
    }

    private String optional(Optional<WitType> wanted, Optional<WitType> given, String what) {
        if (wanted.isPresent() != given.isPresent()) {
            return what + (given.isPresent() ? " has a payload " + wantedBy + " does not expect"
                    : " has no payload, " + wantedBy + " expects one");
        }
        return wanted.map(w -> nested(difference(w, given.get()), what)).orElse(null);
    }

    private static String nested(String difference, String where) {
        return difference == null ? null : "in the " + where + ": " + difference;
    }
}
