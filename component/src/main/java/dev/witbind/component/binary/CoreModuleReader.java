package dev.witbind.component.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads what a component needs of an embedded core module: its types, imports and exports. It walks the sections
 * in the order the core specification requires (each at most once, custom sections anywhere), reads the type,
 * import, function, table, memory, tag, global and export sections, and skips code, data and the rest by size.
 * The module's code is the engine's to validate.
 */
final class CoreModuleReader {
    /** The core section ids in the order the core specification requires them. */
    private static final int[] ORDER = {1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11};

    private CoreModuleReader() {}

    static CoreModuleInfo read(byte[] data, int start, int end) {
        ByteInput in = new ByteInput(data, start, end, Section.CORE_MODULE);
        if (in.remaining() < 8) {
            throw in.error(Rule.TRUNCATED, "a core module of " + in.remaining() + " bytes, fewer than a preamble's 8");
        }
        int[] magic = {in.u8(), in.u8(), in.u8(), in.u8()};
        if (magic[0] != 0x00 || magic[1] != 0x61 || magic[2] != 0x73 || magic[3] != 0x6d) {
            throw in.errorAt(start, Rule.MAGIC, "an embedded core module that does not start with \\0asm");
        }
        int versionOffset = in.position();
        int version = in.u8() | in.u8() << 8 | in.u8() << 16 | in.u8() << 24;
        if (version != 1) {
            throw in.errorAt(versionOffset, Rule.VERSION, "an embedded core module of version " + version
                    + " (a core module has version 1; a nested component belongs in a component section)");
        }

        List<CoreFuncType> types = new ArrayList<>();
        List<CoreModuleInfo.Import> imports = new ArrayList<>();
        List<CoreExternType> funcs = new ArrayList<>();
        List<CoreExternType> tables = new ArrayList<>();
        List<CoreExternType> memories = new ArrayList<>();
        List<CoreExternType> globals = new ArrayList<>();
        List<CoreExternType> tags = new ArrayList<>();
        List<CoreModuleInfo.Export> exports = new ArrayList<>();
        boolean hasStart = false;
        int lastRank = -1;
        while (!in.atEnd()) {
            int sectionOffset = in.position();
            int id = in.u8();
            int size = in.u32();
            ByteInput section = in.slice(size, Section.CORE_MODULE);
            if (id == 0) {
                section.name();
                section.skip(section.remaining());
                continue;
            }
            int rank = rank(id);
            if (rank < 0) {
                throw in.errorAt(sectionOffset, Rule.SECTION_ID, "unknown core section id " + id);
            }
            if (rank <= lastRank) {
                throw in.errorAt(sectionOffset, Rule.CORE_SECTION_ORDER, "core section id " + id
                        + (rank == lastRank ? " appears twice" : " after a section that must follow it"));
            }
            lastRank = rank;
            switch (id) {
                case 1 -> {
                    int count = section.count(3);
                    for (int i = 0; i < count; i++) {
                        int offset = section.position();
                        int form = section.u8();
                        if (form != 0x60) {
                            throw section.errorAt(offset, form == 0x4e || form == 0x50 || form == 0x4f
                                    || form == 0x5e || form == 0x5f ? Rule.UNSUPPORTED_CORE : Rule.OPCODE,
                                    "core type form 0x" + Integer.toHexString(form) + " (only function types, 0x60)");
                        }
                        types.add(funcTypeBody(section));
                    }
                }
                case 2 -> {
                    int count = section.count(4);
                    for (int i = 0; i < count; i++) {
                        String module = section.name();
                        String name = section.name();
                        int descOffset = section.position();
                        CoreExternType type = resolve(externDesc(section), types, section, descOffset);
                        imports.add(new CoreModuleInfo.Import(module, name, type));
                        spaceOf(type.sort(), funcs, tables, memories, globals, tags).add(type);
                    }
                }
                case 3 -> {
                    int count = section.count(1);
                    for (int i = 0; i < count; i++) {
                        int offset = section.position();
                        funcs.add(new CoreExternType.Func(type(types, section.u32(), section, offset)));
                    }
                }
                case 4 -> {
                    int count = section.count(2);
                    for (int i = 0; i < count; i++) {
                        int offset = section.position();
                        if (section.peek() == 0x40) {
                            throw section.errorAt(offset, Rule.UNSUPPORTED_CORE, "a table with an initializer "
                                    + "expression (WebAssembly 3.0)");
                        }
                        tables.add(new CoreExternType.Table(tableType(section)));
                    }
                }
                case 5 -> {
                    int count = section.count(2);
                    for (int i = 0; i < count; i++) {
                        memories.add(new CoreExternType.Memory(memoryType(section)));
                    }
                }
                case 13 -> {
                    int count = section.count(2);
                    for (int i = 0; i < count; i++) {
                        int offset = section.position();
                        tags.add(new CoreExternType.Tag(tagType(section, types, offset)));
                    }
                }
                case 6 -> {
                    int count = section.count(3);
                    for (int i = 0; i < count; i++) {
                        globals.add(new CoreExternType.Global(globalType(section)));
                        skipConstantExpression(section);
                    }
                }
                case 7 -> {
                    int count = section.count(3);
                    for (int i = 0; i < count; i++) {
                        String name = section.name();
                        int kindOffset = section.position();
                        int kind = section.u8();
                        int index = section.u32();
                        List<CoreExternType> space = switch (kind) {
                            case 0x00 -> funcs;
                            case 0x01 -> tables;
                            case 0x02 -> memories;
                            case 0x03 -> globals;
                            case 0x04 -> tags;
                            default -> throw section.errorAt(kindOffset, Rule.OPCODE,
                                    "core export kind 0x" + Integer.toHexString(kind));
                        };
                        if (index >= space.size()) {
                            throw section.errorAt(kindOffset, Rule.INDEX, "the core export '" + name + "' of index "
                                    + index + ", but the module has " + space.size() + " of that kind");
                        }
                        exports.add(new CoreModuleInfo.Export(name, space.get(index)));
                    }
                }
                case 8 -> {
                    hasStart = true;
                    section.u32();
                }
                default -> section.skip(section.remaining());
            }
            section.expectEnd("core section " + id);
        }
        return new CoreModuleInfo(imports, exports, hasStart);
    }

