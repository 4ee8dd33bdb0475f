package dev.witbind.samples.handles;

import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A test host for {@code test:handles/two@1.0.0} ({@code samples/src/main/wit/handles/two.wit}): two resources, so that
 * a guest can pass a handle of the wrong one, and a variant whose payloads meet in joined flat positions, so that
 * {@code describe} shows exactly which bits arrived after the Canonical ABI's {@code join} bit-casts. The guest is
 * {@code src/test/guests/handles/}.
 */
@WitInterface("test:handles/two@1.0.0")
public final class TwoResourcesHost {
    private final List<String> closed = Collections.synchronizedList(new ArrayList<>());

    /** WIT {@code record pair}: an f32 and an f64, which flatten to two positions of different types. */
    public record Pair(float x, double y) {}

    /**
     * WIT {@code variant reading}. Flat, its payloads join to {@code i64, f64}: {@code small}'s f32, {@code big}'s
     * f64 and {@code tiny}'s u8 are bit-cast into the {@code i64}; {@code both} uses the {@code i64} and the
     * {@code f64}.
     */
    public sealed interface Reading {
        record Nothing() implements Reading {}

        record Small(float value) implements Reading {}

        record Big(double value) implements Reading {}

        record Wide(long value) implements Reading {}

        record Tiny(@Unsigned byte value) implements Reading {}

        record Both(Pair value) implements Reading {}
    }

    /** Exactly what arrived: the case, and each payload's raw bits and value. */
    public String describe(Reading reading) {
        if (reading instanceof Reading.Small small) {
            return "small(" + f32(small.value()) + ")";
        }
        if (reading instanceof Reading.Big big) {
            return "big(" + f64(big.value()) + ")";
        }
        if (reading instanceof Reading.Wide wide) {
            return "wide(s64 " + wide.value() + ")";
        }
        if (reading instanceof Reading.Tiny tiny) {
            return "tiny(u8 " + Byte.toUnsignedInt(tiny.value()) + ")";
        }
        if (reading instanceof Reading.Both both) {
            return "both(x=" + f32(both.value().x()) + ", y=" + f64(both.value().y()) + ")";
        }
        return "nothing";
    }

    /** The apple's weight plus the pear's seeds: a function that borrows one of each. */
    public @Unsigned int weighWith(@Borrow Apple apple, @Borrow Pear pear) {
        return apple.weight + pear.seeds;
    }

    /** Takes the apple from the guest and closes it; returns its weight. */
    public @Unsigned int eat(Apple apple) {
        apple.close();
        return apple.weight;
    }

    /** What was closed so far, in order, e.g. {@code apple 7} (package-private: public methods are WIT functions). */
    List<String> closed() {
        synchronized (closed) {
            return List.copyOf(closed);
        }
    }

    private static String f32(float value) {
        return String.format("f32 0x%08X %s", Float.floatToRawIntBits(value), value);
    }

    private static String f64(double value) {
        return String.format("f64 0x%016X %s", Double.doubleToRawLongBits(value), value);
    }

    /** WIT {@code resource apple}. */
    @WitResource
    public final class Apple implements AutoCloseable {
        private final int weight;
        private boolean isClosed;

        public Apple(@Unsigned int weight) {
            this.weight = weight;
        }

        public @Unsigned int weight() {
            return weight;
        }

        @Override
        public void close() {
            if (!isClosed) {
                isClosed = true;
                closed.add("apple " + weight);
            }
        }
    }

    /** WIT {@code resource pear}. */
    @WitResource
    public final class Pear implements AutoCloseable {
        private final int seeds;
        private boolean isClosed;

        public Pear(@Unsigned int seeds) {
            this.seeds = seeds;
        }

        public @Unsigned int seeds() {
            return seeds;
        }

        @Override
        public void close() {
            if (!isClosed) {
                isClosed = true;
                closed.add("pear " + seeds);
            }
        }
    }
}
