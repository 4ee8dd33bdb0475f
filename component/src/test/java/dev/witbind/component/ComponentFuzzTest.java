package dev.witbind.component;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.wit.fuzz.FuzzRun;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of every committed component fixture (the valid ones, the hand-made invalid ones and the
 * misbehaving guests) read and validated by {@link Component#read}: every input is a component or a
 * {@link ComponentFormatException} whose offset lies in the input, held to the rest of {@link FuzzRun}'s rule.
 * (The component module cannot see the wasi module's fixtures; the runtime's GuestComponentReadTest also parses
 * the embedded core modules.)
 */
class ComponentFuzzTest {
    @Test
    void mutatedComponentsGiveComponentsOrFormatExceptionsInsideTheInput() {
        List<byte[]> seeds = Fixtures.validComponents().stream().map(Fixtures::bytes).toList();
        List<byte[]> all = Stream.concat(seeds.stream(),
                Fixtures.invalidComponents().stream().map(Fixtures::bytes)).toList();
        int[] length = new int[1];
        FuzzRun.Outcome outcome = new FuzzRun("components", 6_000, 20261202L, ComponentFormatException.class)
                .checkingRefusals(thrown -> {
                    long offset = ((ComponentFormatException) thrown).offset();
                    assertTrue(offset >= 0 && offset <= length[0], () -> "offset " + offset + " outside an input of "
                            + length[0] + " bytes: " + thrown.getMessage());
                })
                .run(mutator -> mutator.mutate(all.get(mutator.random().nextInt(all.size())), 8, all), input -> {
                    length[0] = input.length;
                    Component.read(input);
                });
        assertTrue(outcome.refused() > outcome.accepted() && outcome.accepted() > 0, "both outcomes occur, most "
                + "mutations break something: " + outcome);
    }
}
