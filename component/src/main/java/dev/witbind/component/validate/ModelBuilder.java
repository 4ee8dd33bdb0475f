package dev.witbind.component.validate;

import dev.witbind.component.binary.ComponentBinary;
import dev.witbind.component.binary.Definition;
import dev.witbind.component.binary.Section;
import dev.witbind.component.model.CanonFunction;
import dev.witbind.component.model.ComponentItem;
import dev.witbind.component.model.InstanceInterface;
import dev.witbind.component.model.ItemType;
import dev.witbind.component.model.NestedScope;
import dev.witbind.component.model.ResourceIdentity;
import dev.witbind.wit.types.ResourceType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the public model from the validated top-level scope. A resource the component defines is named after
 * the first export that carries it (the interface, and its label there), as WIT attributes a resource to the
 * interface that declares it; an imported resource after its import.
 */
final class ModelBuilder {
    private final Map<ResourceIdentity, ResourceType> homes = new IdentityHashMap<>();
    private final WitConversion conversion;

    private ModelBuilder() {
        this.conversion = new WitConversion(this::witResource);
    }

    static ValidatedComponent build(ComponentBinary binary, Scope scope, List<CanonFunction> canonFunctions,
            Map<ComponentBinary, NestedScope> scopes) {
        ModelBuilder builder = new ModelBuilder();
        scope.exports.forEach(builder::findHomes);
        List<ComponentItem> imports = new ArrayList<>();
        List<ComponentItem> exports = new ArrayList<>();
        for (Definition definition : binary.definitions()) {
            if (definition instanceof Definition.Import imported) {
                imports.add(new ComponentItem(imported.name(), NameRules.externName(imported.name(),
                                imported.versionSuffix(), imported.offset(), Section.IMPORT), imported.versionSuffix(),
                        builder.item(scope.imports.get(imported.name())), imported.defines(), imported.offset()));
            } else if (definition instanceof Definition.Export exported) {
                exports.add(new ComponentItem(exported.name(), NameRules.externName(exported.name(),
                                exported.versionSuffix(), exported.offset(), Section.EXPORT), exported.versionSuffix(),
                        builder.item(scope.exports.get(exported.name())), exported.defines(), exported.offset()));
            }
        }
        return new ValidatedComponent(binary, imports, exports, canonFunctions, scopes);
    }

    private void findHomes(String exportName, Shapes.Extern extern) {
        if (extern instanceof Shapes.TypeExtern type && type.entry() instanceof Shapes.ResourceEntry resource) {
            homes.putIfAbsent(resource.resource(), new ResourceType("", label(exportName, resource.resource())));
        } else if (extern instanceof Shapes.InstanceExtern instance) {
            instance.type().exports().forEach((name, member) -> {
                if (member instanceof Shapes.TypeExtern type && type.entry() instanceof Shapes.ResourceEntry resource) {
                    homes.putIfAbsent(resource.resource(), new ResourceType(exportName, label(name, resource.resource())));
                }
            });
        }
    }

    private static String label(String name, ResourceIdentity resource) {
        return dev.witbind.wit.names.Label.isLabel(name) ? name : resource.name();
    }

    private ResourceType witResource(ResourceIdentity resource) {
        ResourceType home = homes.get(resource);
        if (home != null) {
            return home;
        }
        String name = dev.witbind.wit.names.Label.isLabel(resource.name()) ? resource.name() : "resource";
        return new ResourceType(resource.importName().orElse(""), name);
    }

    private ItemType item(Shapes.Extern extern) {
        if (extern instanceof Shapes.FuncExtern func) {
            return new ItemType.Function(conversion.function(func.type()));
        }
        if (extern instanceof Shapes.TypeExtern type) {
            Shapes.TypeEntry entry = type.entry();
            if (entry instanceof Shapes.ResourceEntry resource) {
                return new ItemType.Resource(resource.resource());
            }
            if (entry instanceof Shapes.ValueEntry value) {
                return new ItemType.ValueType(conversion.type(value.type()), value.origin());
            }
            return new ItemType.TypeDefinition(ComponentValidator.kindOf(entry));
        }
        if (extern instanceof Shapes.InstanceExtern instance) {
            Map<String, ItemType> members = new LinkedHashMap<>();
            instance.type().exports().forEach((name, member) -> members.put(name, item(member)));
            return new ItemType.Instance(new InstanceInterface(members));
        }
        if (extern instanceof Shapes.ComponentExtern) {
            return new ItemType.Component();
        }
        return new ItemType.CoreModule();
    }
}
