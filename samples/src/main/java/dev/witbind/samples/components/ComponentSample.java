package dev.witbind.samples.components;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestComponent;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.ImportBinding;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.samples.greeter.GreeterGuests;
import dev.witbind.samples.greeter.GreeterHost;
import java.io.PrintStream;
import java.util.List;

/**
 * Components, the binaries toolchains emit ({@code jco new} around C guests here): the greeter built against five
 * versions of {@code example:greeter/host}, served by the same {@link GreeterHost} as the core-module guests (the kv
 * component is in {@code KvSample}). The fixtures are the project's, in {@code component/src/test/guests/}.
 */
public final class ComponentSample {
    /** The greeter components, one per interface version. */
    public static final List<String> GREETERS = List.of("greeter-0.2.0.wasm", "greeter-0.2.1.wasm",
            "greeter-0.2.9.wasm", "greeter-0.3.0.wasm", "greeter-1.0.0.wasm");

    private final PrintStream out;

    private ComponentSample(PrintStream out) {
        this.out = out;
    }

    public static void run(PrintStream out, Engine engine) {
        new ComponentSample(out).runAll(engine);
    }

    private static GuestComponent load(String path) {
        return GuestComponent.fromResource(ComponentSample.class.getClassLoader(), "guests/components/" + path);
    }

    private void runAll(Engine engine) {
        out.println();
        out.println("== components: host provides example:greeter/host@0.2.1");
        Linker linker = new Linker().register(new GreeterHost());
        for (String file : GREETERS) {
            GuestComponent component = load("greeter/" + file);
            try {
                GuestInstance instance = linker.instantiate(component, engine);
                out.println("  " + file + ": linked");
                for (ImportBinding binding : instance.linkPlan().bindings()) {
                    out.println("      " + binding.describe());
                }
                out.println("      run(\"Wörld\") = \"" + GreeterGuests.run(instance, "Wörld") + "\"");
            } catch (WitLinkException refused) {
                out.println("  " + file + ": REFUSED");
                out.println("      " + refused.getMessage().replace("\n", "\n      "));
            }
        }
    }
}
