package dev.witbind.runtime.component;

import dev.witbind.runtime.HostCall;
import dev.witbind.runtime.Linker;
import dev.witbind.wit.types.EnumType;
import dev.witbind.wit.types.PrimitiveType;
import dev.witbind.wit.types.WitFunctionType;
import dev.witbind.wit.types.WitParam;
import java.util.ArrayList;
import java.util.List;

/**
 * The inline interface {@code log} that the counters component imports ({@code emit: func(level: level, message:
 * string)}), as a host that records each line as {@code "<level>: <message>"}: for the tests of counters and of
 * compositions built on it.
 */
final class CountersLog {
    static final EnumType LEVEL = new EnumType("level", List.of("info", "warn"));

    private final List<String> lines = new ArrayList<>();

    /** Defines {@code log#emit} in {@code linker}, recording into this log. */
    Linker defineIn(Linker linker) {
        linker.instance("log").func("emit", WitFunctionType.of(List.of(new WitParam("level", LEVEL),
                new WitParam("message", PrimitiveType.STRING))), (cx, args) -> {
                    lines.add(LEVEL.cases().get((int) args[0]) + ": " + cx.liftString((int) args[1], (int) args[2]));
                    return HostCall.NO_RESULTS;
                });
        return linker;
    }

    /** What the guest logged, in order. */
    List<String> lines() {
        return lines;
    }
}
