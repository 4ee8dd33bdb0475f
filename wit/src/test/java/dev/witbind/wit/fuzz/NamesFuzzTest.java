package dev.witbind.wit.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.wit.names.CompatibilityTrack;
import dev.witbind.wit.names.ExternName;
import dev.witbind.wit.names.InterfaceName;
import dev.witbind.wit.names.InvalidNameException;
import dev.witbind.wit.names.Version;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names and versions as a guest's import strings carry them: seeded mutations of valid names (long repeats
 * included) through every public parser, and the versions that parse through compareTo and the track rule. Every
 * input parses or fails with {@link InvalidNameException} alone, whose message stays short; none takes long
 * ({@link FuzzRun} holds the run to the rest of the rule).
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
        List<Version> versions = new ArrayList<>();
        // Each parser's InvalidNameException is caught below so that every parser sees every input; an input no
        // parser takes is a refusal (its last exception), anything else escapes to the run, which fails on it.
        FuzzRun.Outcome outcome = new FuzzRun("names", 20_000, 20261202L, InvalidNameException.class).run(
                mutator -> mutator.mutate(SEEDS.get(mutator.random().nextInt(SEEDS.size())), PIECES),
                input -> {
                    // a parse that is slow on hostile input (the quadratic version parse of issue 12) is caught by
                    // FuzzRun's per-input deadline, not by timing here: a timed assertion fails on a busy machine
                    InvalidNameException refusal = parseAll(input, versions);
                    if (versions.size() > 64) {
                        for (Version a : versions) {
                            for (Version b : versions) {
                                int order = a.compareTo(b);
                                assertTrue(Integer.signum(order) == -Integer.signum(b.compareTo(a)), a + " " + b);
                            }
                        }
                        versions.clear();
                    }
                    if (refusal != null) {
                        throw refusal;
                    }
                });
        assertTrue(outcome.accepted() > 0 && outcome.refused() > 0, "both outcomes occur: " + outcome);
    }

    /**
     * Null when any parser took it, else the last parser's exception; the versions that parse are kept for
     * ordering checks.
     */
    private static InvalidNameException parseAll(String input, List<Version> versions) {
        boolean any = false;
        InvalidNameException last = null;
        try {
            ExternName.parse(input);
            any = true;
            CompatibilityTrack.of(input);
        } catch (InvalidNameException e) {
            checkMessage(input, e);
            last = e;
        }
        try {
            InterfaceName.parse(input);
            any = true;
        } catch (InvalidNameException e) {
            checkMessage(input, e);
            last = e;
        }
        int at = input.lastIndexOf('@');
        String versionText = at < 0 ? input : input.substring(at + 1);
        try {
            versions.add(Version.parse(versionText));
            any = true;
        } catch (InvalidNameException e) {
            checkMessage(versionText, e);
            last = e;
        }
        return any ? null : last;
    }

    private static void checkMessage(String input, InvalidNameException e) {
        assertTrue(e.getMessage().length() < 800, () -> "a message of " + e.getMessage().length()
                + " characters for " + shown(input));
    }

    private static String shown(String input) {
        return FuzzRun.shown(input, 200);
    }
}
