package dev.witbind.component.wit;

import dev.witbind.component.model.ComponentItem;
import dev.witbind.component.model.InstanceInterface;
import dev.witbind.component.model.ItemType;
import dev.witbind.component.model.ResourceIdentity;
import dev.witbind.wit.names.PlainName;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints a component's world as WIT, in the form {@code jco wit} (wasm-tools' {@code component wit}) prints it: the
 * package {@code root:component}, the world {@code root}; in it, imports of instances first, then the world's types
 * ({@code use} of other interfaces' types, then type and resource definitions, resources with their functions),
 * then imported functions, a blank line, and the exports. Inline interfaces (plain-named instances) are printed
 * with their types and functions; interfaces named by an interface name print as their name alone.
 */
public final class WorldPrinter {
    /** Words WIT reserves; a name equal to one is written with a leading {@code %}. */
    private static final Set<String> KEYWORDS = Set.of("as", "async", "bool", "borrow", "char", "constructor",
            "enum", "error-context", "export", "f32", "f64", "flags", "float32", "float64", "func", "future", "import",
            "include", "interface", "list", "map", "option", "own", "package", "record", "resource", "result", "s16",
            "s32", "s64", "s8", "static", "stream", "string", "tuple", "type", "u16", "u32", "u64", "u8", "use",
            "variant", "with", "world");

    private final StringBuilder out = new StringBuilder();
    private boolean anyItems;
    private int indent;

    private WorldPrinter() {}

    /** The world of a component with these imports and exports, as WIT text ending with a newline. */
    public static String print(List<ComponentItem> imports, List<ComponentItem> exports) {
        WorldPrinter printer = new WorldPrinter();
        printer.world(imports, exports);
        return printer.out.toString();
    }

    private void world(List<ComponentItem> imports, List<ComponentItem> exports) {
        out.append("package root:component;\n\nworld root {\n");
        indent = 1;
        Map<String, ItemType> types = new LinkedHashMap<>();
        Map<String, WitFunctionType> functions = new LinkedHashMap<>();
        for (ComponentItem item : imports) {
            if (item.type() instanceof ItemType.Resource || item.type() instanceof ItemType.ValueType) {
                types.put(item.name(), item.type());
            } else if (item.type() instanceof ItemType.Function function) {
                functions.put(item.name(), function.type());
            } else {
                item(item, "import");
                anyItems = true;
            }
        }
        types(types, functions, "");
        functions.forEach((name, type) -> {
            if (!isResourceFunction(name)) {
                line("import " + name(name) + ": " + function(type, false) + ";");
                anyItems = true;
            }
        });
        if (!exports.isEmpty()) {
            newItem();
        }
        for (ComponentItem item : exports) {
            item(item, "export");
        }
        out.append("}\n");
    }

    private void item(ComponentItem item, String direction) {
        boolean interfaceName = item.name().indexOf(':') >= 0;
        if (item.type() instanceof ItemType.Instance instance) {
            if (interfaceName) {
                line(direction + " " + item.name() + ";");
            } else {
                line(direction + " " + name(item.name()) + ": interface {");
                body(instance.members(), item.name());
                line("}");
            }
        } else if (item.type() instanceof ItemType.Function function) {
            line(direction + " " + name(item.name()) + ": " + function(function.type(), false) + ";");
        } else {
            line("// " + direction + " " + item.name() + ": a " + item.kind().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + ", which WIT cannot express");
        }
    }

    /** {@code [constructor]r}, {@code [method]r.m} and {@code [static]r.m}, which print inside resource r. */
    private static boolean isResourceFunction(String name) {
        return name.startsWith("[");
    }

    /** An interface's body: its uses, types (resources with their functions) and functions. */
    private void body(InstanceInterface members, String owner) {
        boolean outerItems = anyItems;
        anyItems = false;
        indent++;
        Map<String, ItemType> types = new LinkedHashMap<>();
        Map<String, WitFunctionType> functions = new LinkedHashMap<>();
        members.members().forEach((name, type) -> {
            if (type instanceof ItemType.Function function) {
                functions.put(name, function.type());
            } else if (type instanceof ItemType.Resource || type instanceof ItemType.ValueType) {
                types.put(name, type);
            }
        });
        types(types, functions, owner);
        functions.forEach((name, type) -> {
            if (!isResourceFunction(name)) {
                newItem();
                line(name(name) + ": " + function(type, false) + ";");
            }
        });
        indent--;
        anyItems = outerItems;
    }

    /**
     * Types of a world or interface: first {@code use} of types another interface defines (consecutive ones of
     * the same interface in one statement), then the definitions.
     */
    private void types(Map<String, ItemType> types, Map<String, WitFunctionType> functions, String owner) {
        List<String[]> uses = new ArrayList<>();
        Map<String, ItemType> declared = new LinkedHashMap<>();
        types.forEach((name, type) -> {
            String[] origin = origin(name, type, owner);
            if (origin == null) {
                declared.put(name, type);
            } else if (!uses.isEmpty() && uses.get(uses.size() - 1)[0].equals(origin[0])) {
                String[] last = uses.get(uses.size() - 1);
                last[1] = last[1] + ", " + alias(origin[1], name);
            } else {
                uses.add(new String[] {origin[0], alias(origin[1], name)});
            }
        });
        for (String[] use : uses) {
            anyItems = true;
            line("use " + use[0] + ".{" + use[1] + "};");
        }
        declared.forEach((name, type) -> {
            newItem();
            if (type instanceof ItemType.Resource) {
                resource(name, functions);
            } else {
                declaration(name, ((ItemType.ValueType) type).type());
            }
        });
    }

    private String alias(String original, String name) {
        return original.equals(name) ? name(name) : name(original) + " as " + name(name);
    }

    /** The interface and name a type is used from, or {@code null} when the world or interface defines it. */
    private static String[] origin(String name, ItemType type, String owner) {
        if (type instanceof ItemType.Resource resource) {
            ResourceIdentity identity = resource.resource();
            if (identity.origin() == ResourceIdentity.Origin.IMPORTED && identity.importName().isPresent()
                    && !identity.importName().get().equals(owner) && !identity.importName().get().equals(name)) {
                return new String[] {identity.importName().get(), identity.name()};
            }
            return null;
        }
        ItemType.ValueType value = (ItemType.ValueType) type;
        return value.origin().filter(o -> !o.interfaceName().equals(owner))
                .map(o -> new String[] {o.interfaceName(), o.name()}).orElse(null);
    }

    private void resource(String name, Map<String, WitFunctionType> functions) {
        List<String> members = new ArrayList<>();
        functions.forEach((functionName, type) -> {
            if (!isResourceFunction(functionName)) {
                return;
            }
            PlainName plain = PlainName.parse(functionName);
            if (!plain.resource().orElseThrow().equals(name)) {
                return;
            }
            switch (plain.kind()) {
                case CONSTRUCTOR -> members.add(constructor(type));
                case METHOD -> members.add(name(plain.label()) + ": " + function(type, true) + ";");
                case STATIC -> members.add(name(plain.label()) + ": static " + function(type, false) + ";");
                default -> { }
            }
        });
        if (members.isEmpty()) {
            line("resource " + name(name) + ";");
            return;
        }
        line("resource " + name(name) + " {");
        indent++;
        members.forEach(this::line);
        indent--;
        line("}");
    }

    private String constructor(WitFunctionType type) {
        StringBuilder text = new StringBuilder("constructor(").append(params(type.params(), false)).append(")");
        type.result().filter(result -> !(result instanceof HandleType))
                .ifPresent(result -> text.append(" -> ").append(ref(result)));
        return text.append(";").toString();
    }

    private void declaration(String name, WitType type) {
        if (type instanceof RecordType record && record.name().equals(name)) {
            line("record " + name(name) + " {");
            indent++;
            record.fields().forEach(field -> line(name(field.name()) + ": " + ref(field.type()) + ","));
            indent--;
            line("}");
        } else if (type instanceof VariantType variant && variant.name().equals(name)) {
            line("variant " + name(name) + " {");
            indent++;
            variant.cases().forEach(c -> line(name(c.name()) + c.payload().map(p -> "(" + ref(p) + ")").orElse("") + ","));
            indent--;
            line("}");
        } else if (type instanceof EnumType enumType && enumType.name().equals(name)) {
            line("enum " + name(name) + " {");
            indent++;
            enumType.cases().forEach(c -> line(name(c) + ","));
            indent--;
            line("}");
        } else if (type instanceof FlagsType flags && flags.name().equals(name)) {
            line("flags " + name(name) + " {");
            indent++;
            flags.flags().forEach(f -> line(name(f) + ","));
            indent--;
            line("}");
        } else {
            line("type " + name(name) + " = " + ref(type) + ";");
        }
    }

    private String function(WitFunctionType type, boolean method) {
        StringBuilder text = new StringBuilder("func(").append(params(type.params(), method)).append(")");
        type.result().ifPresent(result -> text.append(" -> ").append(ref(result)));
        return text.toString();
    }

    private String params(List<WitParam> params, boolean skipSelf) {
        StringBuilder text = new StringBuilder();
        for (int i = skipSelf ? 1 : 0; i < params.size(); i++) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(name(params.get(i).name())).append(": ").append(ref(params.get(i).type()));
        }
        return text.toString();
    }

    /** A reference to a type: a named type by its name, an anonymous one by its structure. */
    private static String ref(WitType type) {
        if (type instanceof PrimitiveType) {
            return type.toString();
        }
        if (type instanceof RecordType record) {
            return name(record.name());
        }
        if (type instanceof VariantType variant) {
            return name(variant.name());
        }
        if (type instanceof EnumType enumType) {
            return name(enumType.name());
        }
        if (type instanceof FlagsType flags) {
            return name(flags.name());
        }
        if (type instanceof ListType list) {
            return "list<" + ref(list.element()) + ">";
        }
        if (type instanceof OptionType option) {
            return "option<" + ref(option.some()) + ">";
        }
        if (type instanceof TupleType tuple) {
            return "tuple<" + String.join(", ", tuple.elements().stream().map(WorldPrinter::ref).toList()) + ">";
        }
        if (type instanceof ResultType result) {
            if (result.ok().isEmpty() && result.err().isEmpty()) {
                return "result";
            }
            if (result.err().isEmpty()) {
                return "result<" + ref(result.ok().get()) + ">";
            }
            return "result<" + result.ok().map(WorldPrinter::ref).orElse("_") + ", " + ref(result.err().get()) + ">";
        }
        HandleType handle = (HandleType) type;
        String resource = name(handle.resource().name());
        return handle.ownership() == HandleType.Ownership.OWN ? resource : "borrow<" + resource + ">";
    }

    private static String name(String name) {
        return KEYWORDS.contains(name) ? "%" + name : name;
    }

    private void newItem() {
        if (anyItems) {
            out.append('\n');
        }
        anyItems = true;
    }

    private void line(String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }
}
