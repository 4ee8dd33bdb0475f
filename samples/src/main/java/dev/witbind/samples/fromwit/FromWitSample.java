package dev.witbind.samples.fromwit;

import dev.witbind.runtime.Engine;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.Linker;
import dev.witbind.samples.greeter.GreeterGuests;
import java.io.PrintStream;

/**
 * The from-WIT part of README command 1: {@link WitGreeterHost} implements the {@link Host} interface that
 * {@code @WitBindgen} generated from {@code greeter.wit}, and the generated {@link GreeterGuest} proxy calls the
 * guest's exports with Java types.
 */
public final class FromWitSample {
    private FromWitSample() {}

    public static void run(PrintStream out, Engine engine) {
        WitGreeterHost host = new WitGreeterHost();
        GuestInstance instance = new Linker().register(host)
                .instantiate(GreeterGuests.load("greeter-0.2.1.wasm"), engine);
        GreeterGuest guest = new GreeterGuest(instance);
        out.println();
        out.println("== written from WIT: host " + WitGreeterHost.class.getSimpleName() + " implements the generated "
                + Host.class.getSimpleName() + "; greeter-0.2.1.wasm called through the generated "
                + GreeterGuest.class.getSimpleName());
        out.println("      guest.run(\"Wörld\") = \"" + guest.run("Wörld") + "\"");
        long seed = 0x0123456789ABCDEFL;
        out.printf("      guest.fingerprint(0x%016x) = 0x%016x%n", seed, guest.fingerprint(seed));
        out.println("  the host's log: " + host.messages());
    }
}
