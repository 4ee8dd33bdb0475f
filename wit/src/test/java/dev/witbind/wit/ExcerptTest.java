package dev.witbind.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.names.ExternName;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.Version;
import org.junit.jupiter.api.Test;

class ExcerptTest {
    @Test
    void shortTextIsQuotedWholeAndLongTextByItsStartAndLength() {
        assertEquals("wasi:io/streams@0.2.1", Excerpt.of("wasi:io/streams@0.2.1"));
        String eighty = "a".repeat(80);
        assertEquals(eighty, Excerpt.of(eighty));
        assertEquals("a".repeat(80) + "... (81 characters)", Excerpt.of("a".repeat(81)));
        String pairs = "🎉".repeat(60); // 120 chars: the cut must not split the pair at 79/80
        String cut = Excerpt.of(pairs);
        assertTrue(cut.startsWith("🎉".repeat(40) + "..."), cut);
    }

    @Test
    void invalidNamesOfAnyLengthGiveMessagesOfBoundedLength() {
        String hostile = "a:b/c@" + "1".repeat(100_000);
        InvalidNameException name = assertThrows(InvalidNameException.class, () -> ExternName.parse(hostile));
        assertTrue(name.getMessage().length() < 600, () -> name.getMessage().length() + " characters");
        assertTrue(name.getMessage().contains("(100006 characters)"), name.getMessage().substring(0, 200));
        assertEquals(hostile, name.input(), "the accessor keeps the whole input");

        String label = "X".repeat(50_000) + "!";
        InvalidNameException badLabel = assertThrows(InvalidNameException.class, () -> ExternName.parse(label));
        assertTrue(badLabel.getMessage().length() < 600, () -> badLabel.getMessage().length() + " characters");

        InvalidNameException version = assertThrows(InvalidNameException.class,
                () -> Version.parse("1.0.0-" + "é".repeat(10_000)));
        assertTrue(version.getMessage().length() < 600, () -> version.getMessage().length() + " characters");
    }
}
