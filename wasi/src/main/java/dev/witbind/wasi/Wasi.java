package dev.witbind.wasi;

import dev.witbind.runtime.GuestInstance;
import dev.witbind.runtime.Linker;
import dev.witbind.runtime.errors.WitHostException;
import dev.witbind.wasi.bindings.RunGuest;
import dev.witbind.wasi.host.WasiExit;
import dev.witbind.wasi.host.WasiHosts;
import java.util.OptionalInt;

/**
 * The WASI 0.2 host: {@link #register(Linker)} puts every WASI interface into a linker at version 0.2.12, so that
 * guests built for any WASI 0.2.x link through the {@code @0.2} track; {@link #run(GuestInstance)} runs a command.
 * Each guest instance gets its own WASI state, from the {@link dev.witbind.wasi.config.WasiConfig} given as its data:
 *
 * <pre>{@code
 * Linker linker = Wasi.register(new Linker());
 * GuestInstance guest = linker.instantiate(GuestComponent.read(path), Engine.COMPILER,
 *         WasiConfig.builder().arg("hello").inheritStdio().build());
 * int status = Wasi.run(guest);
 * }</pre>
 */
public final class Wasi {
    private Wasi() {}

    /** Registers every WASI host into {@code linker}, beside the user's own hosts; returns {@code linker}. */
    public static Linker register(Linker linker) {
        return WasiHosts.register(linker);
    }

    /**
     * Runs a command component: calls its {@code wasi:cli/run} export and returns the exit status, as
     * {@code wasmtime run} exits: 0 when {@code run} returns {@code ok}, 1 when it returns {@code err}, and the
     * status the guest gave to {@code wasi:cli/exit} when it exits early.
     *
     * @throws dev.witbind.runtime.errors.WitTrapException when the guest traps
     * @throws WitHostException when a host function fails (for a reason other than the guest's exit)
     * @throws dev.witbind.runtime.errors.WitExportException when the component exports no {@code wasi:cli/run}
     */
    public static int run(GuestInstance command) {
        try {
            return new RunGuest(command).run().isOk() ? 0 : 1;
        } catch (WitHostException failure) {
            return exitStatus(failure).orElseThrow(() -> failure);
        }
    }

    /**
     * The status a guest gave to {@code wasi:cli/exit}, when that is what ended the call that threw {@code failure};
     * empty for any other failure. For calls other than {@link #run}'s (an export of a reactor, say), whose guest
     * may exit as well.
     */
    public static OptionalInt exitStatus(WitHostException failure) {
        return failure.getCause() instanceof WasiExit exit ? OptionalInt.of(exit.status()) : OptionalInt.empty();
    }
}
