package dev.witbind.wasi.host;

import dev.witbind.annotations.WitInterface;
import dev.witbind.wasi.bindings.InsecureSeedHost;
import dev.witbind.wasi.bindings.Tuple2OfU64AndU64;

/** {@code wasi:random/insecure-seed}: one seed per instance, the same on every call, as WASI asks. */
@WitInterface("wasi:random/insecure-seed@0.2.12")
public final class RandomInsecureSeed implements InsecureSeedHost {
    private final Tuple2OfU64AndU64 seed;

    RandomInsecureSeed(WasiContext context) {
        long[] halves = context.config().random().insecureSeed();
        this.seed = new Tuple2OfU64AndU64(halves[0], halves[1]);
    }

    @Override
    public Tuple2OfU64AndU64 insecureSeed() {
        return seed;
    }
}
