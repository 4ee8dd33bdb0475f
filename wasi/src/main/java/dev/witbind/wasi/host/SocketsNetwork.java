package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.wasi.bindings.NetworkHost;

/**
 * {@code wasi:sockets/network}: the resource only. This host gives guests no network: the network handle exists so
 * that a guest's socket calls can be made (and refused with {@code not-supported}), not to reach anything. The
 * WIT's {@code network-error-code} is {@code @unstable}, so the generated interface, and this host, have none.
 */
@WitInterface("wasi:sockets/network@0.2.12")
public final class SocketsNetwork implements NetworkHost<SocketsNetwork.Network> {
    /** WIT {@code resource network}: a capability without any address behind it. */
    @WitResource
    public static final class Network implements NetworkHost.Network {
        Network() {}
    }
}
