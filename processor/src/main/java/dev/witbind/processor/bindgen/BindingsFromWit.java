package dev.witbind.processor.bindgen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitTuple;
import dev.witbind.wit.parser.model.WitFunctionDef;
import dev.witbind.wit.parser.model.WitWorld;
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
import dev.witbind.wit.types.WitParam;
import dev.witbind.wit.types.WitType;
import dev.witbind.wit.values.Result;
import dev.witbind.wit.values.VariantValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;

public final class BindingsFromWit {
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final AnnotationSpec UNSIGNED = AnnotationSpec.builder(Unsigned.class).build();
    static final AnnotationSpec WIT_CHAR = AnnotationSpec.builder(WitChar.class).build();
    static final AnnotationSpec BORROW = AnnotationSpec.builder(Borrow.class).build();
    static final ClassName LIST = ClassName.get(List.class);
    static final ClassName OPTIONAL = ClassName.get(Optional.class);
    static final ClassName MAP = ClassName.get(Map.class);
    static final ClassName SET = ClassName.get(Set.class);
    static final ClassName LINKED_HASH_MAP = ClassName.get(LinkedHashMap.class);
    static final ClassName LINKED_HASH_SET = ClassName.get(LinkedHashSet.class);
    static final ClassName ARRAY_LIST = ClassName.get(ArrayList.class);
    static final ClassName ENUM_SET = ClassName.get("java.util", "EnumSet");
    static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
    static final ClassName RESULT = ClassName.get(Result.class);
    static final ClassName VARIANT_VALUE = ClassName.get(VariantValue.class);
    static final ClassName GUEST_INSTANCE = ClassName.get("dev.witbind.runtime", "GuestInstance");
    static final ClassName GUEST_FUNCTION = ClassName.get("dev.witbind.runtime", "GuestFunction");
    static final String TYPES = "dev.witbind.wit.types";
    static final ClassName WIT_FUNCTION_TYPE = ClassName.get(TYPES, "WitFunctionType");
    static final ClassName WIT_PARAM = ClassName.get(TYPES, "WitParam");
    static final ClassName PRIMITIVE_TYPE = ClassName.get(TYPES, "PrimitiveType");
    /** Simple names a generated type must not take: the generated code uses these classes unqualified. */
    static final Set<String> RESERVED_TYPE_NAMES = Set.of("Object", "String", "Boolean", "Byte", "Short",
            "Integer", "Long", "Float", "Double", "Void", "Optional", "List", "Map", "Set", "EnumSet", "Result",
            "VariantValue", "GuestInstance", "GuestFunction", "Generated", "Objects", "LinkedHashMap",
            "LinkedHashSet", "ArrayList", "Unsigned", "WitChar", "Borrow", "WitTuple", "Record", "Enum");
    /** Method names of the proxy that exports must not take. */
    static final Set<String> RESERVED_METHODS = Set.of("guestInstance", "getClass", "hashCode", "equals",
            "toString", "notify", "notifyAll", "wait", "clone", "finalize");

    private final String generatorName;

    /** @param generatorName what {@code @Generated} names as the generator: the processor's class name */
    public BindingsFromWit(String generatorName) {
        this.generatorName = generatorName;
    }

    /** The sources for a world, or why it is refused. */
    public sealed interface Outcome {
        /** @param files the generated sources, in a deterministic order */
        record Generated(List<JavaFile> files) implements Outcome {}

        /** @param problems every reason, each once, in the order found */
        record Refused(List<String> problems) implements Outcome {}
    }

    /**
     * Generates the bindings of {@code world} into {@code javaPackage}.
     *
     * @param originatingElements the {@code @WitBindgen} element, for incremental builds (only passed through)
     */
    public Outcome generate(WitWorld world, String javaPackage, List<Element> originatingElements) {
        return new BindgenRun(world, javaPackage, originatingElements, generatorName).generate();
    }

    /**
     * One generated host interface: an imported interface (named, or written inline in the world), or the world's
     * own imports (its imported functions and the resources it defines itself).
     */
    static final class HostUnit {
        /** The owner of its resources: the interface's id, or the world's. */
        final String id;
        /** The label its Java name comes from. */
        final String label;
        /** What a clashing Java name is prefixed with. */
        final String qualifier;
        /** The interface name {@code @WitInterface} binds it under; empty for inline interfaces and the world. */
        final Optional<String> interfaceName;
        /** How its documentation names it, e.g. {@code the WIT interface {@code wasi:io/streams@0.2.12}}. */
        final String description;
        final List<WitFunctionDef> functions;
        final List<ResourceType> resources;
        ClassName self;

        HostUnit(String id, String label, String qualifier, Optional<String> interfaceName, String description,
                List<WitFunctionDef> functions, List<ResourceType> resources) {
            this.id = id;
            this.label = label;
            this.qualifier = qualifier;
            this.interfaceName = interfaceName;
            this.description = description;
            this.functions = List.copyOf(functions);
            this.resources = List.copyOf(resources);
        }

        List<WitFunctionDef> freestanding() {
            return functions.stream().filter(f -> f.resource().isEmpty()).toList();
        }

