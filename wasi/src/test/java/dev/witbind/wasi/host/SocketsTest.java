package dev.witbind.wasi.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.witbind.runtime.Linker;
import dev.witbind.wasi.Wasi;
import dev.witbind.wasi.bindings.IpAddressFamily;
import dev.witbind.wasi.bindings.SocketsNetworkErrorCode;
import dev.witbind.wit.values.Result;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocketsTest {
    @Test
    void instanceNetworkGivesANetwork() {
        SocketsInstanceNetwork host = new SocketsInstanceNetwork();
        SocketsNetwork.Network first = host.instanceNetwork();
        assertNotNull(first);
        // each call is a new own<network> for the guest, so dropping one handle cannot spoil another
        assertNotSame(first, host.instanceNetwork());
    }

    @Test
    void socketsCannotBeCreatedForEitherFamily() {
        for (IpAddressFamily family : IpAddressFamily.values()) {
            assertEquals(Result.err(SocketsNetworkErrorCode.NOT_SUPPORTED),
                    new SocketsTcpCreateSocket().createTcpSocket(family), "tcp " + family);
            assertEquals(Result.err(SocketsNetworkErrorCode.NOT_SUPPORTED),
                    new SocketsUdpCreateSocket().createUdpSocket(family), "udp " + family);
        }
    }

    @Test
    void namesAreNotResolved() {
        SocketsNetwork.Network network = new SocketsInstanceNetwork().instanceNetwork();
        for (String name : List.of("localhost", "127.0.0.1", "example.com")) {
            assertEquals(Result.err(SocketsNetworkErrorCode.NOT_SUPPORTED),
                    new SocketsIpNameLookup().resolveAddresses(network, name), name);
        }
    }

    /**
     * No committed fixture imports {@code wasi:sockets} (none of the guests under {@code src/test/guests} uses a
     * socket), so there is no component to {@code check}; instead this looks at what {@link Wasi#register} defined:
     * each sockets interface at 0.2.12 with its functions, which is what a guest's imports resolve against.
     */
    @Test
    void registerDefinesEverySocketsInterface() {
        Linker linker = Wasi.register(new Linker());
        List<String> interfaces = List.of("network", "instance-network", "ip-name-lookup", "tcp",
                "tcp-create-socket", "udp", "udp-create-socket");
        List<String> defined = linker.root().names();
        for (String name : interfaces) {
            // looked up in names() first: Linker.instance creates an instance that is not there yet
            assertTrue(defined.contains("wasi:sockets/" + name + "@0.2.12"), name + " in " + defined);
        }
        // each interface holds its WIT functions and a [resource-drop] per resource, and nothing else
        assertEquals(List.of("[resource-drop]network"), linker.instance("wasi:sockets/network@0.2.12").names());
        assertEquals(List.of("instance-network"), linker.instance("wasi:sockets/instance-network@0.2.12").names());
        assertEquals(List.of("create-tcp-socket"), linker.instance("wasi:sockets/tcp-create-socket@0.2.12").names());
        assertEquals(List.of("create-udp-socket"), linker.instance("wasi:sockets/udp-create-socket@0.2.12").names());
        assertEquals(List.of("[method]resolve-address-stream.resolve-next-address",
                "[method]resolve-address-stream.subscribe", "[resource-drop]resolve-address-stream",
                "resolve-addresses"), linker.instance("wasi:sockets/ip-name-lookup@0.2.12").names());
        List<String> tcp = linker.instance("wasi:sockets/tcp@0.2.12").names();
        assertEquals(28 + 1, tcp.size(), "the 28 methods of tcp-socket and its drop: " + tcp);
        assertTrue(tcp.containsAll(List.of("[method]tcp-socket.start-connect", "[method]tcp-socket.accept",
                "[method]tcp-socket.address-family", "[method]tcp-socket.subscribe", "[method]tcp-socket.shutdown",
                "[resource-drop]tcp-socket")), tcp.toString());
        List<String> udp = linker.instance("wasi:sockets/udp@0.2.12").names();
        assertEquals(13 + 2 + 3 + 3, udp.size(), "the methods of the three resources and their drops: " + udp);
        assertTrue(udp.containsAll(List.of("[method]udp-socket.stream", "[method]incoming-datagram-stream.receive",
                "[method]outgoing-datagram-stream.send", "[method]outgoing-datagram-stream.subscribe",
                "[resource-drop]udp-socket")), udp.toString());
    }

    /**
     * The socket and stream resources are never handed out, so only reflection can reach their methods: every one
     * that returns a result answers not-supported, and the others answer as a socket that does nothing.
     */
    @Test
    void everyMethodOfTheNeverMadeResourcesAnswers() throws Exception {
        SocketsTcp.TcpSocket tcp = make(SocketsTcp.TcpSocket.class, IpAddressFamily.IPV6);
        assertEquals(25, assertResultsAreNotSupported(tcp), "tcp-socket's 28 methods but 3");
        assertFalse(tcp.isListening());
        assertEquals(IpAddressFamily.IPV6, tcp.addressFamily());
        assertTrue(tcp.subscribe().ready());

        SocketsUdp.UdpSocket udp = make(SocketsUdp.UdpSocket.class, IpAddressFamily.IPV4);
        assertEquals(11, assertResultsAreNotSupported(udp), "udp-socket's 13 methods but 2");
        assertEquals(IpAddressFamily.IPV4, udp.addressFamily());
        assertTrue(udp.subscribe().ready());

        SocketsUdp.IncomingDatagramStream incoming = make(SocketsUdp.IncomingDatagramStream.class);
        assertEquals(1, assertResultsAreNotSupported(incoming));
        assertTrue(incoming.subscribe().ready());
        SocketsUdp.OutgoingDatagramStream outgoing = make(SocketsUdp.OutgoingDatagramStream.class);
        assertEquals(2, assertResultsAreNotSupported(outgoing));
        assertTrue(outgoing.subscribe().ready());

        SocketsIpNameLookup.ResolveAddressStream addresses = make(SocketsIpNameLookup.ResolveAddressStream.class);
        assertEquals(1, assertResultsAreNotSupported(addresses));
        assertTrue(addresses.subscribe().ready());
    }

    @Test
    void theNeverMadeResourcesHaveNoConstructorButAPrivateOne() {
        for (Class<?> resource : List.of(SocketsTcp.TcpSocket.class, SocketsUdp.UdpSocket.class,
                SocketsUdp.IncomingDatagramStream.class, SocketsUdp.OutgoingDatagramStream.class,
                SocketsIpNameLookup.ResolveAddressStream.class)) {
            for (Constructor<?> constructor : resource.getDeclaredConstructors()) {
                assertTrue(Modifier.isPrivate(constructor.getModifiers()), constructor.toString());
            }
        }
    }

    private static <T> T make(Class<T> resource, Object... arguments) throws ReflectiveOperationException {
        Constructor<?> constructor = resource.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        return resource.cast(constructor.newInstance(arguments));
    }

    /** Calls each public method of {@code resource} that returns a result; returns how many there were. */
    private static int assertResultsAreNotSupported(Object resource) throws ReflectiveOperationException {
        int called = 0;
        for (Method method : resource.getClass().getDeclaredMethods()) {
            if (method.isBridge() || !Modifier.isPublic(method.getModifiers())
                    || method.getReturnType() != Result.class) {
                continue;
            }
            // the arguments do not matter to a method that refuses them all: zero, false or null
            Object[] arguments = new Object[method.getParameterCount()];
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = types[i] == boolean.class ? Boolean.FALSE
                        : types[i].isPrimitive() ? zero(types[i]) : null;
            }
            assertEquals(Result.err(SocketsNetworkErrorCode.NOT_SUPPORTED), method.invoke(resource, arguments),
                    method.getName());
            called++;
        }
        return called;
    }

    private static Object zero(Class<?> primitive) {
        return primitive == byte.class ? (Object) (byte) 0 : primitive == int.class ? (Object) 0 : (Object) 0L;
    }
}
