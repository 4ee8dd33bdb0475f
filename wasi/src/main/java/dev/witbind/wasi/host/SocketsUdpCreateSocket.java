package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.IpAddressFamily;
import dev.witbind.wasi.bindings.SocketsNetworkErrorCode;
import dev.witbind.wasi.bindings.UdpCreateSocketHost;
import dev.witbind.wit.values.Result;

/** {@code wasi:sockets/udp-create-socket}: this host has no network, so no UDP socket is ever made. */
@WitInterface("wasi:sockets/udp-create-socket@0.2.12")
public final class SocketsUdpCreateSocket
        implements UdpCreateSocketHost<IoPoll.Pollable, SocketsNetwork.Network, SocketsUdp.UdpSocket> {
    /** {@code not-supported} for either family: the code WASI gives for a host without sockets. */
    @Override
    public Result<SocketsUdp.UdpSocket, SocketsNetworkErrorCode> createUdpSocket(IpAddressFamily addressFamily) {
        return Result.err(SocketsNetworkErrorCode.NOT_SUPPORTED);
    }
}
