package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.InstanceNetworkHost;

/**
 * {@code wasi:sockets/instance-network}: hands out the (empty) network, so that the guest's libc can start up and
 * its socket calls fail with {@code not-supported} rather than the guest failing to get a network at all.
 */
@WitInterface("wasi:sockets/instance-network@0.2.12")
public final class SocketsInstanceNetwork implements InstanceNetworkHost<SocketsNetwork.Network> {
    /** A new handle on each call: the guest owns each one it is given and drops it on its own. */
    @Override
    public SocketsNetwork.Network instanceNetwork() {
        return new SocketsNetwork.Network();
    }
}
