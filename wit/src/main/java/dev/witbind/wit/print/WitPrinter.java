package dev.witbind.wit.print;

import dev.witbind.wit.parser.model.Gates;
import dev.witbind.wit.parser.model.PackageName;
import dev.witbind.wit.parser.model.ResolvedWit;
import dev.witbind.wit.parser.model.WitFunctionDef;
import dev.witbind.wit.parser.model.WitInterfaceDef;
import dev.witbind.wit.parser.model.WitPackage;
import dev.witbind.wit.parser.model.WitTypeDef;
import dev.witbind.wit.parser.model.WitWorld;
import dev.witbind.wit.parser.model.WorldItem;
import dev.witbind.wit.parser.syntax.WitParser;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.FixedListType;
import dev.witbind.wit.types.FlagsType;
import dev.witbind.wit.types.FutureType;
import dev.witbind.wit.types.HandleType;
import dev.witbind.wit.types.ListType;
import dev.witbind.wit.types.MapType;
import dev.witbind.wit.types.OptionType;
import dev.witbind.wit.types.RecordType;
import dev.witbind.wit.types.ResourceType;
import dev.witbind.wit.types.ResultType;
import dev.witbind.wit.types.StreamType;
import dev.witbind.wit.types.TupleType;
import dev.witbind.wit.types.VariantType;
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints resolved WIT back as WIT text, normalised: what witbind understood, so that a user can compare it with what
 * they wrote. The root package comes first, as the file's package; every other package follows as a
 * {@code package ... { }} block, so the output is one WIT file that resolves to the same packages.
 *
 * <p>Normalised means: worlds are elaborated ({@code include}s merged, the interfaces their imports and exports need
 * listed as imports), resources' functions are in their resource's block, type aliases are resolved where a type is
 * used (the alias itself stays), items behind a disabled feature are gone, and the gates, the docs and the order of
 * declaration are kept (the other packages are sorted by name). Printing what was printed and parsed again gives the
 * same text.
 */
public final class WitPrinter {
    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();
    private final Set<String> worldIds = new HashSet<>();
    private PackageName current;

    private WitPrinter() {}

    /** The WIT text of every package of {@code wit}, the root first. */
    public static String print(ResolvedWit wit) {
        WitPrinter printer = new WitPrinter();
        wit.packages().forEach(pkg -> pkg.worlds().values().forEach(world -> printer.worldIds.add(world.id())));
        printer.rootPackage(wit.root());
        // The other packages by name, so that the text does not depend on the order they were found in.
        wit.packages().stream().filter(pkg -> pkg != wit.root())
                .sorted(Comparator.comparing((WitPackage pkg) -> pkg.name().toString()))
                .forEach(printer::nestedPackage);
        return printer.out.toString();
    }

    private void rootPackage(WitPackage pkg) {
        current = pkg.name();
        out.append(docs(pkg.docs(), "")).append("package ").append(pkg.name()).append(";\n");
        for (String block : items(pkg, "")) {
            out.append('\n').append(block);
        }
    }

    private void nestedPackage(WitPackage pkg) {
        current = pkg.name();
        out.append('\n').append(docs(pkg.docs(), "")).append("package ").append(pkg.name()).append(" {\n");
        out.append(String.join("\n", items(pkg, INDENT)));
        out.append("}\n");
    }

    /** Each interface and world of a package, as a block of lines. */
    private List<String> items(WitPackage pkg, String indent) {
        List<String> blocks = new ArrayList<>();
        for (WitInterfaceDef iface : pkg.interfaces().values()) {
            blocks.add(docs(iface.docs(), indent) + gates(iface.gates(), indent) + block(indent, "interface "
                    + id(iface.label()), interfaceLines(iface, indent + INDENT)));
        }
        for (WitWorld world : pkg.worlds().values()) {
            blocks.add(docs(world.docs(), indent) + gates(world.gates(), indent) + block(indent, "world "
                    + id(world.name()), worldLines(world, indent + INDENT)));
        }
        return blocks;
    }

    /** {@code head {}} when there are no lines, else the lines between {@code head {} and {@code }}. */
    private static String block(String indent, String head, List<String> lines) {
        if (lines.isEmpty()) {
            return indent + head + " {}\n";
        }
        return indent + head + " {\n" + String.join("", lines) + indent + "}\n";
    }