    private static int rank(int id) {
        for (int i = 0; i < ORDER.length; i++) {
            if (ORDER[i] == id) {
                return i;
            }
        }
        return -1;
    }

    private static List<CoreExternType> spaceOf(Sort sort, List<CoreExternType> funcs, List<CoreExternType> tables,
            List<CoreExternType> memories, List<CoreExternType> globals, List<CoreExternType> tags) {
        return switch (sort) {
            case CORE_FUNC -> funcs;
            case CORE_TABLE -> tables;
            case CORE_MEMORY -> memories;
            case CORE_GLOBAL -> globals;
            default -> tags;
        };
    }

    private static CoreFuncType type(List<CoreFuncType> types, int index, ByteInput in, int offset) {
        if (index >= types.size()) {
            throw in.errorAt(offset, Rule.INDEX, "core type index " + index + ", but the module has "
                    + types.size() + " types");
        }
        return types.get(index);
    }

    private static CoreExternType resolve(CoreExternDesc desc, List<CoreFuncType> types, ByteInput in, int offset) {
        if (desc instanceof CoreExternDesc.Func func) {
            return new CoreExternType.Func(type(types, func.typeIndex(), in, offset));
        }
        if (desc instanceof CoreExternDesc.Table table) {
            return new CoreExternType.Table(table);
        }
        if (desc instanceof CoreExternDesc.Memory memory) {
            return new CoreExternType.Memory(memory);
        }
        if (desc instanceof CoreExternDesc.Global global) {
            return new CoreExternType.Global(global);
        }
        return new CoreExternType.Tag(type(types, ((CoreExternDesc.Tag) desc).typeIndex(), in, offset));
    }

    private static CoreFuncType tagType(ByteInput in, List<CoreFuncType> types, int offset) {
        int attribute = in.u8();
        if (attribute != 0x00) {
            throw in.errorAt(offset, Rule.OPCODE, "tag attribute 0x" + Integer.toHexString(attribute));
        }
        return type(types, in.u32(), in, offset);
    }

    /** The part of a {@code functype} after its 0x60. */
    static CoreFuncType funcTypeBody(ByteInput in) {
        int paramCount = in.count(1);
        List<CoreValType> params = new ArrayList<>(paramCount);
        for (int i = 0; i < paramCount; i++) {
            params.add(valType(in));
        }
        int resultCount = in.count(1);
        List<CoreValType> results = new ArrayList<>(resultCount);
        for (int i = 0; i < resultCount; i++) {
            results.add(valType(in));
        }
        return new CoreFuncType(params, results);
    }

    static CoreValType valType(ByteInput in) {
        int offset = in.position();
        int b = in.u8();
        return switch (b) {
            case 0x7f -> CoreValType.I32;
            case 0x7e -> CoreValType.I64;
            case 0x7d -> CoreValType.F32;
            case 0x7c -> CoreValType.F64;
            case 0x7b -> CoreValType.V128;
            case 0x70 -> CoreValType.FUNCREF;
            case 0x6f -> CoreValType.EXTERNREF;
            case 0x63, 0x64, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x71, 0x72, 0x73, 0x74 ->
                    throw in.errorAt(offset, Rule.UNSUPPORTED_CORE, "the core reference type 0x"
                            + Integer.toHexString(b) + " (WebAssembly 3.0)");
            default -> throw in.errorAt(offset, Rule.OPCODE, "core value type 0x" + Integer.toHexString(b));
        };
    }

