package dev.witbind.samples.greeter;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.ImportBinding;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitLinkException;
import dev.witbind.wit.names.InterfaceName;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The greeter part of README command 1: two hosts ({@code example:greeter/host@0.2.1} and {@code @0.2.0}), six guests built from C
 * against six versions of the interface. For each pair it prints how every import bound (exactly or through the
 * semver-compatible track), runs the guest, or prints why the linker refused it.
 */
public final class GreeterSample {
    private final PrintStream out;

    private GreeterSample(PrintStream out) {
        this.out = out;
    }

    /** Runs the greeter part of README command 1 ({@link dev.witbind.samples.Samples}). */
    public static void run(PrintStream out, Engine engine) {
        new GreeterSample(out).runAll(engine);
    }

    private void runAll(Engine engine) {
        GreeterHost current = new GreeterHost();
        LegacyGreeterHost legacy = new LegacyGreeterHost();
        out.println("witbind samples (Chicory " + engine.name().toLowerCase(Locale.ROOT) + ")");
        runAgainst(new Linker().register(current), GreeterHost_WitBindings.INTERFACE_NAME, engine);
        runAgainst(new Linker().register(legacy), LegacyGreeterHost_WitBindings.INTERFACE_NAME, engine);
        out.println();
        out.println("The 0.2.1 host's log: " + current.messages());
        out.println("The 0.2.0 host's log: " + legacy.messages());
    }

    private void runAgainst(Linker linker, InterfaceName host, Engine engine) {
        out.println();
        out.println("== host provides " + host + " (compatibility track " + host.compatibilityTrack().orElseThrow()
                + ")");
        for (String file : GreeterGuests.FILES) {
            GuestModule guest = GreeterGuests.load(file);
            try {
                GuestInstance instance = linker.instantiate(guest, engine);
                out.println("  " + file + ": linked");
                for (ImportBinding binding : instance.linkPlan().bindings()) {
                    out.println("      " + binding.describe());
                }
                out.println("      run(\"Wörld\") = \"" + GreeterGuests.run(instance, "Wörld") + "\"");
                long seed = 0x0123456789ABCDEFL;
                out.printf("      fingerprint(0x%016x) = 0x%016x%n", seed, GreeterGuests.fingerprint(instance, seed));
            } catch (WitLinkException refused) {
                out.println("  " + file + ": REFUSED");
                out.println("      " + refused.getMessage().replace("\n", "\n      "));
            }
        }
    }
}
