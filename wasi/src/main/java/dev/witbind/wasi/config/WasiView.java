package dev.witbind.wasi.config;

/**
 * Per-instance data that carries a {@link WasiConfig} beside the user's own. Pass a {@code WasiConfig} itself, or any
 * object implementing this interface, as the data of {@code Linker.instantiate(component, engine, data)}: the WASI
 * hosts take their configuration from {@link #wasi()}, the user's hosts read the rest of the object through
 * {@code Instantiation.data(MyData.class)}.
 *
 * <pre>{@code
 * record Request(String user, WasiConfig wasi) implements WasiView {}
 * linker.instantiate(component, engine, new Request("ada", WasiConfig.builder().inheritStdio().build()));
 * }</pre>
 */
public interface WasiView {
    /** The WASI configuration of this instance. */
    WasiConfig wasi();
}
