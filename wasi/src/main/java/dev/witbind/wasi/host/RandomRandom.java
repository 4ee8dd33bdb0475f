package dev.witbind.wasi.host;

import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.RandomHost;
import java.nio.ByteBuffer;

/** {@code wasi:random/random}: the configured source's secure bytes. */
@WitInterface("wasi:random/random@0.2.12")
public final class RandomRandom implements RandomHost {
    /** The most bytes one call returns; WASI lets the host trap on larger asks, so this one is refused. */
    static final int MAX_BYTES = 1 << 20;

    private final WasiContext context;

    RandomRandom(WasiContext context) {
        this.context = context;
    }

    @Override
    public byte[] getRandomBytes(@Unsigned long len) {
        byte[] bytes = new byte[checkedLength(len, "get-random-bytes")];
        context.config().random().secureBytes(bytes);
        return bytes;
    }

    @Override
    public @Unsigned long getRandomU64() {
        return ByteBuffer.wrap(getRandomBytes(Long.BYTES)).getLong();
    }

    static int checkedLength(long len, String function) {
        if (len < 0 || len > MAX_BYTES) {
            throw new IllegalArgumentException(function + " was asked for " + Long.toUnsignedString(len)
                    + " bytes; this host gives at most " + MAX_BYTES + " per call");
        }
        return (int) len;
    }
}
