package dev.witbind.wasi.host;

import dev.witbind.runtime.Instantiation;
import dev.witbind.wasi.bindings.Tuple2OfOwnDescriptorAndString;
import dev.witbind.wasi.config.WasiConfig;
import dev.witbind.wasi.config.WasiView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The WASI state of one guest instance, shared by its WASI hosts (one object per interface): its configuration,
 * the stdin that every {@code get-stdin} continues, the sinks of stdout and stderr, the origin of its monotonic
 * clock, and the descriptors of its preopens. Made once per instance through {@link Instantiation#shared}.
 */
final class WasiContext {
    private final WasiConfig config;
    private final ByteSource stdin;
    private final ByteSink stdout;
    private final ByteSink stderr;
    private final long monotonicOrigin;
    private final List<Tuple2OfOwnDescriptorAndString> preopens;

    WasiContext(WasiConfig config) {
        this.config = config;
        this.stdin = new StreamSource(config.stdin());
        this.stdout = new StreamSink(config.stdout());
        this.stderr = new StreamSink(config.stderr());
        this.monotonicOrigin = config.monotonicClock().nowNanos();
        this.preopens = config.preopens().stream()
                .map(preopen -> new Tuple2OfOwnDescriptorAndString(FilesystemTypes.Descriptor.preopen(preopen),
                        preopen.guestPath()))
                .toList();
    }

    /**
     * The context of the instance being made: from its data when that is a {@link WasiView} (a {@link WasiConfig}
     * is one), the empty configuration when it was given no data.
     *
     * @throws IllegalStateException when the data is something else, which would silently get no WASI setup
     */
    static WasiContext of(Instantiation instantiation) {
        return instantiation.shared(WasiContext.class, i -> new WasiContext(configOf(i)));
    }

    private static WasiConfig configOf(Instantiation instantiation) {
        Object data = instantiation.data().orElse(null);
        if (data == null) {
            return WasiConfig.builder().build();
        }
        if (data instanceof WasiView view) {
            return view.wasi();
        }
        throw new IllegalStateException(instantiation + " imports WASI and was given data of "
                + data.getClass().getName() + ", which is not a WasiView: pass a WasiConfig, or make the data "
                + "implement dev.witbind.wasi.config.WasiView and return the instance's WasiConfig from wasi()");
    }

    WasiConfig config() {
        return config;
    }

    ByteSource stdin() {
        return stdin;
    }

    ByteSink stdout() {
        return stdout;
    }

    ByteSink stderr() {
        return stderr;
    }

    /** The descriptors of the preopens with their guest paths, in the configured order: one list per instance. */
    List<Tuple2OfOwnDescriptorAndString> preopens() {
        return preopens;
    }

    /** The monotonic clock as the guest sees it: nanoseconds since this instance was made. */
    long monotonicNow() {
        return config.monotonicClock().nowNanos() - monotonicOrigin;
    }

    /** The host clock's reading at the guest's instant {@code guestNanos}. */
    long monotonicHostTime(long guestNanos) {
        return monotonicOrigin + guestNanos;
    }

    /** A configured Java stream that every {@code get-stdin} reads on from where the last left off. */
    private record StreamSource(InputStream in) implements ByteSource {
        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            return in.read(into, offset, length);
        }
    }

    /** A configured Java stream: flushed, never closed (the next {@code get-stdout} writes to it again). */
    private record StreamSink(OutputStream out) implements ByteSink {
        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
