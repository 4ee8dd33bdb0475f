package dev.witbind.wasi.host;

import dev.witbind.runtime.Linker;

/**
 * Registers every WASI host into a linker, each as a factory that makes one host object per guest instance from
 * that instance's {@link WasiContext}. {@code dev.witbind.wasi.Wasi.register} is the public way in.
 */
public final class WasiHosts {
    private WasiHosts() {}

    public static Linker register(Linker linker) {
        // wasi:io
        linker.register(IoError.class, instantiation -> new IoError());
        linker.register(IoPoll.class, instantiation -> new IoPoll());
        linker.register(IoStreams.class, instantiation -> new IoStreams());
        // wasi:cli
        linker.register(CliEnvironment.class, instantiation -> new CliEnvironment(WasiContext.of(instantiation)));
        linker.register(CliExit.class, instantiation -> new CliExit());
        linker.register(CliStdin.class, instantiation -> new CliStdin(WasiContext.of(instantiation)));
        linker.register(CliStdout.class, instantiation -> new CliStdout(WasiContext.of(instantiation)));
        linker.register(CliStderr.class, instantiation -> new CliStderr(WasiContext.of(instantiation)));
        linker.register(CliTerminalInput.class, instantiation -> new CliTerminalInput());
        linker.register(CliTerminalOutput.class, instantiation -> new CliTerminalOutput());
        linker.register(CliTerminalStdin.class, instantiation -> new CliTerminalStdin());
        linker.register(CliTerminalStdout.class, instantiation -> new CliTerminalStdout());
        linker.register(CliTerminalStderr.class, instantiation -> new CliTerminalStderr());
        // wasi:clocks
        linker.register(ClocksMonotonicClock.class,
                instantiation -> new ClocksMonotonicClock(WasiContext.of(instantiation)));
        linker.register(ClocksWallClock.class, instantiation -> new ClocksWallClock(WasiContext.of(instantiation)));
        // wasi:random
        linker.register(RandomRandom.class, instantiation -> new RandomRandom(WasiContext.of(instantiation)));
        linker.register(RandomInsecure.class, instantiation -> new RandomInsecure(WasiContext.of(instantiation)));
        linker.register(RandomInsecureSeed.class,
                instantiation -> new RandomInsecureSeed(WasiContext.of(instantiation)));
        // wasi:filesystem
        linker.register(FilesystemTypes.class, instantiation -> new FilesystemTypes());
        linker.register(FilesystemPreopens.class,
                instantiation -> new FilesystemPreopens(WasiContext.of(instantiation)));
        // wasi:sockets: linked so that guests importing it start, but every socket operation is not-supported
        linker.register(SocketsNetwork.class, instantiation -> new SocketsNetwork());
        linker.register(SocketsInstanceNetwork.class, instantiation -> new SocketsInstanceNetwork());
        linker.register(SocketsIpNameLookup.class, instantiation -> new SocketsIpNameLookup());
        linker.register(SocketsTcp.class, instantiation -> new SocketsTcp());
        linker.register(SocketsTcpCreateSocket.class, instantiation -> new SocketsTcpCreateSocket());
        linker.register(SocketsUdp.class, instantiation -> new SocketsUdp());
        linker.register(SocketsUdpCreateSocket.class, instantiation -> new SocketsUdpCreateSocket());
        return linker;
    }
}
