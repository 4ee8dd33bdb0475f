package dev.witbind.runtime;

import dev.witbind.component.model.ComponentItem;
import dev.witbind.component.model.InstanceInterface;
import dev.witbind.component.model.ItemType;
import dev.witbind.component.model.ResourceIdentity;
import dev.witbind.runtime.LinkerInstance.Definition;
import dev.witbind.runtime.LinkerInstance.FunctionDefinition;
import dev.witbind.runtime.LinkerInstance.InstanceDefinition;
import dev.witbind.runtime.engine.CoreImport;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.wit.names.Version;
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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves every import of a component against a linker's root, as Wasmtime's component linker does: an imported
 * instance by its name through the semver-aware lookup, then each function the component lists (only those it
 * uses) by exact name, with its type checked against the host's (structurally, resources matched by name within the
 * instance); each resource the instance type lists must be one of the host instance's resources.
 */
final class ComponentLinking {
    private final ImportResolver resolver;

    ComponentLinking(ImportResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * A component linked against the root: what each import resolved to, for instantiation and for reports.
     *
     * @param instanceFunctions the function serving each function of an imported instance, by
     *     {@code instance#function} (the host's own, a fallback's or a trap stub)
     * @param functions the host function of each function the component imports directly, by name
     */
    record Link(LinkPlan plan, Map<String, LinkerInstance> instances, Map<String, FunctionDefinition<?>> instanceFunctions,
            Map<String, FunctionDefinition<?>> functions, Map<ResourceIdentity, ResourceType> hostResources) {
        /** The function serving {@code function} of the imported instance {@code instance}. */
        FunctionDefinition<?> instanceFunction(String instance, String function) {
            return instanceFunctions.get(instance + "#" + function);
        }
    }

    /**
     * @throws WitLinkException listing every import, function and resource that does not resolve
     */
    Link link(GuestComponent component) {
        Resolution resolution = resolve(component);
        if (!resolution.unresolved().isEmpty()) {
            throw new WitLinkException(component.name(), resolution.wanted(), resolution.unresolved());
        }
        return resolution.link();
    }

    /** How every import resolves, without failing. */
    LinkReport check(GuestComponent component) {
        Resolution resolution = resolve(component);
        return new LinkReport(component.name(), resolution.wanted(), resolution.link().plan().bindings(),
                resolution.unresolved(), resolution.explanation());
    }

    private record Resolution(Link link, List<WitLinkException.Unresolved> unresolved,
            List<ImportExplanation> explanation, int wanted) {}

    /** What resolving a component's imports collects, import by import. */
    private static final class Collected {
        final List<ImportBinding> bindings = new ArrayList<>();
        final List<WitLinkException.Unresolved> unresolved = new ArrayList<>();
        final List<ImportExplanation> explanation = new ArrayList<>();
        final Map<String, LinkerInstance> instances = new LinkedHashMap<>();
        final Map<String, FunctionDefinition<?>> instanceFunctions = new LinkedHashMap<>();
        final Map<String, FunctionDefinition<?>> functions = new LinkedHashMap<>();
        final Map<ResourceIdentity, ResourceType> hostResources = new IdentityHashMap<>();
        /** The host's resource type for each resource as the component's function types name it. */
        final Map<ResourceType, ResourceType> guestToHost = new HashMap<>();

        void provide(ResourceIdentity identity, ResourceType host) {
            hostResources.put(identity, host);
            guestToHost.put(guestType(identity), host);
        }

        /** Whether {@code host} is what the linked imports provide for the component's {@code guest}. */
        boolean matches(ResourceType guest, ResourceType host) {
            return host.equals(guestToHost.get(guest));
        }

        void refuse(String instance, String member, Optional<Version> guestVersion, ImportExplanation.Outcome outcome,
                String problem) {
            unresolved.add(new WitLinkException.Unresolved(instance, member, problem));
            explanation.add(new ImportExplanation(instance + "#" + member, outcome,
                    guestVersion.map(Version::toString), Optional.empty(), List.of(problem)));
        }

        void bind(ImportBinding binding) {
            bindings.add(binding);
            explanation.add(binding.explanation());
        }
    }

    private Resolution resolve(GuestComponent component) {
        Collected collected = new Collected();
        int wanted = 0;
        for (ComponentItem item : component.imports()) {
            switch (item.kind()) {
                case INSTANCE -> wanted += linkInstance(item, ((ItemType.Instance) item.type()).members(), collected);
                case FUNCTION -> {
                    wanted++;
                    linkFunction(item, collected);
                }
                case RESOURCE -> wanted += linkWorldResource(item, collected);
                case VALUE_TYPE -> { } // a type the component names (an alias or an eq-bound type): nothing to provide
                default -> {
                    wanted++;
                    collected.refuse(item.name(), "", Optional.empty(), ImportExplanation.Outcome.UNRESOLVED,
                            "imports a " + item.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                                    + ", which witbind cannot provide yet (it provides instances and functions)");
                }
            }
        }
        Link link = new Link(new LinkPlan(component.name(), collected.bindings), Map.copyOf(collected.instances),
                Map.copyOf(collected.instanceFunctions), Map.copyOf(collected.functions), collected.hostResources);
        return new Resolution(link, collected.unresolved, collected.explanation, wanted);
    }

    /** Links one imported instance; returns how many imports (functions and resources) it counts for. */
    private int linkInstance(ComponentItem item, InstanceInterface members, Collected collected) {
        String name = item.name();
        int count = members.functions().size() + members.resources().size();
        Optional<String> track = item.parsedName().compatibilityTrack();
        // the version the guest was built against: its name's, or the full one a canonical name left out
        Optional<Version> guestVersion = item.originalVersion();
        Optional<ImportResolver.InstanceHit> hit = resolver.instance(name, track);
        if (hit.isEmpty() || !(hit.get().hit().value() instanceof InstanceDefinition instanceDefinition)) {
            String problem = hit.isEmpty() ? CoreModuleLinking.noInstance(resolver.root(), name, track)
                    : "'" + hit.get().name() + "' is a function, not an instance";
            for (String function : members.functions().keySet()) {
                collected.refuse(name, function, guestVersion, ImportExplanation.Outcome.UNRESOLVED, problem);
            }
            for (String resource : members.resources().keySet()) {
                collected.refuse(name, resource, guestVersion, ImportExplanation.Outcome.UNRESOLVED, problem);
            }
            return count;
        }
        LinkerInstance instance = instanceDefinition.instance();
        String resolvedAs = hit.get().describe();
        Map<String, ResourceType> provided = resourcesOf(instance);
        members.resources().forEach((label, identity) -> {
            ResourceType host = provided.get(label);
            if (host == null) {
                collected.refuse(name, label, guestVersion, ImportExplanation.Outcome.UNRESOLVED, resolvedAs
                        + " has no resource '" + label + "'"
                        + (provided.isEmpty() ? "" : "; it has: " + String.join(", ", provided.keySet())));
            } else if (collected.hostResources.containsKey(identity)
                    && !collected.hostResources.get(identity).equals(host)) {
                // one resource of the component (wasi:io/streams' output-stream, which wasi:cli/stdout hands out
                // too) must be one resource of the host, whichever import names it
                collected.refuse(name, label, guestVersion, ImportExplanation.Outcome.UNRESOLVED, resolvedAs
                        + "'s resource '" + label + "' is " + host + ", but the component has it from another "
                        + "import, which the host provides as " + collected.hostResources.get(identity));
            } else {
                collected.provide(identity, host);
                collected.explanation.add(new ImportExplanation(name + "#" + label, hit.get().outcome(),
                        guestVersion.map(Version::toString), Optional.of(hit.get().name() + "#" + label),
                        List.of()));
            }
        });
        members.functions().forEach((function, type) -> {
            if (instance.table().getExact(function).orElse(null) instanceof InstanceDefinition) {
                collected.refuse(name, function, guestVersion, ImportExplanation.Outcome.UNRESOLVED,
                        "'" + function + "' in " + resolvedAs + " is an instance, not a function");
                return;
            }
            Optional<ImportResolver.Served> served = resolver.function(hit.get(), instance, name, track, function,
                    Optional.of(type));
            if (served.isEmpty()) {
                collected.refuse(name, function, guestVersion, ImportExplanation.Outcome.UNRESOLVED, resolvedAs
                        + " has no function '" + function + "'; it has: " + String.join(", ", instance.names()));
                return;
            }
            FunctionDefinition<?> host = served.get().definition();
            if (served.get().outcome() != ImportExplanation.Outcome.TRAP_STUB) { // a stub has the guest's own type
                String servedAs = served.get().outcome() == ImportExplanation.Outcome.FALLBACK
                        ? "the fallback " + served.get().via().describe() : resolvedAs;
                String difference = ComponentTypes.difference(type, host.type(), "the component",
                        (guest, hostType) -> collected.matches(guest, hostType));
                if (difference != null) {
                    collected.refuse(name, function, guestVersion, ImportExplanation.Outcome.UNRESOLVED,
                            "type mismatch: the component imports it as " + type + ", but '" + function + "' in "
                                    + servedAs + " is " + host.type() + ": " + difference);
                    return;
                }
            }
            List<String> findings = resolver.strictFindings(served.get(), guestVersion);
            if (!findings.isEmpty() && resolver.strictness() == Versioning.Strictness.REFUSE) {
                collected.refuse(name, function, guestVersion, ImportExplanation.Outcome.STRICT_REFUSED,
                        "strict versions refuse it: " + String.join("; ", findings));
                return;
            }
            // the full version a canonical name left out, for reports only
            Optional<Version> canonicalVersion = item.versionSuffix().flatMap(suffix -> item.originalVersion());
            collected.bind(new ImportBinding(new CoreImport(name, function, "func", Optional.empty(),
                    type.toString()), served.get(), canonicalVersion, findings));
            collected.instanceFunctions.put(name + "#" + function, host);
        });
        collected.instances.put(name, instance);
        return count;
    }

    /**
     * Links a resource the component imports at the world level ({@code resource handle} in a world, imported as
     * {@code (import "handle" (type (sub resource)))}): the linker's root must have it, that is, root functions that
     * take or return a resource of that name, as an instance provides the resources its functions mention. A type
     * import bound to another import's resource ({@code use geo.{canvas as board}}, {@code (eq ...)}) needs nothing:
     * that import provides it. Returns how many imports it counts for.
     */
    private int linkWorldResource(ComponentItem item, Collected collected) {
        ResourceIdentity identity = ((ItemType.Resource) item.type()).resource();
        if (identity.origin() != ResourceIdentity.Origin.IMPORTED
                || !identity.importName().equals(Optional.of(item.name()))) {
            return 0;
        }
        LinkerInstance root = resolver.root();
        Map<String, ResourceType> provided = resourcesOf(root);
        ResourceType host = provided.get(identity.name());
        if (host == null) {
            collected.refuse("", item.name(), Optional.empty(), ImportExplanation.Outcome.UNRESOLVED,
                    "the linker's root has no resource '" + item.name() + "' (a world-level resource: define the "
                            + "functions that take or return it with linker.root().func(...))"
                            + (provided.isEmpty() ? "" : "; it has: " + String.join(", ", provided.keySet())));
            return 1;
        }
        collected.provide(identity, host);
        collected.explanation.add(new ImportExplanation(item.name(), ImportExplanation.Outcome.EXACT,
                Optional.empty(), Optional.of(item.name()), List.of()));
        return 1;
    }

    private void linkFunction(ComponentItem item, Collected collected) {
        WitFunctionType type = ((ItemType.Function) item.type()).type();
        Optional<Definition> definition = resolver.root().table().getExact(item.name());
        if (definition.isEmpty() || !(definition.get() instanceof FunctionDefinition<?> host)) {
            collected.refuse("", item.name(), Optional.empty(), ImportExplanation.Outcome.UNRESOLVED,
                    definition.isEmpty()
                            ? "the linker defines no function '" + item.name() + "' at its root (define one with "
                                    + "linker.root().func(...))"
                            : "'" + item.name() + "' at the linker's root is an instance, not a function");
            return;
        }
        String difference = ComponentTypes.difference(type, host.type(), "the component", collected::matches);
        if (difference != null) {
            collected.refuse("", item.name(), Optional.empty(), ImportExplanation.Outcome.UNRESOLVED,
                    "type mismatch: the component imports it as " + type + ", but the linker's is " + host.type()
                            + ": " + difference);
            return;
        }
        collected.bind(new ImportBinding(new CoreImport("", item.name(), "func", Optional.empty(), type.toString()),
                "", Optional.empty(), dev.witbind.wit.names.Resolution.EXACT, Optional.empty(), host));
        collected.functions.put(item.name(), host);
    }

    /**
     * A component's resource as its function types name it: by the import it comes from (which, for a resource that
     * another interface defines, is not the instance that mentions it) and its label there.
     */
    private static ResourceType guestType(ResourceIdentity identity) {
        return new ResourceType(identity.importName().orElse(""), identity.name());
    }

    /** The resources a host instance's functions mention, by label: what it can provide. */
    private static Map<String, ResourceType> resourcesOf(LinkerInstance instance) {
        Map<String, ResourceType> resources = new LinkedHashMap<>();
        for (String name : instance.names()) {
            if (instance.table().getExact(name).orElseThrow() instanceof FunctionDefinition<?> function) {
                function.type().params().stream().map(WitParam::type).forEach(type -> collect(type, resources));
                function.type().result().ifPresent(type -> collect(type, resources));
            }
        }
        return resources;
    }

    private static void collect(WitType type, Map<String, ResourceType> resources) {
        if (type instanceof HandleType handle) {
            resources.putIfAbsent(handle.resource().name(), handle.resource());
        } else if (type instanceof ListType list) {
            collect(list.element(), resources);
        } else if (type instanceof OptionType option) {
            collect(option.some(), resources);
        } else if (type instanceof ResultType result) {
            result.ok().ifPresent(ok -> collect(ok, resources));
            result.err().ifPresent(err -> collect(err, resources));
        } else if (type instanceof TupleType tuple) {
            tuple.elements().forEach(element -> collect(element, resources));
        } else if (type instanceof RecordType record) {
            record.fields().forEach(field -> collect(field.type(), resources));
        } else if (type instanceof VariantType variant) {
            variant.cases().forEach(c -> c.payload().ifPresent(payload -> collect(payload, resources)));
        }
    }
}
