package dev.witbind.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.component.binary.ComponentFormatException;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitModuleException;
import dev.witbind.wit.fuzz.FuzzRun;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guest components as the runtime reads them: seeded mutations of the component fixtures (on the class path as
 * components/...), many of them inside the embedded core modules, which the engine parses, through
 * {@link GuestComponent#parse} and a link check. Every input is a component or one of the two exceptions parse
 * documents, held to the rest of {@link FuzzRun}'s rule.
 */
class GuestComponentFuzzTest {
    private static final List<String> FIXTURES = List.of("greeter/greeter-0.2.0.wasm", "greeter/greeter-0.2.1.wasm",
            "greeter/greeter-utf16.wasm", "kv/kv.wasm", "counters/counters.wasm", "reactor/reactor.wasm",
            "composed/composed.wasm");

    @Test
    void mutatedComponentsGiveOnlyOurExceptions() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String fixture : FIXTURES) {
            try (InputStream in = GuestComponentFuzzTest.class.getResourceAsStream("/components/" + fixture)) {
                seeds.add(in.readAllBytes());
            }
        }
        FuzzRun.Outcome outcome = new FuzzRun("guest-components", 1_500, 20261202L, ComponentFormatException.class,
                WitModuleException.class).run(
                mutator -> mutator.mutate(seeds.get(mutator.random().nextInt(seeds.size())), 8, seeds),
                input -> new Linker().check(GuestComponent.parse("mutant", input)));
        assertTrue(outcome.refused() > 0 && outcome.accepted() > 0, "both outcomes occur: " + outcome);
    }
}
