package dev.witbind.component;

import static dev.witbind.component.Bin.bytes;
import static dev.witbind.component.Bin.component;
import static dev.witbind.component.Bin.concat;
import static dev.witbind.component.Bin.name;
import static dev.witbind.component.Bin.vecSection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.component.binary.Rule;
import dev.witbind.component.binary.Section;
import dev.witbind.component.model.ComponentItem;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.Version;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Canonical interface names in component binaries (Binary.md, {@code nameattributes}, 🔗), on binaries written byte
 * by byte: {@code 0x02 len en a*:vec(attribute)} with {@code 0x01 versionsuffix} is read and kept, and checked as
 * Binary.md says (after a canonversion only, making a valid SemVer version, each attribute kind at most once).
 */
class NameAttributesTest {
    private static final int IMPORT = 10;
    private static final int TYPE = 7;
    /** {@code (type (instance))}: type 0, an empty instance type. Bytes 8 to 12; the import section starts at 13. */
    private static final byte[] EMPTY_INSTANCE_TYPE = vecSection(TYPE, bytes(0x42, 0x00));
    /** Where the one import of {@link #importing} starts. */
    private static final int IMPORT_OFFSET = 16;

    /** {@code (import <name> (instance (type 0)))}, the name in the form {@code nameattributes} bytes give. */
    private static byte[] importing(byte[] nameAttributes) {
        return component(EMPTY_INSTANCE_TYPE, vecSection(IMPORT, concat(nameAttributes, bytes(0x05, 0x00))));
    }

    /** {@code 0x02 name vec(attribute)}: each attribute given as its kind and text. */
    private static byte[] withAttributes(String name, Object... kindsAndTexts) {
        byte[] bytes = concat(bytes(0x02), name(name), bytes(kindsAndTexts.length / 2));
        for (int i = 0; i < kindsAndTexts.length; i += 2) {
            bytes = concat(bytes, bytes((Integer) kindsAndTexts[i]), name((String) kindsAndTexts[i + 1]));
        }
        return bytes;
    }

