package dev.witbind.component;

import static dev.witbind.component.Bin.bytes;
import static dev.witbind.component.Bin.component;
import static dev.witbind.component.Bin.concat;
import static dev.witbind.component.Bin.name;
import static dev.witbind.component.Bin.section;
import static dev.witbind.component.Bin.u32;
import static dev.witbind.component.Bin.vecSection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.component.binary.ComponentReader;
import dev.witbind.component.binary.Rule;
import dev.witbind.component.binary.Section;
import org.junit.jupiter.api.Test;

/** The decoding rules and the gate, on binaries built byte by byte: each error has its rule, offset and section. */
class MalformedBinaryTest {
    private static final int IMPORT = 10;
    private static final int TYPE = 7;
    private static final int CANON = 8;

    private static ComponentFormatException refused(byte[] bytes) {
        return assertThrows(ComponentFormatException.class, () -> Component.read(bytes));
    }

    private static void assertRefused(byte[] bytes, Rule rule, long offset, Section section, String finding) {
        ComponentFormatException e = refused(bytes);
        assertEquals(rule, e.rule(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
        assertEquals(section, e.section(), e.getMessage());
        assertTrue(e.finding().contains(finding), e.finding());
    }

    @Test
    void theEmptyComponentIsValid() {
        Component empty = Component.read(component());
        assertTrue(empty.definitions().isEmpty());
        assertEquals("package root:component;\n\nworld root {\n}\n", empty.worldWit());
    }

    @Test
    void preamble() {
        assertRefused(bytes(0, 0x61, 0x73), Rule.TRUNCATED, 0, Section.PREAMBLE, "fewer than a preamble's 8");
        assertRefused(bytes(1, 2, 3, 4, 0x0d, 0, 1, 0), Rule.MAGIC, 0, Section.PREAMBLE, "\\0asm");
        assertRefused(bytes(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0), Rule.NOT_A_COMPONENT, 4, Section.PREAMBLE,
                "a core module");
        assertRefused(bytes(0, 0x61, 0x73, 0x6d, 0x0c, 0, 1, 0), Rule.VERSION, 4, Section.PREAMBLE, "0xc");
        assertFalse(ComponentReader.isComponent(bytes(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0)));
        assertTrue(ComponentReader.isComponent(Bin.PREAMBLE));
    }

    @Test
    void sectionFraming() {
        assertRefused(component(bytes(13, 0)), Rule.SECTION_ID, 8, Section.PREAMBLE, "unknown section id 13");
        assertRefused(component(bytes(TYPE, 5, 1)), Rule.SECTION_SIZE, 10, Section.PREAMBLE, "a size of 5 bytes");
        // A type section with one primitive type and a stray byte after it.
        assertRefused(component(section(TYPE, bytes(1, 0x79, 0x00))), Rule.SECTION_SIZE, 12, Section.TYPE,
                "1 bytes left over at the end of the type section");
        // The section ends inside its only item.
        assertRefused(component(section(TYPE, bytes(1, 0x70))), Rule.TRUNCATED, 12, Section.TYPE,
                "the input ends where a byte was expected");
    }

    @Test
    void leb128() {
        // A section size of six LEB128 bytes.
        assertRefused(component(bytes(TYPE, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00)), Rule.LEB128, 9, Section.PREAMBLE,
                "longer than 5 bytes");
        // A 32-bit number with bits above bit 31.
        assertRefused(component(bytes(TYPE, 0xff, 0xff, 0xff, 0xff, 0x7f)), Rule.LEB128, 9, Section.PREAMBLE,
                "does not fit in 32 bits");
    }

    @Test
    void countsAreBackedByTheInput() {
        // A type section that claims 2^32 - 1 types in three bytes.
        assertRefused(component(section(TYPE, u32(0xffffffffL), bytes(0x79, 0x79))), Rule.COUNT, 10, Section.TYPE,
                "a count of 4294967295, but only 2 bytes remain");
        // A record claiming a million fields.
        assertRefused(component(section(TYPE, bytes(1, 0x72), u32(1_000_000), bytes(1, 'a', 0x79))), Rule.COUNT,
                12, Section.TYPE, "a count of 1000000");
    }

    @Test
    void namesAreUtf8() {
        byte[] badName = bytes(2, 0xc3, 0x28);
        assertRefused(component(vecSection(IMPORT, concat(bytes(0x00), badName, bytes(0x01, 0x00)))), Rule.UTF8, 13,
                Section.IMPORT, "not well-formed UTF-8");
    }

    @Test
    void unknownOpcodes() {
        assertRefused(component(vecSection(TYPE, bytes(0x50))), Rule.OPCODE, 11, Section.TYPE, "type form 0x50");
        assertRefused(component(vecSection(IMPORT, concat(bytes(0x00), name("f"), bytes(0x07, 0x00)))), Rule.OPCODE,
                14, Section.IMPORT, "extern type 0x7");
        assertRefused(component(vecSection(TYPE, bytes(0x40, 0x00, 0x01, 0x01, 0x01, 'a', 0x79))), Rule.OPCODE, 13,
                Section.TYPE, "named results");
        assertRefused(component(vecSection(CANON, bytes(0x08))), Rule.OPCODE, 11, Section.CANON, "canon kind 0x8");
    }

    @Test
    void emptyAndOversizedTypes() {
        assertRefused(component(vecSection(TYPE, bytes(0x72, 0x00))), Rule.EMPTY_TYPE, 11, Section.TYPE,
                "a record with no fields");
        assertRefused(component(vecSection(TYPE, bytes(0x6d, 0x00))), Rule.EMPTY_TYPE, 11, Section.TYPE,
                "a enum with no labels");
        byte[][] labels = new byte[33][];
        for (int i = 0; i < 33; i++) {
            labels[i] = name("f" + i);
        }
        assertRefused(component(vecSection(TYPE, concat(bytes(0x6e, 33), concat(labels)))), Rule.EMPTY_TYPE, 11,
                Section.TYPE, "flags with 33 labels; at most 32");
    }

    @Test
    void duplicateCanonOptions() {
        // canon lower (func 0) with string-encoding=utf8 twice.
        assertRefused(component(vecSection(CANON, bytes(0x01, 0x00, 0x00, 0x02, 0x00, 0x01))),
                Rule.CANON_OPTION_TWICE, 16, Section.CANON, "a second string-encoding option");
        assertRefused(component(vecSection(CANON, bytes(0x01, 0x00, 0x00, 0x02, 0x03, 0x00, 0x03, 0x00))),
                Rule.CANON_OPTION_TWICE, 17, Section.CANON, "a second memory option");
    }

    @Test
    void gatedConstructsAreRefusedByName() {
        assertRefused(component(section(9, bytes(0, 0, 0))), Rule.GATED, 8, Section.START, "🪙");
        assertRefused(component(section(12, bytes(0))), Rule.GATED, 8, Section.VALUE, "🪙");
        assertRefused(component(vecSection(TYPE, bytes(0x43, 0x00, 0x01, 0x00))), Rule.GATED, 11, Section.TYPE,
                "an async function type");
        assertRefused(component(vecSection(TYPE, bytes(0x66, 0x00))), Rule.GATED, 11, Section.TYPE, "a stream type");
        assertRefused(component(vecSection(TYPE, bytes(0x65, 0x00))), Rule.GATED, 11, Section.TYPE, "a future type");
        assertRefused(component(vecSection(TYPE, bytes(0x64))), Rule.GATED, 11, Section.TYPE, "error-context");
        assertRefused(component(vecSection(TYPE, bytes(0x70, 0x64))), Rule.GATED, 12, Section.TYPE, "error-context");
        assertRefused(component(vecSection(TYPE, bytes(0x67, 0x79, 0x04))), Rule.GATED, 11, Section.TYPE,
                "fixed-length list");
        assertRefused(component(vecSection(TYPE, bytes(0x63, 0x73, 0x79))), Rule.GATED, 11, Section.TYPE, "map");
        assertRefused(component(vecSection(TYPE, bytes(0x3f, 0x7e, 0x00))), Rule.GATED, 12, Section.TYPE, "i64");
        assertRefused(component(vecSection(CANON, bytes(0x09, 0x01, 0x00, 0x00))), Rule.GATED, 11, Section.CANON,
                "task.return (behind the 🔀 gate)");
        assertRefused(component(vecSection(CANON, bytes(0x0e, 0x00))), Rule.GATED, 11, Section.CANON,
                "stream.new");
        assertRefused(component(vecSection(CANON, bytes(0x26))), Rule.GATED, 11, Section.CANON,
                "thread.index (behind the 🧵 gate)");
        assertRefused(component(vecSection(CANON, bytes(0x1c, 0x00))), Rule.GATED, 11, Section.CANON,
                "error-context.new (behind the 📝 gate)");
        assertRefused(component(vecSection(CANON, bytes(0x00, 0x00, 0x00, 0x01, 0x06, 0x00))), Rule.GATED, 15,
                Section.CANON, "the async option");
        assertRefused(component(vecSection(IMPORT, concat(bytes(0x02), name("f"), bytes(0x01, 0x00), name("a:b/c")))),
                Rule.GATED, 15, Section.IMPORT, "the implements attribute on the name 'f' (behind the 🏷️ gate)");
        assertRefused(component(vecSection(IMPORT, concat(bytes(0x00), name("v"), bytes(0x02, 0x01, 0x79)))),
                Rule.GATED, 14, Section.IMPORT, "a value import or export");
    }

    @Test
    void gatedNames() {
        // (type (instance)) then (import "a:b/c@0.2" (instance (type 0))).
        byte[] type = vecSection(TYPE, bytes(0x42, 0x00));
        // canonical names (🔗) are read: NameAttributesTest
        assertRefused(component(type, vecSection(IMPORT, concat(bytes(0x00), name("a:b:c/d"), bytes(0x05, 0x00)))),
                Rule.GATED, 16, Section.IMPORT, "nested namespaces or packages (behind the 🪺 gate)");
    }

    @Test
    void coreModuleSections() {
        byte[] core = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
        // Two type sections.
        byte[] twice = concat(core, section(1, bytes(0)), section(1, bytes(0)));
        assertRefused(component(section(1, twice)), Rule.CORE_SECTION_ORDER, 21, Section.CORE_MODULE,
                "core section id 1 appears twice");
        // An import section after the function section.
        byte[] order = concat(core, section(3, bytes(0)), section(2, bytes(0)));
        assertRefused(component(section(1, order)), Rule.CORE_SECTION_ORDER, 21, Section.CORE_MODULE,
                "after a section that must follow it");
        // A GC struct type.
        byte[] gc = concat(core, section(1, bytes(1, 0x5f, 0, 0)));
        assertRefused(component(section(1, gc)), Rule.UNSUPPORTED_CORE, 21, Section.CORE_MODULE, "0x5f");
        // A core module version 2.
        byte[] v2 = {0x00, 0x61, 0x73, 0x6d, 0x02, 0x00, 0x00, 0x00};
        assertRefused(component(section(1, v2)), Rule.VERSION, 14, Section.CORE_MODULE, "version 2");
    }

    @Test
    void aTypeExportedUnderAnInterfaceNameKeepsAWitName() {
        // (type (record (field "x" u32))) (export "a:b/c" (type 0)): valid, though WIT cannot name the type so.
        byte[] bytes = component(vecSection(TYPE, bytes(0x72, 1, 1, 'x', 0x79)),
                vecSection(11, concat(bytes(0x00), name("a:b/c"), bytes(0x03, 0x00, 0x00))));
        Component component = Component.read(bytes);
        assertEquals("a:b/c", component.exports().get(0).name());
        assertEquals("type-1", component.exports().get(0).type() instanceof
                dev.witbind.component.model.ItemType.ValueType value ? value.type().toString() : null);
    }

    @Test
    void customSectionsAreKeptAndMalformedNamesIgnored() {
        byte[] names = section(0, name("component-name"), bytes(0x00, 0x04), name("abc"));
        byte[] other = section(0, name("my-data"), bytes(1, 2, 3));
        byte[] broken = section(0, name("producers"), bytes(0x05));
        Component component = Component.read(component(names, other, broken));
        assertEquals(3, component.binary().customSections().size());
        assertEquals("abc", component.binary().names().orElseThrow().componentName().orElseThrow());
        assertEquals("my-data", component.binary().customSections().get(1).name());
        assertEquals(3, component.binary().customSections().get(1).contentLength());
        assertTrue(component.binary().producers().isEmpty(), "a malformed producers section is ignored");
    }
}