    /** A {@code core:externtype} with type indices unresolved (as module types and imports write it). */
    static CoreExternDesc externDesc(ByteInput in) {
        int offset = in.position();
        int kind = in.u8();
        return switch (kind) {
            case 0x00 -> new CoreExternDesc.Func(in.u32());
            case 0x01 -> tableType(in);
            case 0x02 -> memoryType(in);
            case 0x03 -> globalType(in);
            case 0x04 -> {
                int attribute = in.u8();
                if (attribute != 0x00) {
                    throw in.errorAt(offset, Rule.OPCODE, "tag attribute 0x" + Integer.toHexString(attribute));
                }
                yield new CoreExternDesc.Tag(in.u32());
            }
            default -> throw in.errorAt(offset, Rule.OPCODE, "core import kind 0x" + Integer.toHexString(kind));
        };
    }

    static CoreExternDesc.Table tableType(ByteInput in) {
        int offset = in.position();
        CoreValType element = valType(in);
        if (element != CoreValType.FUNCREF && element != CoreValType.EXTERNREF) {
            throw in.errorAt(offset, Rule.OPCODE, "a table of " + element + "; tables hold references");
        }
        int flagsOffset = in.position();
        int flags = in.u8();
        if (flags > 1) {
            throw in.errorAt(flagsOffset, flags == 4 || flags == 5 ? Rule.UNSUPPORTED_CORE : Rule.OPCODE,
                    "table limits flags 0x" + Integer.toHexString(flags));
        }
        long min = in.u32Long();
        OptionalLong max = (flags & 1) != 0 ? OptionalLong.of(in.u32Long()) : OptionalLong.empty();
        return new CoreExternDesc.Table(element, new CoreExternDesc.Limits(min, max));
    }

    private static CoreExternDesc.Memory memoryType(ByteInput in) {
        int flagsOffset = in.position();
        int flags = in.u8();
        if (flags > 7) {
            throw in.errorAt(flagsOffset, flags < 16 ? Rule.UNSUPPORTED_CORE : Rule.OPCODE,
                    "memory limits flags 0x" + Integer.toHexString(flags));
        }
        boolean memory64 = (flags & 4) != 0;
        long min = memory64 ? in.u64() : in.u32Long();
        OptionalLong max = (flags & 1) != 0 ? OptionalLong.of(memory64 ? in.u64() : in.u32Long())
                : OptionalLong.empty();
        return new CoreExternDesc.Memory(new CoreExternDesc.Limits(min, max), (flags & 2) != 0, memory64);
    }

    private static CoreExternDesc.Global globalType(ByteInput in) {
        CoreValType type = valType(in);
        int offset = in.position();
        int mutability = in.u8();
        if (mutability > 1) {
            throw in.errorAt(offset, Rule.OPCODE, "global mutability 0x" + Integer.toHexString(mutability));
        }
        return new CoreExternDesc.Global(type, mutability == 1);
    }

    /** Skips a constant expression up to its {@code end}, knowing the instructions constant expressions use. */
    private static void skipConstantExpression(ByteInput in) {
        while (true) {
            int offset = in.position();
            int op = in.u8();
            switch (op) {
                case 0x0b -> {
                    return;
                }
                case 0x41 -> in.skipSigned(32); // i32.const
                case 0x42 -> in.skipSigned(64); // i64.const
                case 0x43 -> in.skip(4); // f32.const
                case 0x44 -> in.skip(8); // f64.const
                case 0x23, 0xd2 -> in.u32(); // global.get, ref.func
                case 0xd0 -> valType(in); // ref.null (a reference type)
                case 0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e -> { } // extended-const add, sub, mul
                case 0xfd -> {
                    if (in.u32() != 12) { // v128.const
                        throw in.errorAt(offset, Rule.CORE_CONSTANT, "a vector instruction in a constant expression");
                    }
                    in.skip(16);
                }
                default -> throw in.errorAt(offset, Rule.CORE_CONSTANT, "opcode 0x" + Integer.toHexString(op)
                        + " in a constant expression");
            }
        }
    }

    /** A signed 33-bit LEB128 number (how value types encode type indices). */
    static long s33(ByteInput in) {
        int start = in.position();
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = in.u8();
            if (shift == 28) {
                // 5th byte: 5 payload bits (33 - 28), the rest must repeat the sign; no continuation.
                int rest = (b & 0x7f) >> 4;
                if ((b & 0x80) != 0 || (rest != 0 && rest != 0x7)) {
                    throw in.errorAt(start, Rule.LEB128, "a signed 33-bit number that is too long or too large");
                }
            }
            result |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }
}