    // ---- interfaces ----

    private List<String> interfaceLines(WitInterfaceDef iface, String indent) {
        Scope scope = new Scope(iface.types());
        List<String> lines = new ArrayList<>();
        typeLines(iface.types(), iface.functions().values().stream().toList(), scope, indent, lines);
        for (WitFunctionDef function : iface.freestandingFunctions()) {
            lines.add(function(function, scope, indent));
        }
        return lines;
    }

    /** {@code use} lines grouped by interface, then the type definitions, resources with their functions. */
    private void typeLines(Map<String, WitTypeDef> types, List<WitFunctionDef> functions, Scope scope, String indent,
            List<String> lines) {
        Map<String, List<WitTypeDef>> uses = new LinkedHashMap<>();
        for (WitTypeDef def : types.values()) {
            if (def.kind() == WitTypeDef.Kind.USE && !fromWorld(def)) {
                uses.computeIfAbsent(def.refersTo().orElseThrow().owner(), owner -> new ArrayList<>()).add(def);
            }
        }
        for (Map.Entry<String, List<WitTypeDef>> use : uses.entrySet()) {
            String names = use.getValue().stream().map(def -> {
                String original = def.refersTo().orElseThrow().name();
                return original.equals(def.name()) ? id(def.name()) : id(original) + " as " + id(def.name());
            }).collect(Collectors.joining(", "));
            lines.add(indent + "use " + usePath(use.getKey()) + ".{" + names + "};\n");
        }
        for (WitTypeDef def : types.values()) {
            if (def.kind() != WitTypeDef.Kind.USE || fromWorld(def)) {
                lines.add(typeDefinition(def, functions, scope, indent));
            }
        }
    }

    /**
     * A type an {@code include} brought from another world: no {@code use} can name a world, so it is printed as a
     * definition under the name it has here.
     */
    private boolean fromWorld(WitTypeDef def) {
        return def.kind() == WitTypeDef.Kind.USE && worldIds.contains(def.refersTo().orElseThrow().owner());
    }

    private String typeDefinition(WitTypeDef def, List<WitFunctionDef> functions, Scope scope, String indent) {
        StringBuilder text = new StringBuilder();
        text.append(docs(def.docs(), indent)).append(gates(def.gates(), indent));
        String name = id(def.name());
        WitTypeDef.Kind kind = def.kind() != WitTypeDef.Kind.USE ? def.kind()
                : def.resource().isPresent() ? WitTypeDef.Kind.RESOURCE
                : def.type() instanceof RecordType ? WitTypeDef.Kind.RECORD
                : def.type() instanceof VariantType ? WitTypeDef.Kind.VARIANT
                : def.type() instanceof EnumType ? WitTypeDef.Kind.ENUM
                : def.type() instanceof FlagsType ? WitTypeDef.Kind.FLAGS : WitTypeDef.Kind.ALIAS;
        switch (kind) {
            case ALIAS -> text.append(indent).append("type ").append(name).append(" = ")
                    .append(def.kind() == WitTypeDef.Kind.USE ? def.type().toString() : type(def.type(), scope))
                    .append(";\n");
            case RECORD -> {
                RecordType record = (RecordType) def.type();
                text.append(indent).append("record ").append(name).append(" {");
                members(text, record.fields().stream().map(f -> id(f.name()) + ": " + type(f.type(), scope)).toList(),
                        indent);
            }
            case VARIANT -> {
                VariantType variant = (VariantType) def.type();
                text.append(indent).append("variant ").append(name).append(" {");
                members(text, variant.cases().stream().map(c -> id(c.name())
                        + c.payload().map(p -> "(" + type(p, scope) + ")").orElse("")).toList(), indent);
            }
            case ENUM -> {
                text.append(indent).append("enum ").append(name).append(" {");
                members(text, ((EnumType) def.type()).cases().stream().map(WitPrinter::id).toList(), indent);
            }
            case FLAGS -> {
                text.append(indent).append("flags ").append(name).append(" {");
                members(text, ((FlagsType) def.type()).flags().stream().map(WitPrinter::id).toList(), indent);
            }
            case RESOURCE -> {
                String resourceName = def.resource().orElseThrow().name();
                List<WitFunctionDef> own = functions.stream()
                        .filter(f -> f.resource().equals(Optional.of(resourceName))).toList();
                text.append(indent).append("resource ").append(name);
                if (own.isEmpty()) {
                    text.append(";\n");
                } else {
                    text.append(" {\n");
                    for (WitFunctionDef function : own) {
                        text.append(resourceFunction(function, def.resource().orElseThrow(), scope, indent + INDENT));
                    }
                    text.append(indent).append("}\n");
                }
            }
            default -> throw new IllegalStateException("a use is printed as a use");
        }
        return text.toString();
    }

