package dev.witbind.wit.parser;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.witbind.wit.fuzz.FuzzRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random truncations and mutations of valid WIT must either resolve or fail with a {@link WitParseException} whose
 * location lies in the input, never with another exception (nor one our safety net had to wrap) and never by
 * hanging. {@link FuzzRun} runs them with a fixed seed and count in {@code mvn verify} (so a failure reproduces; it
 * names the seed and input and saves the input), for as long as asked under {@code .ci/fuzz}.
 */
class FuzzTest {
    private static final List<String> SNIPPETS = List.of("{", "}", "<", ">", "(", ")", ";", ":", ",", ".", "@",
            "->", "_", "/", "%", "*", "=", "use ", "record ", "resource ", "func", "static ", "constructor",
            "include ", " with ", "import ", "export ", "interface ", "world ", "package a:b;", "package x:y {",
            "@since(version = 1.0.0)", "@unstable(feature = f)", "@deprecated(version = 9.9.9)", "1.0.0", "0.2",
            "/*", "*/", "//", "///", "\"", "\u0007", "\u202E", "\r", "\t", "é", "🎉", "borrow<", "own<", "list<",
            "option<", "result<", "tuple<", "u8", "blob", "point", "types", "self", "x-Y", "a_b", "--", "-");

    private static String everything() {
        try (InputStream in = FuzzTest.class.getResourceAsStream("everything.wit")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void truncationsAndMutationsOnlyEverFailWithWitException() {
        String original = everything();
        FuzzRun.Outcome outcome = new FuzzRun("wit-text", 4_000, 20240611L, WitParseException.class)
                .checkingRefusals(thrown -> {
                    WitParseException e = (WitParseException) thrown;
                    // A cause means the safety net caught a bug of ours (see WitPackages.guarded).
                    assertTrue(e.getCause() == null, () -> "internal error: " + e.getCause());
                    assertTrue(e.line() >= 1 && e.column() >= 1, () -> "no position: " + e);
                })
                .run(mutator -> mutate(original, mutator.random()), input -> {
                    try {
                        WitPackages.parse("fuzz.wit", input);
                    } catch (WitParseException e) {
                        assertTrue(e.line() <= input.split("\n", -1).length, () -> "line outside input: " + e);
                        throw e;
                    }
                });
        assertTrue(outcome.refused() > outcome.inputs() / 4, "most mutations should be invalid, but only "
                + outcome.refused() + " of " + outcome.inputs() + " were");
    }

    @Test
    void everyPrefixOfAValidFileOnlyEverFailsWithWitException() {
        String original = everything();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int end = 0; end < original.length(); end++) {
                String input = original.substring(0, end);
                try {
                    WitPackages.parse("prefix.wit", input);
                } catch (WitParseException e) {
                    assertTrue(e.getCause() == null, () -> "internal error for:\n" + input + "\n" + e.getCause());
                } catch (Throwable t) {
                    fail("the prefix of length " + end + " threw " + t + "; input:\n" + input, t);
                }
            }
        });
    }

    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && out.length() > 0; i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(5)) {
                case 0 -> out.setLength(at);
                case 1 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(12)));
                case 2 -> out.insert(at, SNIPPETS.get(random.nextInt(SNIPPETS.size())));
                case 3 -> {
                    int from = random.nextInt(out.length());
                    int length = Math.min(out.length() - from, 1 + random.nextInt(40));
                    out.insert(at, out.substring(from, from + length));
                }
                default -> {
                    int other = random.nextInt(out.length());
                    char c = out.charAt(at);
                    out.setCharAt(at, out.charAt(other));
                    out.setCharAt(other, c);
                }
            }
        }
        return out.toString();
    }
}
