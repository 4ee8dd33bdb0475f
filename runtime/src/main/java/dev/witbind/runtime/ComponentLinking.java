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
import dev.witbind.wit.names.NameMap;
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
    private final LinkerInstance root;

    ComponentLinking(LinkerInstance root) {
        this.root = root;
    }

    /** A component linked against the root: what each import resolved to, for instantiation and for reports. */
    record Link(LinkPlan plan, Map<String, LinkerInstance> instances, Map<String, FunctionDefinition<?>> functions,
            Map<ResourceIdentity, ResourceType> hostResources) {}

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
                resolution.unresolved());
    }

    private record Resolution(Link link, List<WitLinkException.Unresolved> unresolved, int wanted) {}

    private Resolution resolve(GuestComponent component) {
        List<ImportBinding> bindings = new ArrayList<>();
        List<WitLinkException.Unresolved> unresolved = new ArrayList<>();
        Map<String, LinkerInstance> instances = new LinkedHashMap<>();
        Map<String, FunctionDefinition<?>> functions = new LinkedHashMap<>();
        Map<ResourceIdentity, ResourceType> hostResources = new IdentityHashMap<>();
        int wanted = 0;
        for (ComponentItem item : component.imports()) {
            switch (item.kind()) {
                case INSTANCE -> wanted += linkInstance(item, ((ItemType.Instance) item.type()).members(), bindings,
                        unresolved, instances, hostResources);
                case FUNCTION -> {
                    wanted++;
                    linkFunction(item, bindings, unresolved, functions);
                }
                case VALUE_TYPE -> { } // a type the component names (an alias or an eq-bound type): nothing to provide
                default -> {
                    wanted++;
                    unresolved.add(new WitLinkException.Unresolved(item.name(), "", "imports a "
                            + item.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + ", which witbind cannot provide yet (it provides instances and functions)"));
                }
            }
        }
        Link link = new Link(new LinkPlan(component.name(), bindings), Map.copyOf(instances), Map.copyOf(functions),
                hostResources);
        return new Resolution(link, unresolved, wanted);
    }

    /** Links one imported instance; returns how many imports (functions and resources) it counts for. */
    private int linkInstance(ComponentItem item, InstanceInterface members, List<ImportBinding> bindings,
            List<WitLinkException.Unresolved> unresolved, Map<String, LinkerInstance> instances,
            Map<ResourceIdentity, ResourceType> hostResources) {
        String name = item.name();
        int count = members.functions().size() + members.resources().size();
        Optional<NameMap.Hit<Definition>> hit = root.table().lookup(name, item.parsedName().compatibilityTrack());
        if (hit.isEmpty() || !(hit.get().value() instanceof InstanceDefinition instanceDefinition)) {
            String problem = hit.isEmpty() ? CoreModuleLinking.noInstance(root, name, item.parsedName()
                    .compatibilityTrack()) : "'" + hit.get().name() + "' is a function, not an instance";
            for (String function : members.functions().keySet()) {
                unresolved.add(new WitLinkException.Unresolved(name, function, problem));
            }
            for (String resource : members.resources().keySet()) {
                unresolved.add(new WitLinkException.Unresolved(name, resource, problem));
            }
            return count;
        }
        LinkerInstance instance = instanceDefinition.instance();
        String resolvedAs = CoreModuleLinking.resolvedAs(hit.get());
        Map<String, ResourceType> provided = resourcesOf(instance);
        Map<ResourceType, ResourceType> guestToHost = new HashMap<>();
        members.resources().forEach((label, identity) -> {
            ResourceType host = provided.get(label);
            if (host == null) {
                unresolved.add(new WitLinkException.Unresolved(name, label, resolvedAs + " has no resource '" + label
                        + "'" + (provided.isEmpty() ? "" : "; it has: " + String.join(", ", provided.keySet()))));
            } else if (hostResources.containsKey(identity) && !hostResources.get(identity).equals(host)) {
                // one resource of the component (wasi:io/streams' output-stream, which wasi:cli/stdout hands out
                // too) must be one resource of the host, whichever import names it
                unresolved.add(new WitLinkException.Unresolved(name, label, resolvedAs + "'s resource '" + label
                        + "' is " + host + ", but the component has it from another import, which the host provides"
                        + " as " + hostResources.get(identity)));
            } else {
                hostResources.put(identity, host);
                // as the component's function types name it: by the import it comes from, which for a resource
                // that another interface defines is not this one
                guestToHost.put(new ResourceType(identity.importName().orElse(name), identity.name()), host);
            }
        });
        members.functions().forEach((function, type) -> {
            Optional<Definition> definition = instance.table().getExact(function);
            if (definition.isEmpty() || !(definition.get() instanceof FunctionDefinition<?> host)) {
                unresolved.add(new WitLinkException.Unresolved(name, function, definition.isEmpty()
                        ? resolvedAs + " has no function '" + function + "'; it has: "
                                + String.join(", ", instance.names())
                        : "'" + function + "' in " + resolvedAs + " is an instance, not a function"));
                return;
            }
            String difference = ComponentTypes.difference(type, host.type(), "the component",
                    (guest, hostType) -> hostType.equals(guestToHost.get(guest)));
            if (difference != null) {
                unresolved.add(new WitLinkException.Unresolved(name, function, "type mismatch: the component "
                        + "imports it as " + type + ", but '" + function + "' in " + resolvedAs + " is " + host.type()
                        + ": " + difference));
                return;
            }
            // the full version a canonical name left out, for reports only
            Optional<Version> guestVersion = item.versionSuffix().flatMap(suffix -> item.originalVersion());
            bindings.add(new ImportBinding(new CoreImport(name, function, "func", Optional.empty(), type.toString()),
                    hit.get().name(), hit.get().track(), hit.get().resolution(), guestVersion, host));
        });
        instances.put(name, instance);
        return count;
    }

    private void linkFunction(ComponentItem item, List<ImportBinding> bindings,
            List<WitLinkException.Unresolved> unresolved, Map<String, FunctionDefinition<?>> functions) {
        WitFunctionType type = ((ItemType.Function) item.type()).type();
        Optional<Definition> definition = root.table().getExact(item.name());
        if (definition.isEmpty() || !(definition.get() instanceof FunctionDefinition<?> host)) {
            unresolved.add(new WitLinkException.Unresolved("", item.name(), definition.isEmpty()
                    ? "the linker defines no function '" + item.name() + "' at its root (define one with "
                            + "linker.root().func(...))"
                    : "'" + item.name() + "' at the linker's root is an instance, not a function"));
            return;
        }
        String difference = ComponentTypes.difference(type, host.type(), "the component", ResourceType::equals);
        if (difference != null) {
            unresolved.add(new WitLinkException.Unresolved("", item.name(), "type mismatch: the component imports it "
                    + "as " + type + ", but the linker's is " + host.type() + ": " + difference));
            return;
        }
        bindings.add(new ImportBinding(new CoreImport("", item.name(), "func", Optional.empty(), type.toString()),
                "", Optional.empty(), dev.witbind.wit.names.Resolution.EXACT, Optional.empty(), host));
        functions.put(item.name(), host);
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
