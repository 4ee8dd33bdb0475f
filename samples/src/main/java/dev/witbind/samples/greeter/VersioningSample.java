package dev.witbind.samples.greeter;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.GuestModule;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.Versioning;
import dev.witbind.wit.WitException;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * The linker's versioning modes, each on the greeter guest that needs it, with what {@link Linker#explain} says and
 * what running the guest gives: Wasmtime's rule (the default), trap stubs and fallbacks for a guest newer than its
 * host, prerelease tracks, and strict versions. The README's "Versioning your host" shows this output.
 */
public final class VersioningSample {
    private final PrintStream out;
    private final Engine engine;

    private VersioningSample(PrintStream out, Engine engine) {
        this.out = out;
        this.engine = engine;
    }

    /** Runs the versioning part of README command 1 ({@link dev.witbind.samples.Samples}). */
    public static void run(PrintStream out, Engine engine) {
        new VersioningSample(out, engine).runAll();
    }

    private void runAll() {
        out.println();
        out.println("== versioning: how each mode links a guest (Linker.explain)");
        show("Wasmtime's rule (the default): a 0.2.1 guest that calls shout, on the 0.2.0 host",
                () -> new Linker().register(new LegacyGreeterHost()), "greeter-0.2.1.wasm");
        show("trap stubs: the same guest links; calling shout traps",
                () -> new Linker().versioning(Versioning.wasmtime().withTrapStubs(true))
                        .register(new LegacyGreeterHost()),
                "greeter-0.2.1.wasm");
        show("a fallback: the 0.2.1 host serves what the 0.2.0 host lacks",
                () -> new Linker().register(new LegacyGreeterHost()).registerFallback(new GreeterHost()),
                "greeter-0.2.1.wasm");
        show("prerelease tracks: a 0.2.2-rc.1 guest on the 0.2.1 host",
                () -> new Linker().versioning(Versioning.wasmtime().withPrereleaseTracks(true))
                        .register(new GreeterHost()),
                "greeter-0.2.2-rc.1.wasm");
        show("strict versions, warn: a 0.2.9 guest on the 0.2.1 host",
                () -> new Linker().versioning(Versioning.wasmtime().withStrictness(Versioning.Strictness.WARN))
                        .register(new GreeterHost()),
                "greeter-0.2.9.wasm");
        show("strict versions, refuse: a 0.2.0 guest calling 0.2.1's shout and repeat, on the 0.2.1 host",
                () -> new Linker().versioning(Versioning.wasmtime().withStrictness(Versioning.Strictness.REFUSE))
                        .register(new GreeterHost()),
                "greeter-0.2.0-uses-0.2.1.wasm");
    }

    /** Explains how {@code file} links, then instantiates and runs it, or says why that failed. */
    private void show(String title, Supplier<Linker> linkers, String file) {
        GuestModule guest = GreeterGuests.load(file);
        out.println();
        out.println("-- " + title);
        out.println(linkers.get().explain(guest).describe());
        try {
            GuestInstance instance = linkers.get().instantiate(guest, engine);
            out.println("  run(\"Wörld\") = \"" + GreeterGuests.run(instance, "Wörld") + "\"");
        } catch (WitException e) {
            out.println("  " + e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
