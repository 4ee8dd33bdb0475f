package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.IpAddressFamily;
import dev.witbind.wasi.bindings.SocketsNetworkErrorCode;
import dev.witbind.wasi.bindings.TcpCreateSocketHost;
import dev.witbind.wit.values.Result;

/** {@code wasi:sockets/tcp-create-socket}: this host has no network, so no TCP socket is ever made. */
@WitInterface("wasi:sockets/tcp-create-socket@0.2.12")
public final class SocketsTcpCreateSocket
        implements TcpCreateSocketHost<IoPoll.Pollable, SocketsNetwork.Network, SocketsTcp.TcpSocket> {
    /** {@code not-supported} for either family: the code WASI gives for a host without sockets. */
    @Override
    public Result<SocketsTcp.TcpSocket, SocketsNetworkErrorCode> createTcpSocket(IpAddressFamily addressFamily) {
        return Result.err(SocketsNetworkErrorCode.NOT_SUPPORTED);
    }
}
