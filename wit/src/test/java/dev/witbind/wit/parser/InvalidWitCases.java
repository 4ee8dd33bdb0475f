package dev.witbind.wit.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code invalid-wit.txt}: cases of invalid WIT, each a {@code ### name} line, an expectation line
 * {@code !! line:column reason}, and the WIT text. Markers stand for characters that a text file should not hold
 * literally: {@code <BEL>} (U+0007), {@code <RLO>} (U+202E) and {@code <DEEP>} (a type nested 101 levels deep).
 */
final class InvalidWitCases {
    /** One case; {@code expectation} is empty while a case is being written. */
    record Case(String name, Optional<String> expectation, String wit) {
        @Override
        public String toString() {
            return name;
        }
    }

    private InvalidWitCases() {}

    static List<Case> load() {
        String text;
        try (InputStream in = InvalidWitCases.class.getResourceAsStream("invalid-wit.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        String[] blocks = text.split("(?m)^### ");
        // blocks[0] is the header comment before the first case.
        for (int i = 1; i < blocks.length; i++) {
            String block = blocks[i];
            int newline = block.indexOf('\n');
            String name = block.substring(0, newline).strip();
            String body = block.substring(newline + 1);
            Optional<String> expectation = Optional.empty();
            if (body.startsWith("!! ")) {
                int end = body.indexOf('\n');
                expectation = Optional.of(body.substring(3, end));
                body = body.substring(end + 1);
            }
            cases.add(new Case(name, expectation, expand(body)));
        }
        return cases;
    }

    private static String expand(String wit) {
        String deep = "list<".repeat(101) + "u8" + ">".repeat(101);
        return wit.replace("<BEL>", "\u0007").replace("<RLO>", "\u202E").replace("<DEEP>", deep);
    }
}
