package dev.witbind.runtime.engine.chicory;

import dev.witbind.runtime.errors.WitModuleException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pass over a core module's sections before Chicory parses it, with one rule: no declared count may exceed the
 * bytes that remain where it is declared. Every element of a vector takes at least one byte, so a larger count is
 * a lie, and Chicory 1.7.5 believes some of them: it allocates an array of the declared size before reading the
 * elements (a 17-byte module whose one function type declares 2^28-1 parameters costs it 1 GiB). Checked here: the
 * size of every section, the count of every section that is a vector, the counts inside the types (parameters and
 * results, and the GC proposal's recursive groups, supertypes and struct fields), the name lengths of imports and
 * exports, the element counts of element segments, the byte lengths of data segments, and the counts and lengths
 * of the custom "name" section, which Chicory parses too. Anything this pass cannot read (a malformed LEB128, a form it does not know) it leaves to
 * Chicory, whose parser reports it.
 */
final class DeclaredCounts {
    /** The core sections whose content starts with a vector count (start and data count hold a single index). */
    private static final boolean[] VECTOR = new boolean[14];

    static {
        for (int id : new int[] {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13}) {
            VECTOR[id] = true;
        }
    }

    private static final String[] NAMES = {"custom", "type", "import", "function", "table", "memory", "global",
            "export", "start", "element", "code", "data", "data count", "tag"};

    private final String guest;
    private final byte[] bytes;
    private int pos;

    private DeclaredCounts(String guest, byte[] bytes) {
        this.guest = guest;
        this.bytes = bytes;
    }

    /**
     * Checks a module that starts with the core preamble (anything else is left to Chicory's parser to refuse).
     *
     * @throws WitModuleException naming the section and byte offset of the first count that cannot be true
     */
    static void check(String guest, byte[] bytes) {
        byte[] preamble = {0, 'a', 's', 'm', 1, 0, 0, 0};
        if (bytes.length >= 8 && Arrays.equals(bytes, 0, 8, preamble, 0, 8)) {
            new DeclaredCounts(guest, bytes).sections();
        }
    }

    private void sections() {
        pos = 8;
        while (pos < bytes.length) {
            int id = bytes[pos++] & 0xff;
            String section = id < NAMES.length ? NAMES[id] + " section" : "section " + id;
            long size = count(section + "'s size", bytes.length);
            if (size < 0) {
                return;
            }
            int end = pos + (int) size;
            if (id < VECTOR.length && VECTOR[id]) {
                long entries = count(section + "'s entry count", end);
                if (entries >= 0 && id == 1) {
                    types(end);
                } else if (entries >= 0 && (id == 2 || id == 7)) {
                    importsOrExports(id == 2, entries, end);
                } else if (entries >= 0 && id == 9) {
                    elementSegments(entries, end);
                } else if (entries >= 0 && id == 11) {
                    dataSegments(entries, end);
                }
            } else if (id == 0) {
                long length = count("custom section's name length", end);
                if (length == 4 && new String(bytes, pos, 4, StandardCharsets.UTF_8).equals("name")) {
                    pos += 4;
                    names(end);
                }
            }
            pos = end;
        }
    }

    /** The entries of a type section, up to {@code end}. */
    private void types(int end) {
        boolean readable = true;
        while (readable && pos < end) {
            readable = type(end, true);
        }
    }

    /**
     * One type as Chicory reads it (forms as LEB128, so that {@code e0 00} is 0x60): a function type, or one of
     * the GC proposal's recursive groups (only at the top: no recursion on input), subtypes, structs and arrays.
     * False when it cannot be read to its end, or is a form Chicory refuses anyway.
     */
    private boolean type(int end, boolean top) {
        long form = leb(end);
        if (form == 0x4e && top) {
            long members = count("type section's recursive group size", end);
            for (long i = 0; i < members; i++) {
                if (!type(end, false)) {
                    return false;
                }
            }
            return members >= 0;
        }
        if (form == 0x50 || form == 0x4f) {
            long supertypes = count("type section's supertype count", end);
            for (long i = 0; i < supertypes; i++) {
                if (leb(end) < 0) {
                    return false;
                }
            }
            form = supertypes < 0 ? -1 : leb(end);
        }
        if (form == 0x60) {
            return valueTypes("type section's parameter count", end)
                    && valueTypes("type section's result count", end);
        }
        if (form == 0x5f) { // a struct: fields of a storage type and a mutability
            long fields = count("type section's field count", end);
            for (long i = 0; i < fields; i++) {
                if (!valueType(end) || ++pos > end) {
                    return false;
                }
            }
            return fields >= 0;
        }
        if (form == 0x5e) { // an array: one field
            return valueType(end) && ++pos <= end;
        }
        return false;
    }

    /** A counted vector of value types. */
    private boolean valueTypes(String what, int end) {
        long count = count(what, end);
        for (long i = 0; i < count; i++) {
            if (!valueType(end)) {
                return false;
            }
        }
        return count >= 0;
    }

    /** The name lengths of an import or export section's entries (Chicory allocates a name before reading it). */
    private void importsOrExports(boolean imports, long entries, int end) {
        String section = imports ? "import section's " : "export section's ";
        for (long i = 0; i < entries; i++) {
            for (int names = imports ? 2 : 1; names > 0; names--) {
                long length = count(section + "name length", end);
                if (length < 0) {
                    return;
                }
                pos += (int) length;
            }
            if (pos >= end) {
                return;
            }
            int kind = bytes[pos++] & 0xff;
            if (!imports || kind == 0) {
                if (leb(end) < 0) { // an index
                    return;
                }
            } else if (kind == 1 || kind == 2) { // a table (a reference type, then limits) or a memory (limits)
                if ((kind == 1 && !valueType(end)) || pos >= end) {
                    return;
                }
                int flags = bytes[pos++] & 0xff;
                if (flags > 3 || leb(end) < 0 || ((flags & 1) != 0 && leb(end) < 0)) {
                    return; // 64-bit limits and the rest: Chicory's to read
                }
            } else if (kind == 3) { // a global: its value type and mutability
                if (!valueType(end) || ++pos > end) {
                    return;
                }
            } else {
                return; // a tag or an unknown kind
            }
        }
    }

    /**
     * The custom section named {@code name}, which Chicory parses: its subsections' sizes, and in each the name
     * lengths and name map counts (an indirect map, of locals, labels or fields, holds a name map per entry).
     */
    private void names(int end) {
        while (pos < end) {
            int id = bytes[pos++] & 0xff;
            long size = count("name section's subsection size", end);
            if (size < 0) {
                return;
            }
            int subsectionEnd = pos + (int) size;
            if (id == 0) {
                count("name section's module name length", subsectionEnd);
            } else if (!nameMap(subsectionEnd, id == 2 || id == 3 || id == 10)) {
                return;
            }
            pos = subsectionEnd;
        }
    }

    /** A name map (or an indirect one) up to {@code end}; false when it cannot be read to its end. */
    private boolean nameMap(int end, boolean indirect) {
        long entries = count("name section's name map count", end);
        for (long i = 0; i < entries; i++) {
            if (leb(end) < 0) {
                return false;
            }
            if (indirect) {
                if (!nameMap(end, false)) {
                    return false;
                }
            } else {
                long length = count("name section's name length", end);
                if (length < 0) {
                    return false;
                }
                pos += (int) length;
            }
        }
        return entries >= 0;
    }

    /**
     * The element counts of an element section's segments (Chicory allocates for them before reading them). The
     * segment's flags say what precedes the vector: bit 0 passive or declarative, bit 1 an explicit table index
     * (active) or declarative, bit 2 expressions instead of function indices.
     */
    private void elementSegments(long entries, int end) {
        for (long i = 0; i < entries; i++) {
            long flags = leb(end);
            if (flags < 0 || flags > 7) {
                return;
            }
            boolean active = (flags & 1) == 0;
            boolean expressions = (flags & 4) != 0;
            if ((flags == 2 || flags == 6) && leb(end) < 0) { // the table index
                return;
            }
            if (active && !constantExpression(end)) { // the offset
                return;
            }
            if (flags != 0 && flags != 4 && !(expressions ? valueType(end) : ++pos <= end)) { // reftype or elemkind
                return;
            }
            long elements = count("element section's element count", end);
            for (long e = 0; e < elements; e++) {
                if (expressions ? !constantExpression(end) : leb(end) < 0) {
                    return;
                }
            }
            if (elements < 0) {
                return;
            }
        }
    }

    /** The byte lengths of a data section's segments (Chicory allocates a segment's bytes before reading them). */
    private void dataSegments(long entries, int end) {
        for (long i = 0; i < entries; i++) {
            long mode = leb(end); // 0: active in memory 0, 1: passive, 2: active in the memory whose index follows
            if (mode < 0 || mode > 2 || (mode == 2 && leb(end) < 0) || (mode != 1 && !constantExpression(end))) {
                return;
            }
            long length = count("data section's segment length", end);
            if (length < 0) {
                return;
            }
            pos += (int) length;
        }
    }

    /** Skips an offset expression up to its {@code end} opcode; false at an instruction it does not know. */
    private boolean constantExpression(int end) {
        while (pos < end) {
            int opcode = bytes[pos++] & 0xff;
            switch (opcode) {
                case 0x0b: // end
                    return true;
                case 0x41, 0x23, 0xd2: // i32.const, global.get, ref.func: one LEB128 (i64.const's may be longer)
                    if (leb(end) < 0) {
                        return false;
                    }
                    break;
                case 0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e: // the extended constant arithmetic: no immediates
                    break;
                case 0xd0: // ref.null: a heap type, one byte for funcref and externref
                    pos++;
                    break;
                default:
                    return false;
            }
        }
        return false;
    }

    /** Skips one value type; a typed reference (0x63, 0x64) carries a heap type. False if it runs past the end. */
    private boolean valueType(int end) {
        if (pos >= end) {
            return false;
        }
        int code = bytes[pos++] & 0xff;
        if (code == 0x63 || code == 0x64) {
            while (pos < end && (bytes[pos] & 0x80) != 0) {
                pos++;
            }
            pos++;
        }
        return pos <= end;
    }

    /**
     * An unsigned LEB128 count at {@code pos}, which must not exceed the bytes that remain before {@code end}; -1
     * when it is malformed or truncated (Chicory's parser says so better).
     */
    private long count(String what, int end) {
        int offset = pos;
        long value = leb(end);
        int remaining = end - pos;
        if (value > remaining) {
            throw new WitModuleException(guest, "not a valid WebAssembly core module: the " + what + " at byte offset "
                    + offset + " is " + value + ", but only " + remaining + " byte" + (remaining == 1 ? "" : "s")
                    + " remain" + (remaining == 1 ? "s" : "") + " for it", null);
        }
        return value;
    }

    /** An unsigned LEB128 of at most 5 bytes at {@code pos}, before {@code end}; -1 when malformed or truncated. */
    private long leb(int end) {
        long value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos >= end) {
                return -1;
            }
            int b = bytes[pos++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        return -1;
    }
}
