package dev.witbind.wasi.host;

import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.wasi.bindings.IpAddressFamily;
import dev.witbind.wasi.bindings.IpSocketAddress;
import dev.witbind.wasi.bindings.ShutdownType;
import dev.witbind.wasi.bindings.SocketsNetworkErrorCode;
import dev.witbind.wasi.bindings.TcpHost;
import dev.witbind.wasi.bindings.Tuple2OfOwnInputStreamAndOwnOutputStream;
import dev.witbind.wasi.bindings.Tuple3OfOwnTcpSocketAndOwnInputStreamAndOwnOutputStream;
import dev.witbind.wit.values.Result;

/**
 * {@code wasi:sockets/tcp}: the resource only, and it is never made: {@code create-tcp-socket} always fails, since
 * this host has no network (and {@code accept} would need a listening socket). The interface still needs every
 * method, and each answers as a socket that can do nothing would: every method with a {@code result} is
 * {@code not-supported}; {@code is-listening} is false, {@code address-family} the family the socket was asked
 * for, and {@code subscribe} a pollable that is ready at once (nothing is ever pending).
 */
@WitInterface("wasi:sockets/tcp@0.2.12")
public final class SocketsTcp implements TcpHost<SocketsTcp.TcpSocket, IoPoll.Pollable, SocketsNetwork.Network> {
    private static final SocketsNetworkErrorCode NOT_SUPPORTED = SocketsNetworkErrorCode.NOT_SUPPORTED;

    /** WIT {@code resource tcp-socket}; never made (see the class comment). */
    @WitResource
    public static final class TcpSocket implements TcpHost.TcpSocket<IoPoll.Pollable, SocketsNetwork.Network> {
        private final IpAddressFamily family;

        private TcpSocket(IpAddressFamily family) {
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
        public Result<Void, SocketsNetworkErrorCode> startConnect(@Borrow SocketsNetwork.Network network,
                IpSocketAddress remoteAddress) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Tuple2OfOwnInputStreamAndOwnOutputStream, SocketsNetworkErrorCode> finishConnect() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> startListen() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> finishListen() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Tuple3OfOwnTcpSocketAndOwnInputStreamAndOwnOutputStream, SocketsNetworkErrorCode> accept() {
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
        public boolean isListening() {
            return false;
        }

        @Override
        public IpAddressFamily addressFamily() {
            return family;
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> setListenBacklogSize(@Unsigned long value) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Boolean, SocketsNetworkErrorCode> keepAliveEnabled() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> setKeepAliveEnabled(boolean value) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<@Unsigned Long, SocketsNetworkErrorCode> keepAliveIdleTime() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> setKeepAliveIdleTime(@Unsigned long value) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<@Unsigned Long, SocketsNetworkErrorCode> keepAliveInterval() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> setKeepAliveInterval(@Unsigned long value) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<@Unsigned Integer, SocketsNetworkErrorCode> keepAliveCount() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> setKeepAliveCount(@Unsigned int value) {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<@Unsigned Byte, SocketsNetworkErrorCode> hopLimit() {
            return Result.err(NOT_SUPPORTED);
        }

        @Override
        public Result<Void, SocketsNetworkErrorCode> setHopLimit(@Unsigned byte value) {
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

        @Override
        public Result<Void, SocketsNetworkErrorCode> shutdown(ShutdownType shutdownType) {
            return Result.err(NOT_SUPPORTED);
        }
    }
}
