package dev.witbind.wasi.host;

import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.wasi.bindings.IpAddress;
import dev.witbind.wasi.bindings.IpNameLookupHost;
import dev.witbind.wasi.bindings.SocketsNetworkErrorCode;
import dev.witbind.wit.values.Result;
import java.util.Optional;

/**
 * {@code wasi:sockets/ip-name-lookup}: no name is ever resolved ({@code not-supported}); a guest that has no network
 * should not learn addresses through the host's resolver either.
 */
@WitInterface("wasi:sockets/ip-name-lookup@0.2.12")
public final class SocketsIpNameLookup implements
        IpNameLookupHost<SocketsIpNameLookup.ResolveAddressStream, IoPoll.Pollable, SocketsNetwork.Network> {
    @Override
    public Result<ResolveAddressStream, SocketsNetworkErrorCode> resolveAddresses(
            @Borrow SocketsNetwork.Network network, String name) {
        return Result.err(SocketsNetworkErrorCode.NOT_SUPPORTED);
    }

    /**
     * WIT {@code resource resolve-address-stream}. Never handed out, since {@code resolve-addresses} always fails;
     * its methods exist because the interface requires them: {@code resolve-next-address} answers
     * {@code not-supported}, {@code subscribe} a pollable that is ready at once (nothing is ever pending).
     */
    @WitResource
    public static final class ResolveAddressStream implements IpNameLookupHost.ResolveAddressStream<IoPoll.Pollable> {
        private ResolveAddressStream() {}

        @Override
        public Result<Optional<IpAddress>, SocketsNetworkErrorCode> resolveNextAddress() {
            return Result.err(SocketsNetworkErrorCode.NOT_SUPPORTED);
        }

        @Override
        public IoPoll.Pollable subscribe() {
            return IoPoll.Pollable.alwaysReady();
        }
    }
}
