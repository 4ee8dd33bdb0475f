package dev.witbind.wasi.host;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.InsecureHost;
import java.nio.ByteBuffer;

/** {@code wasi:random/insecure}: the configured source's insecure bytes. */
@WitInterface("wasi:random/insecure@0.2.12")
public final class RandomInsecure implements InsecureHost {
    private final WasiContext context;

    RandomInsecure(WasiContext context) {
        this.context = context;
    }

    @Override
    public byte[] getInsecureRandomBytes(@Unsigned long len) {
        byte[] bytes = new byte[RandomRandom.checkedLength(len, "get-insecure-random-bytes")];
        context.config().random().insecureBytes(bytes);
        return bytes;
    }

    @Override
    public @Unsigned long getInsecureRandomU64() {
        return ByteBuffer.wrap(getInsecureRandomBytes(Long.BYTES)).getLong();
    }
}
