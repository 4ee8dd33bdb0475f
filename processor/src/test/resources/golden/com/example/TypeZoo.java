package com.example;

import dev.witbind.annotations.Borrow;
import dev.witbind.annotations.Unsigned;
import dev.witbind.annotations.WitChar;
import dev.witbind.annotations.WitFunction;
import dev.witbind.annotations.WitInterface;
import dev.witbind.annotations.WitResource;
import dev.witbind.annotations.WitTuple;
import dev.witbind.wit.values.Result;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Every WIT type the processor derives from Java, nested: a golden for the generated lifting and lowering code.
 * {@link Shape} joins f32, i32, f64, u64, string and a record of two f32 in the flat slots
 * {@code [i32 discriminant, i64, i32]}; {@link #many} has more than 16 flat parameters.
 */
@WitInterface("example:zoo/types@1.2.3")
public final class TypeZoo {
    public enum Color {
        RED,
        GREEN,
        BLUE
    }

    /** Ten flags: stored in two bytes. */
    public enum Small {
        A, B, C, D, E, F, G, H, I, J
    }

    /** Twenty flags: stored in four bytes. */
    public enum Wide {
        W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11, W12, W13, W14, W15, W16, W17, W18, W19
    }

    public record Point(float x, float y) {}

    public record Sample(@Unsigned byte tiny, short small, @WitChar int letter, double weight, boolean flag,
            Color color, EnumSet<Small> smalls) {}

    public record Nested(Optional<Point> origin, List<Sample> samples, Result<String, Color> status) {}

    /** One field that flattens to one value: returned directly. */
    public record Single(@Unsigned int value) {}

    /** {@code tuple<string, u32>}: component names do not matter. */
    @WitTuple
    public record Pair(String name, @Unsigned int count) {}

    /** {@code tuple<point, option<pair>, list<pair>>}: tuples nest in tuples, options and lists. */
    @WitTuple
    public record Placed(Point at, Optional<Pair> label, List<Pair> tags) {}

    /** {@code tuple<u64>}: one element that flattens to one value, returned directly. */
    @WitTuple
    public record Boxed(@Unsigned long value) {}

    /** A record that holds a resource handle. */
    public record Holder(Counter counter, @Unsigned short tag) {}

    public sealed interface Shape {
        record Empty() implements Shape {}

        record Ratio(float value) implements Shape {}

        record Count(int value) implements Shape {}

        record Precise(double value) implements Shape {}

        record Big(@Unsigned long value) implements Shape {}

        record Label(String value) implements Shape {}

        record At(Point value) implements Shape {}
    }

    /** A variant without payloads: one flat value. */
    public sealed interface Mode permits Mode.Off, Mode.On {
        record Off() implements Mode {}

        record On() implements Mode {}
    }

    @WitResource
    public static final class Counter {
        private int count;

        public Counter(@Unsigned int start) {
            count = start;
        }

        public @Unsigned int increment() {
            return ++count;
        }

        public static Counter zero() {
            return new Counter(0);
        }
    }

    public Optional<Optional<String>> maybeMaybe(Optional<Optional<String>> value) {
        return value;
    }

    public Result<Optional<List<Point>>, Shape> nested(Result<Void, String> a, Result<Integer, Void> b,
            Result<Void, Void> c) {
        return Result.ok(Optional.empty());
    }

    public Shape echoShape(Shape shape) {
        return shape;
    }

    public Mode toggle(Mode mode) {
        return mode instanceof Mode.On ? new Mode.Off() : new Mode.On();
    }

    public Result<Void, Void> check(boolean ok) {
        return ok ? Result.ok(null) : Result.err(null);
    }

    public Color mix(Color a, Color b) {
        return a;
    }

    public EnumSet<Wide> wide(EnumSet<Wide> set, EnumSet<Small> small) {
        return set;
    }

    public Single single(Single value) {
        return value;
    }

    public List<List<@Unsigned Integer>> matrix(int[] ints, @Unsigned long[] longs, float[] floats, double[] doubles,
            boolean[] flags, short[] shorts, @WitChar int[] chars) {
        return List.of();
    }

    public Nested many(Sample first, Sample second, Point point, Shape shape, List<String> names,
            Optional<Color> color) {
        return new Nested(Optional.of(point), List.of(first, second), Result.ok("ok"));
    }

    public List<Result<Color, String>> statuses(List<Shape> shapes, List<Color> colors) {
        return new ArrayList<>();
    }

    public Result<@Unsigned Long, Color> unsignedOrColor() {
        return Result.ok(1L);
    }

    public List<Optional<Counter>> counters(List<@Borrow Counter> borrowed, Counter owned) {
        return List.of(Optional.of(owned));
    }

    public void hold(Holder holder) {}

    public Optional<List<Pair>> pairs(List<Pair> pairs, Optional<Placed> placed, Result<Pair, Boxed> either) {
        return Optional.of(pairs);
    }

    public Boxed boxed(Boxed value) {
        return value;
    }

    @WitFunction("[method]counter.add")
    public void add(Counter counter, int amount) {
        for (int i = 0; i < amount; i++) {
            counter.increment();
        }
    }
}
