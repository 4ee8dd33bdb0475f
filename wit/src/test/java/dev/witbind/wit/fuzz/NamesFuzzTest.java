package dev.witbind.wit.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.names.ExternName;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names and versions as a guest's import strings carry them: seeded mutations of valid names (long repeats
 * included) through every public parser, and the versions that parse through compareTo and the track rule. Every
 * input parses or fails with {@link InvalidNameException} alone, whose message stays short; none takes long.
 */
class NamesFuzzTest {
    private static final List<String> SEEDS = List.of("wasi:io/streams@0.2.1", "example:greeter/host@0.2.0",
            "a:b/c@1.0.0-rc.1+build.5", "log", "[constructor]bucket", "[method]bucket.get", "[static]bucket.open",
            "[resource-drop]bucket", "ns:pkg/iface", "x:y/z@18446744073709551615.0.0", "get-HTTP-header",
            "a:b/c@0.0.1-alpha.10.beta", "wasi:cli/exit@0.2");
    private static final List<String> PIECES = List.of(":", "/", "@", ".", "-", "+", "[", "]", "#", "0", "00",
            "18446744073709551616", "99999999999999999999999", "é", "🎉", "\u0000", " ", "A", "--", "..", "@@",
            "[method]", "x".repeat(10_000), "1.".repeat(5_000));

    @Test
    void mutatedNamesGiveNamesOrShortInvalidNameExceptions() {
        FuzzBudget budget = FuzzBudget.of("names", 20_000, 20261202L);
        Mutator mutator = new Mutator(budget.seed());
        List<Version> versions = new ArrayList<>();
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60 + Long.getLong("witbind.fuzz.seconds", 0)), () -> {
            while (budget.next()) {
                String input = mutator.mutate(SEEDS.get(mutator.random().nextInt(SEEDS.size())), PIECES);
                long start = System.nanoTime();
                outcomes[parseAll(input, versions) ? 0 : 1]++;
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 500, () -> "took " + millis + " ms: " + shown(input));
                if (versions.size() > 64) {
                    for (Version a : versions) {
                        for (Version b : versions) {
                            int order = a.compareTo(b);
                            assertTrue(Integer.signum(order) == -Integer.signum(b.compareTo(a)), a + " " + b);
                        }
                    }
                    versions.clear();
                }
            }
        });
        System.out.println("fuzz names: " + budget.done() + " inputs, " + outcomes[0] + " parsed, " + outcomes[1]
                + " refused");
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "both outcomes occur");
    }

    /** Whether any parser took it; the versions that parse are kept for ordering checks. */
    private static boolean parseAll(String input, List<Version> versions) {
        boolean any = false;
        try {
            ExternName.parse(input);
            any = true;
            CompatibilityTrack.of(input);
        } catch (InvalidNameException e) {
            checkMessage(input, e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("ExternName.parse threw " + e + " for " + shown(input), e);
        }
        try {
            InterfaceName.parse(input);
            any = true;
        } catch (InvalidNameException e) {
            checkMessage(input, e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("InterfaceName.parse threw " + e + " for " + shown(input), e);
        }
        int at = input.lastIndexOf('@');
        String versionText = at < 0 ? input : input.substring(at + 1);
        try {
            versions.add(Version.parse(versionText));
            any = true;
        } catch (InvalidNameException e) {
            checkMessage(versionText, e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("Version.parse threw " + e + " for " + shown(versionText), e);
        }
        return any;
    }

    private static void checkMessage(String input, InvalidNameException e) {
        assertTrue(e.getMessage().length() < 800, () -> "a message of " + e.getMessage().length()
                + " characters for " + shown(input));
    }

    private static String shown(String input) {
        return input.length() > 200 ? input.substring(0, 200) + "... (" + input.length() + " chars)" : input;
    }
}
