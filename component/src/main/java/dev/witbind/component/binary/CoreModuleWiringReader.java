package dev.witbind.component.binary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a {@link CoreModuleWiring}. The module has passed {@link CoreModuleReader} (section order, types, imports,
 * exports), so this reads for facts, not to validate; where the module uses something the description has no room
 * for, it gives up ({@link NotDescribed}) rather than describe it partly.
 */
final class CoreModuleWiringReader {
    private static final int LOCAL_GET = 0x20;
    private static final int I32_CONST = 0x41;
    private static final int CALL_INDIRECT = 0x11;
    private static final int END = 0x0b;

    private CoreModuleWiringReader() {}

    /** The module uses what a {@link CoreModuleWiring} cannot describe. Thrown only to leave the reading. */
    private static final class NotDescribed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotDescribed() {
            super(null, null, false, false);
        }
    }

    static Optional<CoreModuleWiring> read(ByteInput in) {
        try {
            return Optional.of(readModule(in));
        } catch (NotDescribed e) {
            return Optional.empty();
        }
    }

    private static CoreModuleWiring readModule(ByteInput in) {
        in.skip(8); // preamble, checked by CoreModuleReader
        List<CoreFuncType> types = new ArrayList<>();
        List<CoreFuncType> functionTypes = new ArrayList<>();
        List<CoreExternDesc.Table> tables = new ArrayList<>();
        Map<String, CoreModuleWiring.Export> exports = new HashMap<>();
        List<CoreModuleWiring.ActiveElements> elements = new ArrayList<>();
        Map<Integer, CoreModuleWiring.Trampoline> trampolines = new HashMap<>();
        OptionalInt start = OptionalInt.empty();
        int imports = 0;
        int importedFunctions = 0;
        int importedTables = 0;
        while (!in.atEnd()) {
            int id = in.u8();
            ByteInput section = in.slice(in.u32(), Section.CORE_MODULE);
            switch (id) {
                case 1 -> {
                    int count = section.count(3);
                    for (int i = 0; i < count; i++) {
                        if (section.u8() != 0x60) {
                            throw new NotDescribed();
                        }
                        types.add(CoreModuleReader.funcTypeBody(section));
                    }
                }
                case 2 -> {
                    imports = section.count(4);
                    for (int i = 0; i < imports; i++) {
                        section.name();
                        section.name();
                        CoreExternDesc desc = CoreModuleReader.externDesc(section);
                        if (desc instanceof CoreExternDesc.Func func) {
                            functionTypes.add(type(types, func.typeIndex()));
                            importedFunctions++;
                        } else if (desc instanceof CoreExternDesc.Table table) {
                            tables.add(table);
                            importedTables++;
                        }
                    }
                }
                case 3 -> {
                    int count = section.count(1);
                    for (int i = 0; i < count; i++) {
                        functionTypes.add(type(types, section.u32()));
                    }
                }
                case 4 -> {
                    int count = section.count(2);
                    for (int i = 0; i < count; i++) {
                        if (section.peek() == 0x40) {
                            throw new NotDescribed(); // a table with an initializer expression
                        }
                        tables.add(CoreModuleReader.tableType(section));
                    }
                }
                case 7 -> {
                    int count = section.count(3);
                    for (int i = 0; i < count; i++) {
                        String name = section.name();
                        int kind = section.u8();
                        exports.put(name, new CoreModuleWiring.Export(kind, section.u32()));
                    }
                }
                case 8 -> start = OptionalInt.of(section.u32());
                case 9 -> {
                    int count = section.count(3);
                    for (int i = 0; i < count; i++) {
                        elements.add(activeElements(section));
                    }
                }
                case 10 -> {
                    int count = section.count(2);
                    if (count != functionTypes.size() - importedFunctions) {
                        throw new NotDescribed(); // the engine refuses such a module
                    }
                    for (int i = 0; i < count; i++) {
                        int index = importedFunctions + i;
                        ByteInput body = section.slice(section.u32(), Section.CORE_MODULE);
                        trampolineSlot(body, functionTypes.get(index), types)
                                .ifPresent(slot -> trampolines.put(index, new CoreModuleWiring.Trampoline(slot)));
                    }
                }
                default -> { } // custom, memory, tag, global, data count, data: nothing to know
            }
        }
        return new CoreModuleWiring(imports, functionTypes, importedFunctions, tables, importedTables, exports, start,
                elements, trampolines);
    }

    private static CoreFuncType type(List<CoreFuncType> types, int index) {
        if (index >= types.size()) {
            throw new NotDescribed();
        }
        return types.get(index);
    }

    /** An element segment of the forms {@code 0} and {@code 2} (active, function indices), else not described. */
    private static CoreModuleWiring.ActiveElements activeElements(ByteInput in) {
        int flags = in.u32();
        if (flags != 0 && flags != 2) {
            throw new NotDescribed();
        }
        int table = flags == 2 ? in.u32() : 0;
        if (in.u8() != I32_CONST) {
            throw new NotDescribed();
        }
        long offset = Integer.toUnsignedLong(s32(in)); // a table offset is an unsigned 32-bit number
        if (in.u8() != END) {
            throw new NotDescribed();
        }
        if (flags == 2 && in.u8() != 0x00) { // elemkind funcref
            throw new NotDescribed();
        }
        int count = in.count(1);
        List<Integer> functions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            functions.add(in.u32());
        }
        return new CoreModuleWiring.ActiveElements(table, offset, functions);
    }

    /**
     * The slot when {@code body} is exactly a trampoline of a function of type {@code type}: no locals, every
     * parameter pushed in order, a constant slot, a {@code call_indirect} on table 0 of the same type, and the end.
     */
    private static OptionalInt trampolineSlot(ByteInput body, CoreFuncType type, List<CoreFuncType> types) {
        if (body.u32() != 0) {
            return OptionalInt.empty(); // local declarations
        }
        for (int i = 0; i < type.params().size(); i++) {
            if (body.u8() != LOCAL_GET || body.u32() != i) {
                return OptionalInt.empty();
            }
        }
        if (body.u8() != I32_CONST) {
            return OptionalInt.empty();
        }
        int slot = s32(body);
        if (slot < 0 || body.u8() != CALL_INDIRECT) {
            return OptionalInt.empty();
        }
        int typeIndex = body.u32();
        if (typeIndex >= types.size() || !types.get(typeIndex).equals(type) || body.u32() != 0) {
            return OptionalInt.empty();
        }
        if (body.u8() != END || !body.atEnd()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(slot);
    }

    /** A signed 32-bit LEB128 number (at most 5 bytes; an overlong one is not described). */
    private static int s32(ByteInput in) {
        int result = 0;
        int shift = 0;
        int b;
        do {
            if (shift > 28) {
                throw new NotDescribed();
            }
            b = in.u8();
            result |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 32 && (b & 0x40) != 0) {
            result |= -1 << shift;
        }
        return result;
    }
}