    private static void members(StringBuilder text, List<String> members, String indent) {
        if (members.isEmpty()) {
            text.append("}\n");
            return;
        }
        text.append('\n');
        for (String member : members) {
            text.append(indent).append(INDENT).append(member).append(",\n");
        }
        text.append(indent).append("}\n");
    }

    private String resourceFunction(WitFunctionDef function, ResourceType resource, Scope scope, String indent) {
        String head = docs(function.docs(), indent) + gates(function.gates(), indent) + indent;
        List<WitParam> params = function.type().params();
        return switch (function.kind()) {
            case CONSTRUCTOR -> {
                Optional<WitType> result = function.type().result().filter(r -> !r.equals(HandleType.own(resource)));
                yield head + "constructor(" + params(params, scope) + ")"
                        + result.map(r -> " -> " + type(r, scope)).orElse("") + ";\n";
            }
            case METHOD -> head + id(function.name().label()) + ": " + signature(function,
                    params.subList(1, params.size()), scope) + ";\n";
            default -> head + id(function.name().label()) + ": static " + signature(function, params, scope) + ";\n";
        };
    }

    private String function(WitFunctionDef function, Scope scope, String indent) {
        return docs(function.docs(), indent) + gates(function.gates(), indent) + indent
                + id(function.name().label()) + ": " + signature(function, function.type().params(), scope) + ";\n";
    }

    private String signature(WitFunctionDef function, List<WitParam> params, Scope scope) {
        return (function.async() ? "async " : "") + "func(" + params(params, scope) + ")"
                + function.type().result().map(r -> " -> " + type(r, scope)).orElse("");
    }

    private String params(List<WitParam> params, Scope scope) {
        return params.stream().map(p -> id(p.name()) + ": " + type(p.type(), scope)).collect(Collectors.joining(", "));
    }

    // ---- worlds ----

    private List<String> worldLines(WitWorld world, String indent) {
        Scope scope = new Scope(world.types());
        List<String> lines = new ArrayList<>();
        List<WitFunctionDef> resourceFunctions = new ArrayList<>();
        List<String> functionLines = new ArrayList<>();
        for (WorldItem item : world.imports().values()) {
            if (item instanceof WorldItem.Function function && function.function().resource().isPresent()) {
                resourceFunctions.add(function.function());
            } else {
                (item instanceof WorldItem.Function ? functionLines : lines)
                        .add(worldItem("import", item, scope, indent));
            }
        }
        typeLines(world.types(), resourceFunctions, scope, indent, lines);
        lines.addAll(functionLines);
        for (WorldItem item : world.exports().values()) {
            lines.add(worldItem("export", item, scope, indent));
        }
        return lines;
    }

    private String worldItem(String direction, WorldItem item, Scope scope, String indent) {
        String head = docs(item.docs(), indent) + gates(item.gates(), indent);
        if (item instanceof WorldItem.InterfaceRef ref) {
            return head + indent + direction + " " + ref.label().map(label -> id(label) + ": ").orElse("")
                    + usePath(ref.name().toString()) + ";\n";
        }
        if (item instanceof WorldItem.Function function) {
            return head + indent + direction + " " + id(function.key()) + ": " + signature(function.function(),
                    function.function().type().params(), scope) + ";\n";
        }
        WitInterfaceDef inline = ((WorldItem.InlineInterface) item).target();
        return head + block(indent, direction + " " + id(item.key()) + ": interface",
                interfaceLines(inline, indent + INDENT));
    }

    // ---- types ----