        List<WitFunctionDef> functionsOf(String resource) {
            return functions.stream().filter(f -> f.resource().equals(Optional.of(resource))).toList();
        }
    }

    /** One typed proxy: the world's exported functions, or the functions of one exported interface. */
    static final class ProxyUnit {
        final String label;
        final String qualifier;
        /** How its documentation names what it calls. */
        final String description;
        final List<WitFunctionDef> functions;
        /** What the guest's export names start with: empty for the world's functions, {@code iface#} otherwise. */
        final String exportPrefix;
        ClassName self;

        ProxyUnit(String label, String qualifier, String description, List<WitFunctionDef> functions,
                String exportPrefix) {
            this.label = label;
            this.qualifier = qualifier;
            this.description = description;
            this.functions = List.copyOf(functions);
            this.exportPrefix = exportPrefix;
        }
    }


    /** Whether a type's Java and dynamic values differ, so that the proxy converts them with generated code. */
    static boolean converts(WitType type) {
        if (type instanceof PrimitiveType || type instanceof HandleType) {   // a handle's value is the Java object
            return false;
        }
        if (type instanceof ListType list) {
            // list<u8> is a byte[] both ways; list<s8> is a byte[] in Java and a List<Byte> when dynamic.
            return list.element() == PrimitiveType.S8 || (list.element() != PrimitiveType.U8 && converts(list.element()));
        }
        if (type instanceof OptionType option) {
            return converts(option.some());
        }
        if (type instanceof ResultType result) {
            return result.ok().map(BindingsFromWit::converts).orElse(false)
                    || result.err().map(BindingsFromWit::converts).orElse(false);
        }
        return true;
    }

    static String witName(WitType type) {
        return type.toString();
    }

    static String kindOf(WitType type) {
        return typeKindClass(type).replace("Type", "").toLowerCase(Locale.ROOT);
    }

    static String typeKindClass(WitType type) {
        return type instanceof RecordType ? "RecordType" : type instanceof VariantType ? "VariantType"
                : type instanceof TupleType ? "TupleType"
                : type instanceof EnumType ? "EnumType" : "FlagsType";
    }

    /** The type variable of a resource: {@code BUCKET}; {@code R_T} where that would be its interface's name. */
    static String variableName(String resource) {
        String name = constant(resource);
        return name.equals(upperCamel(resource)) ? name + "_T" : name;
    }

    /** {@code not-found} -> {@code NOT_FOUND}. */
    static String constant(String label) {
        return label.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code error-code} -> {@code ErrorCode}. */
    static String upperCamel(String label) {
        StringBuilder name = new StringBuilder();
        for (String word : label.split("-")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return name.toString();
    }

    /** {@code total-bytes} -> {@code totalBytes}. */
    static String camel(String label) {
        String upper = upperCamel(label);
        return upper.isEmpty() ? upper : Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
    }

    /**
     * The Java name of a parameter or field: {@link #camel}, with {@code _} after a Java keyword
     * ({@code this} -> {@code this_}), which the processor's kebab-case conversion drops again.
     */
    static String javaName(String label) {
        String name = camel(label);
        return SourceVersion.isKeyword(name) ? name + "_" : name;
    }

    /** The Java name of a method: {@link #javaName}, and {@code _} after a name {@code Object} has too. */
    static String methodName(String label) {
        String name = javaName(label);
        return RESERVED_METHODS.contains(name) ? name + "_" : name;
    }

    /** {@code list<u8>} and {@code list<s8>}, which are {@code byte[]} in Java. */
    static boolean isBytes(ListType list) {
        return list.element() == PrimitiveType.U8 || list.element() == PrimitiveType.S8;
    }

    /** The label of a named type. */
    static String witLabel(WitType type) {
        if (type instanceof RecordType record) {
            return record.name();
        }
        if (type instanceof VariantType variant) {
            return variant.name();
        }
        if (type instanceof EnumType e) {
            return e.name();
        }
        return ((FlagsType) type).name();
    }

    /**
     * What a clashing Java name is prefixed with: the package and interface of an interface id
     * ({@code wasi:filesystem/types@0.2.12} -> {@code FilesystemTypes}), the world and label of an inline one, or a
     * world's name.
     */
    static String qualifier(String owner) {
        int colon = owner.indexOf(':');
        int slash = owner.indexOf('/');
        if (colon < 0 || slash < 0) {
            return upperCamel(owner);
        }
        String pkg = owner.substring(colon + 1, slash);
        String rest = owner.substring(slash + 1);
        int at = rest.indexOf('@');
        rest = at < 0 ? rest : rest.substring(0, at);
        return upperCamel(pkg) + upperCamel(rest.replace('#', '-'));
    }

    /** The interface label of an owner id: {@code wasi:io/error@0.2.12} -> {@code error}. */
    static String ownerLabel(String owner) {
        int slash = owner.indexOf('/');
        String rest = slash < 0 ? owner : owner.substring(slash + 1);
        int at = rest.indexOf('@');
        rest = at < 0 ? rest : rest.substring(0, at);
        int hash = rest.indexOf('#');
        return hash < 0 ? rest : rest.substring(hash + 1);
    }
}
