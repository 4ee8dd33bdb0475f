package dev.witbind.samples.greeter;

import dev.witbind.runtime.GuestFunction;
import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.GuestModule;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.List;

/** The committed greeter guests and the WIT types of what they export. */
public final class GreeterGuests {
    /** Built from {@code src/main/guests/greeter/greeter.c} by its {@code build.sh}, one per interface version. */
    public static final List<String> FILES = List.of(
            "greeter-0.2.0.wasm",
            "greeter-0.2.1.wasm",
            "greeter-0.2.9.wasm",
            "greeter-0.3.0.wasm",
            "greeter-1.0.0.wasm",
            "greeter-0.2.2-rc.1.wasm");

    /** {@code run: func(name: string) -> string}. */
    public static final WitFunctionType RUN =
            WitFunctionType.of(List.of(new WitParam("name", PrimitiveType.STRING)), PrimitiveType.STRING);

    /** {@code fingerprint: func(seed: u64) -> u64}. */
    public static final WitFunctionType FINGERPRINT =
            WitFunctionType.of(List.of(new WitParam("seed", PrimitiveType.U64)), PrimitiveType.U64);

    private GreeterGuests() {}

    /** Loads a committed guest from the class path. */
    public static GuestModule load(String file) {
        return GuestModule.fromResource(GreeterGuests.class.getClassLoader(), "guests/greeter/" + file);
    }

    /** Calls the guest's {@code run} export. */
    public static String run(GuestInstance guest, String name) {
        return (String) guest.function("run", RUN).call(name);
    }

    /** Calls the guest's {@code fingerprint} export. */
    public static long fingerprint(GuestInstance guest, long seed) {
        GuestFunction fingerprint = guest.function("fingerprint", FINGERPRINT);
        return (Long) fingerprint.call(seed);
    }
}
