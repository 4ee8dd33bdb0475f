package dev.witbind.component.binary;

import dev.witbind.wit.Excerpt;
import dev.witbind.wit.types.PrimitiveType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decodes the stable component binary format of Binary.md into a {@link ComponentBinary}. Only the grammar is
 * checked here (and the few rules that need no context, such as duplicate canonical options); constructs behind a
 * feature gate are refused by name. Work is bounded by the input: counts are checked against the bytes left and
 * nesting is limited to {@link Limits#MAX_NESTING}.
 */
public final class ComponentReader {
    private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6d};
    private static final int COMPONENT_VERSION = 0x0d;
    private static final int COMPONENT_LAYER = 0x01;

    private final byte[] data;

    private ComponentReader(byte[] data) {
        this.data = data;
    }

    /**
     * Decodes a component binary. The returned model refers to embedded core modules by ranges of {@code bytes},
     * which the caller must therefore not change.
     *
     * @throws ComponentFormatException when the bytes are not a component of the stable binary format
     */
    public static ComponentBinary read(byte[] bytes) {
        ComponentReader reader = new ComponentReader(bytes);
        return reader.component(new ByteInput(bytes, 0, bytes.length, Section.PREAMBLE), 0);
    }

    /** Whether {@code bytes} start with a component preamble (as opposed to a core module's, or neither). */
    public static boolean isComponent(byte[] bytes) {
        return bytes.length >= 8 && hasMagic(bytes, 0) && (bytes[4] & 0xff) == COMPONENT_VERSION && bytes[5] == 0
                && (bytes[6] & 0xff) == COMPONENT_LAYER && bytes[7] == 0;
    }

    private static boolean hasMagic(byte[] bytes, int at) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[at + i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- component structure -------------------------------------------------------------------------------

    private ComponentBinary component(ByteInput in, int depth) {
        int start = in.position();
        if (depth > Limits.MAX_NESTING) {
            throw in.error(Rule.NESTING, "components nested more than " + Limits.MAX_NESTING + " deep");
        }
        preamble(in);
        Counters counters = new Counters();
        List<Definition> definitions = new ArrayList<>();
        List<CustomSection> customs = new ArrayList<>();
        ComponentNames names = null;
        Producers producers = null;
        while (!in.atEnd()) {
            int sectionOffset = in.position();
            int id = in.u8();
            Section section = Section.forId(id);
            if (section == null) {
                throw in.errorAt(sectionOffset, Rule.SECTION_ID, "unknown section id " + id);
            }
            int size = in.u32();
            ByteInput content = in.slice(size, section);
            switch (section) {
                case CUSTOM -> {
                    CustomSection custom = custom(content, sectionOffset);
                    customs.add(custom);
                    if (custom.name().equals("component-name") && names == null) {
                        names = CustomSections.names(data, custom).orElse(null);
                    } else if (custom.name().equals("producers") && producers == null) {
                        producers = CustomSections.producers(data, custom).orElse(null);
                    }
                    continue;
                }
                case CORE_MODULE -> definitions.add(coreModule(content, sectionOffset, counters));
                case COMPONENT -> definitions.add(new Definition.Component(sectionOffset,
                        counters.next(Sort.COMPONENT), component(content, depth + 1)));
                case CORE_INSTANCE, CORE_TYPE, INSTANCE, ALIAS, TYPE, CANON, IMPORT, EXPORT -> {
                    int count = content.count(1);
                    for (int i = 0; i < count; i++) {
                        definitions.add(definition(section, content, counters, depth));
                    }
                }
                case START -> throw content.errorAt(sectionOffset, Rule.GATED,
                        "a start section (component start functions are behind the 🪙 gate)");
                case VALUE -> throw content.errorAt(sectionOffset, Rule.GATED,
                        "a value section (value definitions are behind the 🪙 gate)");
                default -> throw new IllegalStateException(section.name());
            }
            content.expectEnd("the " + section);
        }
        return new ComponentBinary(start, in.position() - start, definitions, customs, Optional.ofNullable(names),
                Optional.ofNullable(producers));
    }

    private void preamble(ByteInput in) {
        int start = in.position();
        if (in.remaining() < 8) {
            throw in.error(Rule.TRUNCATED, "only " + in.remaining() + " bytes, fewer than a preamble's 8");
        }
        if (!hasMagic(data, start)) {
            throw in.error(Rule.MAGIC, "the input does not start with \\0asm");
        }
        in.skip(4);
        int version = in.u8() | in.u8() << 8;
        int layer = in.u8() | in.u8() << 8;
        if (layer == 0) {
            throw in.errorAt(start + 4, Rule.NOT_A_COMPONENT, "a core module (layer 0, version " + version + ")");
        }
        if (layer != COMPONENT_LAYER) {
            throw in.errorAt(start + 6, Rule.VERSION, "layer " + layer);
        }
        if (version != COMPONENT_VERSION) {
            throw in.errorAt(start + 4, Rule.VERSION, "component version 0x" + Integer.toHexString(version));
        }
    }

    private CustomSection custom(ByteInput content, int sectionOffset) {
        String name = content.name();
        int contentOffset = content.position();
        int length = content.remaining();
        content.skip(length);
        return new CustomSection(name, sectionOffset, contentOffset, length);
    }

    private Definition coreModule(ByteInput content, int sectionOffset, Counters counters) {
        int moduleOffset = content.position();
        int length = content.remaining();
        CoreModuleInfo info = CoreModuleReader.read(data, moduleOffset, moduleOffset + length);
        content.skip(length);
        return new Definition.CoreModule(sectionOffset, counters.next(Sort.CORE_MODULE), moduleOffset, length, info);
    }

    private Definition definition(Section section, ByteInput in, Counters counters, int depth) {
        int offset = in.position();
        return switch (section) {
            case CORE_INSTANCE -> coreInstance(in, offset, counters);
            case CORE_TYPE -> new Definition.CoreType(offset, counters.next(Sort.CORE_TYPE), coreType(in, depth, true));
            case INSTANCE -> instance(in, offset, counters);
            case ALIAS -> {
                Alias alias = alias(in);
                yield new Definition.AliasDef(offset, counters.next(alias.sort()), alias);
            }
            case TYPE -> new Definition.Type(offset, counters.next(Sort.TYPE), defType(in, depth));
            case CANON -> canon(in, offset, counters);
            case IMPORT -> {
                NameAttributes name = externName(in);
                ExternDesc type = externDesc(in);
                yield new Definition.Import(offset, counters.next(type.sort()), name.name(), name.versionSuffix(), type);
            }
            case EXPORT -> {
                NameAttributes name = externName(in);
                SortIndex item = sortIndex(in);
                Optional<ExternDesc> ascribed = optional(in) ? Optional.of(externDesc(in)) : Optional.empty();
                yield new Definition.Export(offset, counters.next(item.sort()), name.name(), name.versionSuffix(), item,
                        ascribed);
            }
            default -> throw new IllegalStateException(section.name());
        };
    }

    private Definition coreInstance(ByteInput in, int offset, Counters counters) {
        int kind = in.u8();
        if (kind == 0x00) {
            int module = in.u32();
            int count = in.count(2);
            List<Definition.CoreInstantiateArg> args = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = in.name();
                int sortOffset = in.position();
                int sort = in.u8();
                if (sort != 0x12) {
                    throw in.errorAt(sortOffset, Rule.CORE_INSTANTIATE, "a core instantiation argument '" + name
                            + "' of sort 0x" + Integer.toHexString(sort) + "; only instances (0x12) are allowed");
                }
                args.add(new Definition.CoreInstantiateArg(name, in.u32()));
            }
            return new Definition.CoreInstantiate(offset, counters.next(Sort.CORE_INSTANCE), module, args);
        }
        if (kind == 0x01) {
            int count = in.count(3);
            List<Definition.CoreInlineExport> exports = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = in.name();
                Sort sort = coreSort(in);
                exports.add(new Definition.CoreInlineExport(name, new SortIndex(sort, in.u32())));
            }
            return new Definition.CoreInlineExports(offset, counters.next(Sort.CORE_INSTANCE), exports);
        }
        throw in.errorAt(offset, Rule.OPCODE, "core instance kind 0x" + Integer.toHexString(kind));
    }

    private Definition instance(ByteInput in, int offset, Counters counters) {
        int kind = in.u8();
        if (kind == 0x00) {
            int component = in.u32();
            int count = in.count(3);
            List<Definition.InstantiateArg> args = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = in.name();
                args.add(new Definition.InstantiateArg(name, sortIndex(in)));
            }
            return new Definition.Instantiate(offset, counters.next(Sort.INSTANCE), component, args);
        }
        if (kind == 0x01) {
            int count = in.count(4);
            List<Definition.InlineExport> exports = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                NameAttributes name = externName(in);
                exports.add(new Definition.InlineExport(name.name(), name.versionSuffix(), sortIndex(in)));
            }
            return new Definition.InlineExports(offset, counters.next(Sort.INSTANCE), exports);
        }
        throw in.errorAt(offset, Rule.OPCODE, "instance kind 0x" + Integer.toHexString(kind));
    }

    // ---- sorts, names, aliases ------------------------------------------------------------------------------

    private static Sort coreSort(ByteInput in) {
        int offset = in.position();
        int b = in.u8();
        return switch (b) {
            case 0x00 -> Sort.CORE_FUNC;
            case 0x01 -> Sort.CORE_TABLE;
            case 0x02 -> Sort.CORE_MEMORY;
            case 0x03 -> Sort.CORE_GLOBAL;
            case 0x04 -> Sort.CORE_TAG;
            case 0x10 -> Sort.CORE_TYPE;
            case 0x11 -> Sort.CORE_MODULE;
            case 0x12 -> Sort.CORE_INSTANCE;
            default -> throw in.errorAt(offset, Rule.OPCODE, "core sort 0x" + Integer.toHexString(b));
        };
    }

    private static Sort sort(ByteInput in) {
        int offset = in.position();
        int b = in.u8();
        return switch (b) {
            case 0x00 -> coreSort(in);
            case 0x01 -> Sort.FUNC;
            case 0x02 -> throw in.errorAt(offset, Rule.GATED, "the value sort (values are behind the 🪙 gate)");
            case 0x03 -> Sort.TYPE;
            case 0x04 -> Sort.COMPONENT;
            case 0x05 -> Sort.INSTANCE;
            default -> throw in.errorAt(offset, Rule.OPCODE, "sort 0x" + Integer.toHexString(b));
        };
    }

    private static SortIndex sortIndex(ByteInput in) {
        Sort sort = sort(in);
        return new SortIndex(sort, in.u32());
    }

    /** A name and the one attribute witbind reads (🔗 versionsuffix). */
    private record NameAttributes(String name, Optional<String> versionSuffix) {}

    /**
     * {@code nameattributes}: the two plain forms, and {@code 0x02 len en a*:vec(attribute)}, whose attributes are
     * {@code 0x00 implements} (🏷️, refused as gated), {@code 0x01 versionsuffix} (🔗, kept; NameRules checks it
     * against the name) and {@code 0x02 external-id} (🏷️, refused as gated), each at most once.
     */
    private static NameAttributes externName(ByteInput in) {
        int offset = in.position();
        int kind = in.u8();
        if (kind == 0x00 || kind == 0x01) {
            return new NameAttributes(in.name(), Optional.empty());
        }
        if (kind != 0x02) {
            throw in.errorAt(offset, Rule.OPCODE, "name kind 0x" + Integer.toHexString(kind));
        }
        String name = in.name();
        int count = in.count(2); // an attribute is its kind byte and at least a length byte
        boolean[] seen = new boolean[3];
        String versionSuffix = null;
        for (int i = 0; i < count; i++) {
            int attributeOffset = in.position();
            int attribute = in.u8();
            if (attribute > 0x02) {
                throw in.errorAt(attributeOffset, Rule.OPCODE, "name attribute 0x" + Integer.toHexString(attribute));
            }
            if (seen[attribute]) {
                throw in.errorAt(attributeOffset, Rule.NAME_ATTRIBUTE_TWICE, "a second "
                        + ATTRIBUTE_NAMES[attribute] + " attribute on the name '" + Excerpt.of(name) + "'");
            }
            seen[attribute] = true;
            String value = in.name();
            if (attribute != 0x01) {
                throw in.errorAt(attributeOffset, Rule.GATED, "the " + ATTRIBUTE_NAMES[attribute] + " attribute on the "
                        + "name '" + Excerpt.of(name) + "' (behind the 🏷️ gate)");
            }
            versionSuffix = value;
        }
        return new NameAttributes(name, Optional.ofNullable(versionSuffix));
    }

    private static final String[] ATTRIBUTE_NAMES = {"implements", "versionsuffix", "external-id"};

    private static Alias alias(ByteInput in) {
        Sort sort = sort(in);
        int offset = in.position();
        int kind = in.u8();
        Alias.Target target = switch (kind) {
            case 0x00 -> new Alias.InstanceExport(in.u32(), in.name());
            case 0x01 -> new Alias.CoreInstanceExport(in.u32(), in.name());
            case 0x02 -> new Alias.Outer(in.u32(), in.u32());
            default -> throw in.errorAt(offset, Rule.OPCODE, "alias target kind 0x" + Integer.toHexString(kind));
        };
        return new Alias(sort, target);
    }

    private static boolean optional(ByteInput in) {
        int offset = in.position();
        int b = in.u8();
        if (b > 1) {
            throw in.errorAt(offset, Rule.OPCODE, "0x" + Integer.toHexString(b) + " where 0x00 (absent) or 0x01 "
                    + "(present) was expected");
        }
        return b == 1;
    }

    // ---- types ---------------------------------------------------------------------------------------------

    private CoreDefType coreType(ByteInput in, int depth, boolean moduleTypeAllowed) {
        int offset = in.position();
        int b = in.u8();
        switch (b) {
            case 0x60 -> {
                return CoreModuleReader.funcTypeBody(in);
            }
            case 0x50 -> {
                if (!moduleTypeAllowed) {
                    throw in.errorAt(offset, Rule.DECLARATOR, "a core module type declared inside a core module type");
                }
                if (depth + 1 > Limits.MAX_NESTING) {
                    throw in.errorAt(offset, Rule.NESTING, "types nested more than " + Limits.MAX_NESTING + " deep");
                }
                int count = in.count(2);
                List<CoreDefType.ModuleDecl> decls = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    decls.add(moduleDecl(in, depth + 1));
                }
                return new CoreDefType.ModuleType(decls);
            }
            case 0x00, 0x4e, 0x4f, 0x5e, 0x5f -> throw in.errorAt(offset, Rule.UNSUPPORTED_CORE,
                    "a core type of WebAssembly 3.0's GC proposal (rec, sub, struct or array)");
            default -> throw in.errorAt(offset, Rule.OPCODE, "core type form 0x" + Integer.toHexString(b));
        }
    }

    private CoreDefType.ModuleDecl moduleDecl(ByteInput in, int depth) {
        int offset = in.position();
        int kind = in.u8();
        return switch (kind) {
            case 0x00 -> new CoreDefType.ImportDecl(offset, in.name(), in.name(), CoreModuleReader.externDesc(in));
            case 0x01 -> new CoreDefType.TypeDecl(offset, coreType(in, depth, false));
            case 0x02 -> {
                int sortOffset = in.position();
                int sort = in.u8();
                int outer = in.u8();
                if (sort != 0x10 || outer != 0x01) {
                    throw in.errorAt(sortOffset, Rule.DECLARATOR, "a core module type alias other than an outer "
                            + "alias of a type (0x10 0x01)");
                }
                yield new CoreDefType.OuterAliasDecl(offset, in.u32(), in.u32());
            }
            case 0x03 -> new CoreDefType.ExportDecl(offset, in.name(), CoreModuleReader.externDesc(in));
            default -> throw in.errorAt(offset, Rule.OPCODE, "core module declarator 0x" + Integer.toHexString(kind));
        };
    }

    private DefType defType(ByteInput in, int depth) {
        int offset = in.position();
        int b = in.u8();
        PrimitiveType primitive = primitive(b);
        if (primitive != null) {
            return new DefType.PrimitiveDef(primitive);
        }
        return switch (b) {
            case 0x72 -> {
                int count = in.count(2);
                List<DefType.Field> fields = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    fields.add(new DefType.Field(in.name(), valType(in)));
                }
                yield new DefType.Record(nonEmpty(fields, in, offset, "record", "fields"));
            }
            case 0x71 -> {
                int count = in.count(3);
                List<DefType.Case> cases = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String label = in.name();
                    Optional<ValType> payload = optional(in) ? Optional.of(valType(in)) : Optional.empty();
                    int refinesOffset = in.position();
                    if (in.u8() != 0x00) {
                        throw in.errorAt(refinesOffset, Rule.OPCODE, "a variant case '" + label
                                + "' that does not end with 0x00 (case refinement was removed from the format)");
                    }
                    cases.add(new DefType.Case(label, payload));
                }
                yield new DefType.Variant(nonEmpty(cases, in, offset, "variant", "cases"));
            }
            case 0x70 -> new DefType.ListOf(valType(in));
            case 0x6f -> {
                int count = in.count(1);
                List<ValType> elements = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    elements.add(valType(in));
                }
                yield new DefType.Tuple(nonEmpty(elements, in, offset, "tuple", "elements"));
            }
            case 0x6e -> {
                List<String> labels = labels(in, offset, "flags");
                if (labels.size() > 32) {
                    throw in.errorAt(offset, Rule.EMPTY_TYPE, "flags with " + labels.size() + " labels; at most 32");
                }
                yield new DefType.Flags(labels);
            }
            case 0x6d -> new DefType.Enum(labels(in, offset, "enum"));
            case 0x6b -> new DefType.OptionOf(valType(in));
            case 0x6a -> {
                Optional<ValType> ok = optional(in) ? Optional.of(valType(in)) : Optional.empty();
                Optional<ValType> error = optional(in) ? Optional.of(valType(in)) : Optional.empty();
                yield new DefType.ResultOf(ok, error);
            }
            case 0x69 -> new DefType.Own(in.u32());
            case 0x68 -> new DefType.Borrow(in.u32());
            case 0x3f -> resourceType(in);
            case 0x40 -> funcType(in, offset);
            case 0x41, 0x42 -> {
                if (depth + 1 > Limits.MAX_NESTING) {
                    throw in.errorAt(offset, Rule.NESTING, "types nested more than " + Limits.MAX_NESTING + " deep");
                }
                int count = in.count(2);
                List<Decl> decls = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    decls.add(decl(in, depth + 1, b == 0x41));
                }
                yield b == 0x41 ? new DefType.ComponentType(decls) : new DefType.InstanceType(decls);
            }
            default -> throw gatedOrUnknownType(in, offset, b);
        };
    }

    private static ComponentFormatException gatedOrUnknownType(ByteInput in, int offset, int b) {
        String gated = switch (b) {
            case 0x64 -> "the error-context type (behind the 📝 gate)";
            case 0x67 -> "a fixed-length list (behind the 🔧 gate)";
            case 0x66 -> "a stream type (async, behind the 🔀 gate)";
            case 0x65 -> "a future type (async, behind the 🔀 gate)";
            case 0x63 -> "a map type (behind the 🗺️ gate)";
            case 0x43 -> "an async function type (behind the 🔀 gate)";
            default -> null;
        };
        return gated != null
                ? in.errorAt(offset, Rule.GATED, gated)
                : in.errorAt(offset, Rule.OPCODE, "type form 0x" + Integer.toHexString(b));
    }

    private static <T> List<T> nonEmpty(List<T> members, ByteInput in, int offset, String what, String memberNoun) {
        if (members.isEmpty()) {
            throw in.errorAt(offset, Rule.EMPTY_TYPE, "a " + what + " with no " + memberNoun);
        }
        return members;
    }

    private static List<String> labels(ByteInput in, int offset, String what) {
        int count = in.count(1);
        List<String> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            labels.add(in.name());
        }
        return nonEmpty(labels, in, offset, what, "labels");
    }

    private static DefType resourceType(ByteInput in) {
        int repOffset = in.position();
        int rep = in.u8();
        if (rep == 0x7e) {
            throw in.errorAt(repOffset, Rule.GATED, "a resource with an i64 representation (behind the 🐘 gate)");
        }
        if (rep != 0x7f) {
            throw in.errorAt(repOffset, Rule.RESOURCE_TYPE, "a resource representation 0x" + Integer.toHexString(rep)
                    + "; it must be i32");
        }
        OptionalInt destructor = optional(in) ? OptionalInt.of(in.u32()) : OptionalInt.empty();
        return new DefType.Resource(CoreValType.I32, destructor);
    }

    private static DefType.Func funcType(ByteInput in, int offset) {
        int count = in.count(2);
        List<DefType.Field> params = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            params.add(new DefType.Field(in.name(), valType(in)));
        }
        int resultsOffset = in.position();
        int kind = in.u8();
        if (kind == 0x00) {
            return new DefType.Func(params, Optional.of(valType(in)));
        }
        if (kind == 0x01) {
            int zero = in.u8();
            if (zero != 0x00) {
                throw in.errorAt(resultsOffset, Rule.OPCODE, "a function with named results (removed from the "
                        + "format; a function has at most one result)");
            }
            return new DefType.Func(params, Optional.empty());
        }
        throw in.errorAt(resultsOffset, Rule.OPCODE, "result list kind 0x" + Integer.toHexString(kind));
    }

    private static PrimitiveType primitive(int b) {
        return switch (b) {
            case 0x7f -> PrimitiveType.BOOL;
            case 0x7e -> PrimitiveType.S8;
            case 0x7d -> PrimitiveType.U8;
            case 0x7c -> PrimitiveType.S16;
            case 0x7b -> PrimitiveType.U16;
            case 0x7a -> PrimitiveType.S32;
            case 0x79 -> PrimitiveType.U32;
            case 0x78 -> PrimitiveType.S64;
            case 0x77 -> PrimitiveType.U64;
            case 0x76 -> PrimitiveType.F32;
            case 0x75 -> PrimitiveType.F64;
            case 0x74 -> PrimitiveType.CHAR;
            case 0x73 -> PrimitiveType.STRING;
            default -> null;
        };
    }

    /** A {@code valtype}: a primitive's byte, or a type index encoded as a non-negative signed 33-bit number. */
    private static ValType valType(ByteInput in) {
        int offset = in.position();
        int b = in.peek();
        PrimitiveType primitive = primitive(b);
        if (primitive != null) {
            in.u8();
            return new ValType.Primitive(primitive);
        }
        if (b == 0x64) {
            throw in.errorAt(offset, Rule.GATED, "the error-context type (behind the 📝 gate)");
        }
        long index = CoreModuleReader.s33(in);
        if (index < 0) {
            throw in.errorAt(offset, Rule.OPCODE, "value type 0x" + Integer.toHexString(b)
                    + " (neither a primitive nor a type index)");
        }
        return new ValType.Indexed(index > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) index);
    }

    private Decl decl(ByteInput in, int depth, boolean inComponentType) {
        int offset = in.position();
        int kind = in.u8();
        return switch (kind) {
            case 0x00 -> new Decl.CoreTypeDecl(offset, coreType(in, depth, true));
            case 0x01 -> new Decl.TypeDecl(offset, defType(in, depth));
            case 0x02 -> new Decl.AliasDecl(offset, alias(in));
            case 0x03 -> {
                if (!inComponentType) {
                    throw in.errorAt(offset, Rule.DECLARATOR, "an import declarator inside an instance type");
                }
                NameAttributes name = externName(in);
                yield new Decl.ImportDecl(offset, name.name(), name.versionSuffix(), externDesc(in));
            }
            case 0x04 -> {
                NameAttributes name = externName(in);
                yield new Decl.ExportDecl(offset, name.name(), name.versionSuffix(), externDesc(in));
            }
            default -> throw in.errorAt(offset, Rule.OPCODE, "declarator 0x" + Integer.toHexString(kind));
        };
    }

    private static ExternDesc externDesc(ByteInput in) {
        int offset = in.position();
        int kind = in.u8();
        return switch (kind) {
            case 0x00 -> {
                int coreSortOffset = in.position();
                if (in.u8() != 0x11) {
                    throw in.errorAt(coreSortOffset, Rule.OPCODE, "a core extern type other than a module (0x11)");
                }
                yield new ExternDesc.CoreModule(in.u32());
            }
            case 0x01 -> new ExternDesc.Func(in.u32());
            case 0x02 -> throw in.errorAt(offset, Rule.GATED, "a value import or export (behind the 🪙 gate)");
            case 0x03 -> {
                int boundOffset = in.position();
                int bound = in.u8();
                if (bound == 0x00) {
                    yield new ExternDesc.TypeEq(in.u32());
                }
                if (bound == 0x01) {
                    yield new ExternDesc.SubResource();
                }
                throw in.errorAt(boundOffset, Rule.OPCODE, "type bound 0x" + Integer.toHexString(bound));
            }
            case 0x04 -> new ExternDesc.Component(in.u32());
            case 0x05 -> new ExternDesc.Instance(in.u32());
            default -> throw in.errorAt(offset, Rule.OPCODE, "extern type 0x" + Integer.toHexString(kind));
        };
    }

    // ---- canonical definitions -----------------------------------------------------------------------------

    private static Definition canon(ByteInput in, int offset, Counters counters) {
        int kind = in.u8();
        return switch (kind) {
            case 0x00 -> {
                expectFuncSort(in, "canon lift");
                int coreFunc = in.u32();
                CanonOptions options = canonOptions(in);
                int type = in.u32();
                yield new Definition.CanonDef(offset, counters.next(Sort.FUNC),
                        new Canon.Lift(coreFunc, options, type));
            }
            case 0x01 -> {
                expectFuncSort(in, "canon lower");
                int func = in.u32();
                yield new Definition.CanonDef(offset, counters.next(Sort.CORE_FUNC),
                        new Canon.Lower(func, canonOptions(in)));
            }
            case 0x02 -> new Definition.CanonDef(offset, counters.next(Sort.CORE_FUNC), new Canon.ResourceNew(in.u32()));
            case 0x03 -> new Definition.CanonDef(offset, counters.next(Sort.CORE_FUNC), new Canon.ResourceDrop(in.u32()));
            case 0x04 -> new Definition.CanonDef(offset, counters.next(Sort.CORE_FUNC), new Canon.ResourceRep(in.u32()));
            default -> {
                String gated = gatedBuiltin(kind);
                throw gated != null
                        ? in.errorAt(offset, Rule.GATED, "the built-in canon " + gated)
                        : in.errorAt(offset, Rule.OPCODE, "canon kind 0x" + Integer.toHexString(kind));
            }
        };
    }

    private static void expectFuncSort(ByteInput in, String what) {
        int offset = in.position();
        int b = in.u8();
        if (b != 0x00) {
            throw in.errorAt(offset, Rule.OPCODE, what + " with sort byte 0x" + Integer.toHexString(b)
                    + " where 0x00 (func) was expected");
        }
    }

    private static String gatedBuiltin(int kind) {
        return switch (kind) {
            case 0x05 -> "task.cancel (behind the 🔀 gate)";
            case 0x06 -> "subtask.cancel (behind the 🔀 gate)";
            case 0x07 -> "resource.drop async (behind the 🔀 gate)";
            case 0x09 -> "task.return (behind the 🔀 gate)";
            case 0x0a -> "context.get (behind the 🔀 gate)";
            case 0x0b -> "context.set (behind the 🔀 gate)";
            case 0x0c -> "thread.yield (behind the 🔀 gate)";
            case 0x0d -> "subtask.drop (behind the 🔀 gate)";
            case 0x0e -> "stream.new (behind the 🔀 gate)";
            case 0x0f -> "stream.read (behind the 🔀 gate)";
            case 0x10 -> "stream.write (behind the 🔀 gate)";
            case 0x11 -> "stream.cancel-read (behind the 🔀 gate)";
            case 0x12 -> "stream.cancel-write (behind the 🔀 gate)";
            case 0x13 -> "stream.drop-readable (behind the 🔀 gate)";
            case 0x14 -> "stream.drop-writable (behind the 🔀 gate)";
            case 0x15 -> "future.new (behind the 🔀 gate)";
            case 0x16 -> "future.read (behind the 🔀 gate)";
            case 0x17 -> "future.write (behind the 🔀 gate)";
            case 0x18 -> "future.cancel-read (behind the 🔀 gate)";
            case 0x19 -> "future.cancel-write (behind the 🔀 gate)";
            case 0x1a -> "future.drop-readable (behind the 🔀 gate)";
            case 0x1b -> "future.drop-writable (behind the 🔀 gate)";
            case 0x1c -> "error-context.new (behind the 📝 gate)";
            case 0x1d -> "error-context.debug-message (behind the 📝 gate)";
            case 0x1e -> "error-context.drop (behind the 📝 gate)";
            case 0x1f -> "waitable-set.new (behind the 🔀 gate)";
            case 0x20 -> "waitable-set.wait (behind the 🔀 gate)";
            case 0x21 -> "waitable-set.poll (behind the 🔀 gate)";
            case 0x22 -> "waitable-set.drop (behind the 🔀 gate)";
            case 0x23 -> "waitable.join (behind the 🔀 gate)";
            case 0x24 -> "backpressure.inc (behind the 🔀 gate)";
            case 0x25 -> "backpressure.dec (behind the 🔀 gate)";
            case 0x26 -> "thread.index (behind the 🧵 gate)";
            case 0x27 -> "thread.new-indirect (behind the 🧵 gate)";
            case 0x28 -> "thread.resume-later (behind the 🧵 gate)";
            case 0x29 -> "thread.suspend (behind the 🧵 gate)";
            case 0x2a -> "thread.suspend-then-resume (behind the 🧵 gate)";
            case 0x2b -> "thread.yield-then-resume (behind the 🧵 gate)";
            case 0x2c -> "thread.suspend-then-promote (behind the 🧵 gate)";
            case 0x2d -> "thread.yield-then-promote (behind the 🧵 gate)";
            case 0x40 -> "thread.spawn-ref (behind the 🧵② gate)";
            case 0x41 -> "thread.spawn-indirect (behind the 🧵② gate)";
            case 0x42 -> "thread.available-parallelism (behind the 🧵② gate)";
            default -> null;
        };
    }

    private static CanonOptions canonOptions(ByteInput in) {
        int count = in.count(1);
        CanonOptions.StringEncoding encoding = null;
        Integer memory = null;
        Integer realloc = null;
        Integer postReturn = null;
        for (int i = 0; i < count; i++) {
            int offset = in.position();
            int kind = in.u8();
            switch (kind) {
                case 0x00, 0x01, 0x02 -> {
                    if (encoding != null) {
                        throw in.errorAt(offset, Rule.CANON_OPTION_TWICE, "a second string-encoding option");
                    }
                    encoding = CanonOptions.StringEncoding.values()[kind];
                }
                case 0x03 -> memory = once(memory, in.u32(), in, offset, "memory");
                case 0x04 -> realloc = once(realloc, in.u32(), in, offset, "realloc");
                case 0x05 -> postReturn = once(postReturn, in.u32(), in, offset, "post-return");
                case 0x06 -> throw in.errorAt(offset, Rule.GATED, "the async option (behind the 🔀 gate)");
                case 0x07 -> throw in.errorAt(offset, Rule.GATED, "the callback option (behind the 🔀 gate)");
                default -> throw in.errorAt(offset, Rule.OPCODE, "canonical option 0x" + Integer.toHexString(kind));
            }
        }
        return new CanonOptions(encoding == null ? CanonOptions.StringEncoding.UTF8 : encoding, encoding != null,
                memory == null ? OptionalInt.empty() : OptionalInt.of(memory),
                realloc == null ? OptionalInt.empty() : OptionalInt.of(realloc),
                postReturn == null ? OptionalInt.empty() : OptionalInt.of(postReturn));
    }

    private static Integer once(Integer previous, int value, ByteInput in, int offset, String option) {
        if (previous != null) {
            throw in.errorAt(offset, Rule.CANON_OPTION_TWICE, "a second " + option + " option");
        }
        return value;
    }

    /** The next index of each sort in the component being read. */
    private static final class Counters {
        private final Map<Sort, Integer> next = new EnumMap<>(Sort.class);

        SortIndex next(Sort sort) {
            int index = next.merge(sort, 1, Integer::sum) - 1;
            return new SortIndex(sort, index);
        }
    }
}
