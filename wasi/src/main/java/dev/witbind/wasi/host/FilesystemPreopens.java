package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.PreopensHost;
import dev.witbind.wasi.bindings.Tuple2OfOwnDescriptorAndString;
import java.util.List;

/**
 * {@code wasi:filesystem/preopens}: the configured preopens, in their order, each with its guest path. Every call
 * hands out the same descriptors, made once per instance ({@link WasiContext#preopens()}); dropping one closes
 * nothing, since a directory descriptor holds nothing open.
 */
@WitInterface("wasi:filesystem/preopens@0.2.12")
public final class FilesystemPreopens implements PreopensHost {
    private final WasiContext context;

    FilesystemPreopens(WasiContext context) {
        this.context = context;
    }

    @Override
    public List<Tuple2OfOwnDescriptorAndString> getDirectories() {
        return context.preopens();
    }
}
