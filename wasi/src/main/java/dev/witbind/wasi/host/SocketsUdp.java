package dev.witbind.wasi.host;

import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.wasi.bindings.IncomingDatagram;
import dev.witbind.wasi.bindings.IpAddressFamily;
import dev.witbind.wasi.bindings.IpSocketAddress;
import dev.witbind.wasi.bindings.OutgoingDatagram;
import dev.witbind.wasi.bindings.SocketsNetworkErrorCode;
import dev.witbind.wasi.bindings.Tuple2OfOwnIncomingDatagramStreamAndOwnOutgoingDatagramStream;
import dev.witbind.wasi.bindings.UdpHost;
import dev.witbind.wit.values.Result;
import java.util.List;
import java.util.Optional;

/**
 * {@code wasi:sockets/udp}: the resources only. None is ever made: {@code create-udp-socket} always fails, since
 * this host has no network, and the datagram streams come only from a socket's {@code stream}. The interface still
 * needs every method, and each answers as a socket that can do nothing would: every method with a {@code result}
 * is {@code not-supported}; {@code address-family} is the family the socket was asked for, and each
 * {@code subscribe} a pollable that is ready at once (nothing is ever pending).
 */
@WitInterface("wasi:sockets/udp@0.2.12")
public final class SocketsUdp implements UdpHost<SocketsUdp.UdpSocket, SocketsUdp.IncomingDatagramStream,
        SocketsUdp.OutgoingDatagramStream, IoPoll.Pollable, SocketsNetwork.Network> {
    private static final SocketsNetworkErrorCode NOT_SUPPORTED = SocketsNetworkErrorCode.NOT_SUPPORTED;

    /** WIT {@code resource udp-socket}; never made (see the class comment). */
    @WitResource
    public static final class UdpSocket implements UdpHost.UdpSocket<IoPoll.Pollable, SocketsNetwork.Network> {
        private final IpAddressFamily family;

        private UdpSocket(IpAddressFamily family) {
            this.family = family;
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> startBind(@Borrow SocketsNetwork.Network network,
                IpSocketAddress localAddress) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> finishBind() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Tuple2OfOwnIncomingDatagramStreamAndOwnOutgoingDatagramStream, SocketsNetworkErrorCode> stream(
                Optional<IpSocketAddress> remoteAddress) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<IpSocketAddress, SocketsNetworkErrorCode> localAddress() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<IpSocketAddress, SocketsNetworkErrorCode> remoteAddress() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public IpAddressFamily addressFamily() {
            return family;
        }

        @Override
        public Result<@Unsigned Byte, SocketsNetworkErrorCode> unicastHopLimit() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> setUnicastHopLimit(@Unsigned byte value) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<@Unsigned Long, SocketsNetworkErrorCode> receiveBufferSize() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> setReceiveBufferSize(@Unsigned long value) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<@Unsigned Long, SocketsNetworkErrorCode> sendBufferSize() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> setSendBufferSize(@Unsigned long value) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public IoPoll.Pollable subscribe() {
            return IoPoll.Pollable.alwaysReady();
        }
    }

    /** WIT {@code resource incoming-datagram-stream}; never made (see the class comment). */
    @WitResource
    public static final class IncomingDatagramStream implements UdpHost.IncomingDatagramStream<IoPoll.Pollable> {
        private IncomingDatagramStream() {}

        @Override
        public Result<List<IncomingDatagram>, SocketsNetworkErrorCode> receive(@Unsigned long maxResults) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public IoPoll.Pollable subscribe() {
            return IoPoll.Pollable.alwaysReady();
        }
    }

    /** WIT {@code resource outgoing-datagram-stream}; never made (see the class comment). */
    @WitResource
    public static final class OutgoingDatagramStream implements UdpHost.OutgoingDatagramStream<IoPoll.Pollable> {
        private OutgoingDatagramStream() {}

        @Override
        public Result<@Unsigned Long, SocketsNetworkErrorCode> checkSend() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<@Unsigned Long, SocketsNetworkErrorCode> send(List<OutgoingDatagram> datagrams) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public IoPoll.Pollable subscribe() {
            return IoPoll.Pollable.alwaysReady();
        }
    }
}
