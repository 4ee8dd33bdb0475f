package dev.witbind.wasi.host;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.ExitHost;
import dev.witbind.wit.values.Result;

/** {@code wasi:cli/exit}: ends the guest by throwing {@link WasiExit}, which unwinds it to the caller. */
@WitInterface("wasi:cli/exit@0.2.12")
public final class CliExit implements ExitHost {
    /** Status 0 for {@code ok}, 1 for {@code err}, as Wasmtime and jco exit. */
    @Override
    public void exit(Result<Void, Void> status) {
        throw new WasiExit(status.isOk() ? 0 : 1);
    }

    @Override
    public void exitWithCode(@Unsigned byte statusCode) {
        throw new WasiExit(Byte.toUnsignedInt(statusCode));
    }
}