    /**
     * The names types have where a type is written: a named type by the name this interface or world gives it
     * ({@code use a.{t as u}} calls {@code t} {@code u} here), a handle by its resource's local name.
     */
    private static final class Scope {
        final Map<WitType, String> named = new HashMap<>();
        final Map<ResourceType, String> resources = new HashMap<>();

        Scope(Map<String, WitTypeDef> types) {
            for (WitTypeDef def : types.values()) {
                if (def.resource().isPresent()) {
                    resources.putIfAbsent(def.resource().get(), def.name());
                } else if (def.kind() != WitTypeDef.Kind.ALIAS || isNamed(def.type())) {
                    if (def.kind() != WitTypeDef.Kind.ALIAS) {
                        named.put(def.type(), def.name());
                    } else {
                        named.putIfAbsent(def.type(), def.name());
                    }
                }
            }
        }

        private static boolean isNamed(WitType type) {
            return type instanceof RecordType || type instanceof VariantType || type instanceof EnumType
                    || type instanceof FlagsType;
        }
    }

    private static String type(WitType type, Scope scope) {
        String local = scope.named.get(type);
        if (local != null) {
            return id(local);
        }
        if (type instanceof HandleType handle) {
            String name = id(scope.resources.getOrDefault(handle.resource(), handle.resource().name()));
            return handle.ownership() == HandleType.Ownership.OWN ? name : "borrow<" + name + ">";
        }
        if (type instanceof ListType list) {
            return "list<" + type(list.element(), scope) + ">";
        }
        if (type instanceof FixedListType list) {
            return "list<" + type(list.element(), scope) + ", " + list.length() + ">";
        }
        if (type instanceof MapType map) {
            return "map<" + type(map.key(), scope) + ", " + type(map.value(), scope) + ">";
        }
        if (type instanceof OptionType option) {
            return "option<" + type(option.some(), scope) + ">";
        }
        if (type instanceof ResultType result) {
            if (result.ok().isEmpty() && result.err().isEmpty()) {
                return "result";
            }
            if (result.err().isEmpty()) {
                return "result<" + type(result.ok().get(), scope) + ">";
            }
            return "result<" + result.ok().map(t -> type(t, scope)).orElse("_") + ", "
                    + type(result.err().get(), scope) + ">";
        }
        if (type instanceof TupleType tuple) {
            return tuple.elements().stream().map(t -> type(t, scope)).collect(Collectors.joining(", ", "tuple<", ">"));
        }
        if (type instanceof StreamType stream) {
            return stream.element().map(t -> "stream<" + type(t, scope) + ">").orElse("stream");
        }
        if (type instanceof FutureType future) {
            return future.value().map(t -> "future<" + type(t, scope) + ">").orElse("future");
        }
        // Primitives, error-context, and a named type this scope has no name for (which resolved WIT does not have).
        return type.toString();
    }

    // ---- names, docs and gates ----

    /** An interface named from the current package by its label, from another by its full name. */
    private String usePath(String interfaceId) {
        int slash = interfaceId.indexOf('/');
        String pkg = interfaceId.substring(0, slash);
        String rest = interfaceId.substring(slash + 1);
        int at = rest.indexOf('@');
        String label = at < 0 ? rest : rest.substring(0, at);
        String version = at < 0 ? "" : rest.substring(at);
        return (pkg + version).equals(current.toString()) ? id(label) : pkg + "/" + id(label) + version;
    }

    /** A name as WIT writes it: with {@code %} when it is a keyword. */
    private static String id(String name) {
        return WitParser.isKeyword(name) ? "%" + name : name;
    }

    private static String docs(String docs, String indent) {
        if (docs.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String line : docs.split("\n", -1)) {
            text.append(indent).append("///").append(line.isEmpty() ? "" : " " + line).append('\n');
        }
        return text.toString();
    }

    private static String gates(Gates gates, String indent) {
        StringBuilder text = new StringBuilder();
        gates.since().ifPresent(v -> text.append(indent).append("@since(version = ").append(v).append(")\n"));
        gates.unstableFeature().ifPresent(f -> text.append(indent).append("@unstable(feature = ").append(id(f))
                .append(")\n"));
        gates.deprecated().ifPresent(v -> text.append(indent).append("@deprecated(version = ").append(v).append(")\n"));
        return text.toString();
    }
}