    private static ComponentFormatException refused(byte[] bytes, Rule rule, int offset, String finding) {
        ComponentFormatException e = assertThrows(ComponentFormatException.class, () -> Component.read(bytes));
        assertEquals(rule, e.rule(), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
        assertEquals(Section.IMPORT, e.section(), e.getMessage());
        assertTrue(e.finding().contains(finding), e.finding());
        return e;
    }

    @Test
    void aCanonicalNameKeepsItsVersionSuffix() {
        ComponentItem item = Component.read(importing(withAttributes("wasi:cli/exit@0.2", 0x01, ".6"))).imports()
                .get(0);
        assertEquals("wasi:cli/exit@0.2", item.name());
        assertEquals(InterfaceName.parse("wasi:cli/exit@0.2"), item.parsedName());
        assertEquals(Optional.of(".6"), item.versionSuffix());
        assertEquals(Optional.empty(), item.version()); // 0.2 is no SemVer version
        assertEquals(Optional.of(Version.parse("0.2.6")), item.originalVersion());
    }

    @Test
    void suffixesOfEveryCanonversionForm() {
        assertEquals(Optional.of(Version.parse("1.2.3-rc.1+b")), Component.read(importing(
                withAttributes("a:b/c@1", 0x01, ".2.3-rc.1+b"))).imports().get(0).originalVersion());
        assertEquals(Optional.of(Version.parse("0.0.1-alpha")), Component.read(importing(
                withAttributes("a:b/c@0.0.1", 0x01, "-alpha"))).imports().get(0).originalVersion());
    }

    @Test
    void theAttributeFormWithoutAttributesAndTheCanonicalNameWithoutTheAttributeForm() {
        ComponentItem bare = Component.read(importing(withAttributes("a:b/c@0.2"))).imports().get(0);
        assertEquals(Optional.empty(), bare.versionSuffix());
        assertEquals(Optional.empty(), bare.originalVersion());
        ComponentItem plain = Component.read(importing(concat(bytes(0x00), name("a:b/c@0.2")))).imports().get(0);
        assertEquals("a:b/c@0.2", plain.name());
        assertEquals(Optional.empty(), plain.versionSuffix());
        ComponentItem semver = Component.read(importing(concat(bytes(0x00), name("a:b/c@0.2.1")))).imports().get(0);
        assertEquals(Optional.of(Version.parse("0.2.1")), semver.originalVersion());
    }

    @Test
    void aVersionSuffixFollowsOnlyACanonversion() {
        refused(importing(withAttributes("a:b/c@0.2.1", 0x01, ".6")), Rule.VERSION_SUFFIX, IMPORT_OFFSET,
                "its version is not a canonversion");
        refused(importing(withAttributes("a:b/c", 0x01, ".6")), Rule.VERSION_SUFFIX, IMPORT_OFFSET,
                "its version is not a canonversion");
        refused(importing(withAttributes("f", 0x01, "1.0.0")), Rule.VERSION_SUFFIX, IMPORT_OFFSET,
                "it is not an interface name");
    }

    @Test
    void aCanonversionAndItsSuffixMakeAValidSemVerVersion() {
        for (String suffix : new String[] {"", ".6.7", ".06", "-rc", ".6 ", ".6+", "é"}) {
            refused(importing(withAttributes("a:b/c@0.2", 0x01, suffix)), Rule.VERSION_SUFFIX, IMPORT_OFFSET,
                    "which does not make its canonversion a valid SemVer version");
        }
        refused(importing(withAttributes("a:b/c@1", 0x01, "-rc")), Rule.VERSION_SUFFIX, IMPORT_OFFSET,
                "a valid SemVer version");
    }

    @Test
    void eachAttributeKindAtMostOnce() {
        // the attributes start at 16 + 1 (form) + 1 + 9 (name) + 1 (count) = 28; the second at 28 + 1 + 1 + 2 = 32
        refused(importing(withAttributes("a:b/c@0.2", 0x01, ".6", 0x01, ".7")), Rule.NAME_ATTRIBUTE_TWICE, 32,
                "a second versionsuffix attribute on the name 'a:b/c@0.2'");
    }

    @Test
    void implementsAndExternalIdStayGatedAndUnknownAttributesAreRefused() {
        refused(importing(withAttributes("a:b/c@0.2", 0x01, ".6", 0x02, "db")), Rule.GATED, 32,
                "the external-id attribute on the name 'a:b/c@0.2' (behind the 🏷️ gate)");
        refused(importing(withAttributes("store", 0x00, "wasi:keyvalue/store")), Rule.GATED, 24,
                "the implements attribute");
        refused(importing(withAttributes("a:b/c@0.2", 0x03, "x")), Rule.OPCODE, 28, "name attribute 0x3");
        refused(importing(concat(bytes(0x03), name("a:b/c@0.2"))), Rule.OPCODE, IMPORT_OFFSET, "name kind 0x3");
    }

    @Test
    void invalidCanonversionsAreNameErrors() {
        for (String version : new String[] {"0.02", "01", "0.0", "0"}) {
            refused(importing(withAttributes("a:b/c@" + version)), Rule.NAME, IMPORT_OFFSET, "the version '" + version);
        }
    }

    @Test
    void hostileSuffixesAreQuotedAsExcerpts() {
        String suffix = ".6-" + "x".repeat(100_000) + "!";
        ComponentFormatException e = refused(importing(withAttributes("a:b/c@0.2", 0x01, suffix)),
                Rule.VERSION_SUFFIX, IMPORT_OFFSET + 2, "(100004 characters)"); // a section size of 3 LEB128 bytes
        assertTrue(e.getMessage().length() < 1000, e.getMessage().length() + " characters");
    }
}
