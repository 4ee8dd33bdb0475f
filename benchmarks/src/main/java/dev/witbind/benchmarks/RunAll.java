package dev.witbind.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of this module with the settings their annotations declare and writes BENCHMARKS.md: the
 * machine, the JVM, the date, the commands, and one table per scenario with JMH's scores, JMH's errors (99.9%
 * confidence half-intervals) and the ratios, all taken from this one run. benchmarks/run.sh calls it.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.witbind.benchmarks.RunAll OUTPUT.md [JCO_RESULTS] [INCLUDE_REGEX]
 * </pre>
 *
 * With {@code -Dwitbind.benchmarks.quick=true} (what {@code benchmarks/run.sh --quick} passes) every benchmark runs one
 * short fork instead of its declared settings, and the report says it is such a run.
 */
public final class RunAll {
    private static final String PACKAGE = "dev.witbind.benchmarks.";

    private final Map<String, Score> scores = new TreeMap<>();
    private final Map<String, String> settings = new TreeMap<>();
    private final Map<String, Score> jco = new LinkedHashMap<>();
    private final Map<String, String> jcoInfo = new LinkedHashMap<>();

    /** A quick run (system property {@value #QUICK}): checks that everything runs; its numbers compare nothing. */
    static final String QUICK = "witbind.benchmarks.quick";

    private final boolean quick = Boolean.getBoolean(QUICK);

    /**
     * The benchmarks of the scalar call's goal, a ratio of two 2 ns figures, which run in {@value #ROUNDS} rounds of
     * one fork each ({@link Alternation}) instead of JMH's order.
     */
    static final List<Class<?>> ALTERNATED = List.of(ScalarCallBenchmark.class, ScalarCallIsolatedBenchmark.class);

    static final int ROUNDS = 6;

    private RunAll() {}

    public static void main(String[] args) throws IOException, RunnerException {
        if (args.length < 1 || args.length > 3) {
            throw new IllegalArgumentException("usage: RunAll OUTPUT.md [JCO_RESULTS] [INCLUDE_REGEX]");
        }
        RunAll run = new RunAll();
        if (args.length > 1 && !args[1].isEmpty() && Files.exists(Path.of(args[1]))) {
            run.readJco(Path.of(args[1]));
        }
        String include = args.length > 2 ? args[2] : "dev\\.witbind\\.benchmarks\\..*Benchmark\\..*";
        UnaryOperator<ChainedOptionsBuilder> settings = options -> run.quick
                // benchmarks/run.sh --quick: one fork, 2 warm-up and 3 measured iterations of 300 ms each
                ? options.forks(1).warmupIterations(2).measurementIterations(3)
                        .warmupTime(TimeValue.milliseconds(300)).measurementTime(TimeValue.milliseconds(300))
                : options;
        ChainedOptionsBuilder options = new OptionsBuilder().include(include).shouldFailOnError(true);
        for (Class<?> alternated : ALTERNATED) {
            options.exclude("^" + Pattern.quote(alternated.getName() + ".") + ".*");
        }
        try {
            run.collect(new Runner(settings.apply(options).build()).run());
        } catch (NoBenchmarksException e) {
            // the include pattern names only alternated benchmarks
        }
        run.collect(Alternation.run(ALTERNATED, run.quick ? 1 : ROUNDS, include, settings));
        String report = run.report();
        Files.writeString(Path.of(args[0]), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    /** A score with JMH's error, in the benchmark's unit. */
    record Score(double value, double error, String unit) {
        Score scaled(double factor) {
            return new Score(value * factor, error * factor, unit);
        }

        /** {@code this / other}, with the relative errors added in quadrature. */
        Score over(Score other) {
            double ratio = value / other.value;
            double relative = Math.hypot(error / value, other.error / other.value);
            return new Score(ratio, ratio * relative, "x");
        }
    }

    private void collect(Collection<RunResult> results) {
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String name = params.getBenchmark().substring(PACKAGE.length());
            StringBuilder key = new StringBuilder(name);
            for (String param : new TreeMap<>(paramMap(params)).keySet()) {
                key.append(' ').append(param).append('=').append(params.getParam(param));
            }
            Result<?> primary = result.getPrimaryResult();
            double error = Double.isNaN(primary.getScoreError()) ? 0 : primary.getScoreError();
            scores.put(key.toString(), new Score(primary.getScore(), error, primary.getScoreUnit()));
            String className = name.substring(0, name.indexOf('.'));
            boolean alternated = ALTERNATED.stream().anyMatch(type -> type.getSimpleName().equals(className));
            settings.put(className, String.format(Locale.ROOT, "%s; %d fork(s)%s; warm-up %d x %s; measurement %d x %s",
                    params.getMode().longLabel(), result.getBenchmarkResults().size(),
                    alternated ? ", one per round, in turns with the class's other benchmarks" : "",
                    params.getWarmup().getCount(),
                    params.getWarmup().getTime(), params.getMeasurement().getCount(),
                    params.getMeasurement().getTime()));
        }
    }

    private static Map<String, String> paramMap(BenchmarkParams params) {
        Map<String, String> map = new TreeMap<>();
        for (String key : params.getParamsKeys()) {
            map.put(key, params.getParam(key));
        }
        return map;
    }

    /** Lines {@code name value error unit} for scores and {@code # key: value} for facts, as run-jco.mjs writes. */
    private void readJco(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("# ")) {
                int colon = line.indexOf(':');
                jcoInfo.put(line.substring(2, colon).trim(), line.substring(colon + 1).trim());
            } else if (!line.isBlank()) {
                String[] parts = line.trim().split("\\s+");
                jco.put(parts[0], new Score(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), parts[3]));
            }
        }
    }

    private Optional<Score> score(String benchmark, String... params) {
        StringBuilder key = new StringBuilder(benchmark);
        for (String param : params) {
            key.append(' ').append(param);
        }
        return Optional.ofNullable(scores.get(key.toString()));
    }

    // ---- the report -------------------------------------------------------------------------------------------

    private String report() {
        StringBuilder md = new StringBuilder();
        md.append("# witbind benchmarks\n\n")
                .append("Written by `benchmarks/run.sh` (JMH ").append(jmhVersion()).append("); do not edit by hand, ")
                .append("run it again. Every ratio compares two scores of this one run, on this one machine.\n\n");
        if (quick) {
            md.append("**A quick run** (`benchmarks/run.sh --quick`: one fork, 2 + 3 iterations of 300 ms): it shows ")
                    .append("that every benchmark runs and gives numbers of the right order, nothing more; compare ")
                    .append("only the numbers of a full run on a quiet machine.\n\n");
        }
        machine(md);
        summary(md);
        scalar(md);
        strings(md);
        bytes(md);
        startup(md);
        javac(md);
        jco(md);
        components(md);
        setup(md);
        return md.toString();
    }

    private static String jmhVersion() {
        Package jmh = Runner.class.getPackage();
        return jmh.getImplementationVersion() != null ? jmh.getImplementationVersion() : "1.37";
    }

    private void machine(StringBuilder md) {
        md.append("## Machine and run\n\n")
                .append("| | |\n|---|---|\n")
                .append("| date | ").append(ZonedDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))).append(" |\n")
                .append("| CPU | ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores available to the JVM |\n")
                .append("| memory | ").append(memory()).append(" |\n")
                .append("| OS | ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append(' ').append(System.getProperty("os.arch"))
                .append(" |\n")
                .append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vendor"))
                .append("), forks run with `-Xms1g -Xmx1g` |\n")
                .append("| engine | Chicory 1.7.5 |\n");
        if (!jcoInfo.isEmpty()) {
            md.append("| Node, jco | ").append(jcoInfo.getOrDefault("node", "?")).append(", @bytecodealliance/jco ")
                    .append(jcoInfo.getOrDefault("jco", "?")).append(" |\n");
        }
        md.append("| command | `benchmarks/run.sh` (builds with `mvn -q -pl benchmarks -am package -DskipTests`, ")
                .append("runs the jco/Node part, then `java -cp benchmarks/target/benchmarks.jar ")
                .append("dev.witbind.benchmarks.RunAll BENCHMARKS.md benchmarks/target/jco/results.txt`) |\n")
                .append("| JVM arguments of the runner | `").append(String.join(" ",
                        ManagementFactory.getRuntimeMXBean().getInputArguments())).append("` |\n\n");
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return "?";
    }

    /** The issues' goals, as ratios to their baselines: calls (issue 5, and issue 10 for components), startup. */
    static final double SCALAR_GOAL = 1.1;
    static final double STRING_GOAL = 1.0;
    static final double INSTANTIATE_GOAL = 1.2;
    static final double READ_GOAL = 2.0;

    /** The size of guests/big.component.wasm, for the text. */
    private static final long BIG_COMPONENT_BYTES = Guests.bytes(ComponentReadBenchmark.GUEST).length;

    private void summary(StringBuilder md) {
        md.append("## Summary\n\n")
                .append("| what | witbind | baseline | ratio | goal |\n|---|---|---|---|---|\n");
        for (String engine : List.of("COMPILER", "INTERPRETER")) {
            String p = "engine=" + engine;
            String name = engine.toLowerCase(Locale.ROOT);
            double goal = engine.equals("COMPILER") ? SCALAR_GOAL : Double.NaN;
            pair(md, "`u32 -> u32` call, " + name, "hand-written Chicory host function",
                    score("ScalarCallBenchmark.generated", p), score("ScalarCallBenchmark.handWritten", p), goal);
            pair(md, "`u32 -> u32` call through a component, " + name, "hand-written Chicory host function",
                    score("ScalarCallBenchmark.component", p), score("ScalarCallBenchmark.handWritten", p), goal);
        }
        pair(md, "`u32 -> u32` call, compiler, guest loop compiled on its own", "hand-written Chicory host function",
                score("ScalarCallIsolatedBenchmark.generated"), score("ScalarCallIsolatedBenchmark.handWritten"),
                SCALAR_GOAL);
        pair(md, "`u32 -> u32` call through a component, compiler, guest loop compiled on its own",
                "hand-written Chicory host function", score("ScalarCallIsolatedBenchmark.component"),
                score("ScalarCallIsolatedBenchmark.handWritten"), SCALAR_GOAL);
        for (String size : List.of("16", "4096")) {
            for (String[] kind : List.of(new String[] {"generated", ""},
                    new String[] {"component", " through a component"})) {
                pair(md, "`string -> string`" + kind[1] + ", " + size + " B ASCII, compiler",
                        "straightforward hand-written",
                        score("StringCallBenchmark." + kind[0], "size=" + size, "text=ascii"),
                        score("StringCallBenchmark.handWritten", "size=" + size, "text=ascii"), STRING_GOAL);
            }
        }
        Optional<Score> floor = score("BytesBenchmark.arraycopy").map(s -> throughput(s, 2.0 * BytesBenchmark.SIZE));
        for (String[] kind : List.of(new String[] {"generated", ""}, new String[] {"component", " through a component"})) {
            Optional<Score> bytes = score("BytesBenchmark." + kind[0]).map(RunAll::bytesPerSecond);
            if (bytes.isPresent() && floor.isPresent()) {
                md.append("| `list<u8>` 64 KiB in and out").append(kind[1]).append(" | ").append(gbps(bytes.get()))
                        .append(" | ").append(gbps(floor.get())).append(" `System.arraycopy` | ")
                        .append(ratio(bytes.get().over(floor.get()))).append(" | |\n");
            }
        }
        for (String engine : List.of("COMPILER", "INTERPRETER")) {
            String p = "engine=" + engine;
            pair(md, "instantiate a pre-instantiated component (`InstancePre`), " + engine.toLowerCase(Locale.ROOT),
                    "its 3 core modules on Chicory, wired by hand", score("ComponentInstantiateBenchmark.instancePre", p),
                    score("ComponentInstantiateBenchmark.coreModules", p), INSTANTIATE_GOAL);
        }
        pair(md, "read and validate a 2 MB component (`GuestComponent.parse`)", "Chicory parsing its core module",
                score("ComponentReadBenchmark.guestComponent"), score("ComponentReadBenchmark.chicoryParse"),
                READ_GOAL);
        for (String call : List.of("u32", "string-16", "string-4096")) {
            Optional<Score> witbind = witbindFor(call);
            Optional<Score> node = Optional.ofNullable(jco.get(call));
            if (witbind.isPresent() && node.isPresent()) {
                md.append("| ").append(describeJco(call)).append(", calls/s | ").append(perSecond(witbind.get()))
                        .append(" | ").append(perSecond(node.get())).append(" jco on Node | ")
                        .append(ratio(node.get().over(witbind.get()))).append(" faster | |\n");
            }
        }
        md.append("\nRatios are witbind / baseline for times (below 1 is faster than the baseline), witbind / floor for "
                + "throughput, and jco time / witbind time for jco; the ± is JMH's error propagated. A goal is met "
                + "when the ratio is at most the goal. The component rows run the bench guest as the component jco "
                + "made of it (guests/bench.component.wasm) through the same generated bindings, against the same "
                + "hand-written functions on the core module.\n\n");
    }

    private static void pair(StringBuilder md, String what, String baseline, Optional<Score> ours,
            Optional<Score> theirs, double goal) {
        if (ours.isEmpty() || theirs.isEmpty()) {
            return;
        }
        Score ratio = ours.get().over(theirs.get());
        md.append("| ").append(what).append(" | ").append(time(ours.get())).append(" | ").append(time(theirs.get()))
                .append(' ').append(baseline).append(" | ").append(ratio(ratio)).append(" | ").append(goal(ratio, goal))
                .append(" |\n");
    }

    /** {@code <= goal}, and whether this run met it; empty without a goal. */
    static String goal(Score ratio, double goal) {
        if (Double.isNaN(goal)) {
            return "";
        }
        return String.format(Locale.ROOT, "<= %.1f (%s)", goal, ratio.value <= goal ? "met" : "not met");
    }

    private void scalar(StringBuilder md) {
        md.append("## 1. Guest -> host `func(u32) -> u32`\n\n")
                .append("Time per host call: the guest export `call-u32` calls the host ")
                .append(ScalarCalls.CALLS).append(" times in a loop and checks each result. The component is the ")
                .append("same guest code made a component by jco (`echo-u32` takes no canonical options, so ")
                .append("wit-component lowers it straight into the main module), through the same generated binding.")
                .append("\n\n")
                .append("| engine | generated binding, core module | through a component | hand-written Chicory ")
                .append("`HostFunction` | core module / hand-written | component / hand-written |\n")
                .append("|---|---|---|---|---|---|\n");
        for (String engine : List.of("COMPILER", "INTERPRETER")) {
            String p = "engine=" + engine;
            row(md, engine.toLowerCase(Locale.ROOT), score("ScalarCallBenchmark.generated", p),
                    score("ScalarCallBenchmark.component", p), score("ScalarCallBenchmark.handWritten", p));
        }
        row(md, "compiler, guest loop compiled on its own", score("ScalarCallIsolatedBenchmark.generated"),
                score("ScalarCallIsolatedBenchmark.component"), score("ScalarCallIsolatedBenchmark.handWritten"));
        md.append("\nThe last row runs every side with `-XX:CompileCommand=dontinline,*MachineMachineCall::call`, so ")
                .append("that the 72-byte guest loop is compiled on its own, as a real guest's hot function (far ")
                .append("above HotSpot's inlining limits) is; in the default rows C2 folds the loop into each side's ")
                .append("export entry (witbind's `GuestFunction.call`, or the JMH stub), and how well varies from ")
                .append("fork to fork.\n");
        md.append("\n| plain Java call (the same loop in Java) | time per call |\n|---|---|\n");
        score("JavaCallBenchmark.inlined").ifPresent(s -> md.append("| inlined | ").append(time(s)).append(" |\n"));
        score("JavaCallBenchmark.notInlined")
                .ifPresent(s -> md.append("| not inlined (`DONT_INLINE`) | ").append(time(s)).append(" |\n"));
        md.append('\n');
    }

    /** A row of a call table: the core module's and the component's scores, the baseline, and both ratios. */
    private static void row(StringBuilder md, String label, Optional<Score> core, Optional<Score> component,
            Optional<Score> hand) {
        if (core.isEmpty() || hand.isEmpty()) {
            return;
        }
        md.append("| ").append(label).append(" | ").append(time(core.get())).append(" | ")
                .append(component.map(RunAll::time).orElse("")).append(" | ").append(time(hand.get())).append(" | ")
                .append(ratio(core.get().over(hand.get()))).append(" | ")
                .append(component.map(c -> ratio(c.over(hand.get()))).orElse("")).append(" |\n");
    }

    private void strings(StringBuilder md) {
        md.append("## 2. Guest -> host `func(string) -> string` (Chicory compiler)\n\n")
                .append("Time per host call (lift the guest's string, call Java, lower the result through ")
                .append("`cabi_realloc`); `call-string` makes ").append(StringCallBenchmark.CALLS)
                .append(" calls and checks each result. The hand-written function reads the bytes, `new String`, ")
                .append("`getBytes`, reallocs and writes; it replaces invalid UTF-8 where witbind traps. `utf8` text ")
                .append("mixes 1- to 4-byte sequences. In the component, `echo-string` needs the main module's memory ")
                .append("and `cabi_realloc`, so the main module calls it through wit-component's shim module (a ")
                .append("`call_indirect` through a table the fixup module filled).\n\n")
                .append("| string | generated binding, core module | through a component | hand-written | ")
                .append("core module / hand-written | component / hand-written |\n")
                .append("|---|---|---|---|---|---|\n");
        for (String size : List.of("16", "4096")) {
            for (String text : List.of("ascii", "utf8")) {
                String[] p = {"size=" + size, "text=" + text};
                row(md, size + " B " + text, score("StringCallBenchmark.generated", p),
                        score("StringCallBenchmark.component", p), score("StringCallBenchmark.handWritten", p));
            }
        }
        md.append('\n');
    }

    private void bytes(StringBuilder md) {
        md.append("## 3. `list<u8>` of 64 KiB in and out (Chicory compiler)\n\n")
                .append("Bytes per second count both directions (2 x 64 KiB per call). The floor copies the same ")
                .append("bytes with two `System.arraycopy` calls.\n\n")
                .append("| | time per call | bytes per second | / floor |\n|---|---|---|---|\n");
        Optional<Score> floor = score("BytesBenchmark.arraycopy").map(s -> throughput(s, 2.0 * BytesBenchmark.SIZE));
        for (String[] row : List.of(new String[] {"generated binding, core module", "BytesBenchmark.generated"},
                new String[] {"generated binding, through a component", "BytesBenchmark.component"},
                new String[] {"hand-written Chicory host function", "BytesBenchmark.handWritten"},
                new String[] {"`System.arraycopy` x 2 (floor)", "BytesBenchmark.arraycopy"})) {
            score(row[1]).ifPresent(s -> {
                Score rate = throughput(s, 2.0 * BytesBenchmark.SIZE);
                md.append("| ").append(row[0]).append(" | ").append(time(s)).append(" | ").append(gbps(rate))
                        .append(" | ").append(floor.map(f -> ratio(rate.over(f))).orElse("")).append(" |\n");
            });
        }
        md.append('\n');
    }

    private void startup(StringBuilder md) {
        md.append("## 4. Startup\n\n")
                .append("Generated hosts `ManyHostNNNN` (`bench:many/iNNNN@1.2.3`, 10 functions each); x10 is ten ")
                .append("times the size of x1.\n\n")
                .append("| what | x1 | x10 | x10 / x1 |\n|---|---|---|---|\n");
        growth(md, "register interfaces through generated bindings, warm (x1 = 100, x10 = 1,000)",
                score("RegisterBenchmark.register", "interfaces=100"),
                score("RegisterBenchmark.register", "interfaces=1000"));
        growth(md, "register, first time in a fresh JVM (finds and loads the bindings classes)",
                score("ColdRegisterBenchmark.register", "interfaces=100"),
                score("ColdRegisterBenchmark.register", "interfaces=1000"));
        growth(md, "1,000 / 10,000 exact lookups in a table of 100 / 1,000 interfaces",
                score("LookupBenchmark.lookups", "hit=exact", "interfaces=100"),
                score("LookupBenchmark.lookups", "hit=exact", "interfaces=1000"));
        growth(md, "1,000 / 10,000 track lookups (`@1.0.0` finds `@1.2.3`)",
                score("LookupBenchmark.lookups", "hit=track", "interfaces=100"),
                score("LookupBenchmark.lookups", "hit=track", "interfaces=1000"));
        for (String engine : List.of("COMPILER", "INTERPRETER")) {
            growth(md, "instantiate a guest with 50 / 500 imports, " + engine.toLowerCase(Locale.ROOT),
                    score("InstantiateBenchmark.instantiate", "engine=" + engine, "imports=50"),
                    score("InstantiateBenchmark.instantiate", "engine=" + engine, "imports=500"));
        }
        md.append('\n');
    }

    private static void growth(StringBuilder md, String what, Optional<Score> x1, Optional<Score> x10) {
        if (x1.isEmpty() || x10.isEmpty()) {
            return;
        }
        md.append("| ").append(what).append(" | ").append(time(x1.get())).append(" | ").append(time(x10.get()))
                .append(" | ").append(ratio(x10.get().over(x1.get()))).append(" |\n");
    }

    private void javac(StringBuilder md) {
        Optional<Score> with = score("JavacBenchmark.javac", "processor=true");
        Optional<Score> without = score("JavacBenchmark.javac", "processor=false");
        if (with.isEmpty() || without.isEmpty()) {
            return;
        }
        md.append("## 5. The processor\n\n")
                .append("javac in process (`javax.tools`, warm, as a build daemon runs it) on ")
                .append(JavacBenchmark.CLASSES).append(" `@WitInterface` classes of 10 functions each.\n\n")
                .append("| with the witbind processor | with `-proc:none` | with / without |\n|---|---|---|\n")
                .append("| ").append(time(with.get())).append(" | ").append(time(without.get())).append(" | ")
                .append(ratio(with.get().over(without.get()))).append(" |\n\n");
    }

    private Optional<Score> witbindFor(String call) {
        return switch (call) {
            case "u32" -> score("ScalarCallBenchmark.generated", "engine=COMPILER");
            case "string-16" -> score("StringCallBenchmark.generated", "size=16", "text=ascii");
            case "string-4096" -> score("StringCallBenchmark.generated", "size=4096", "text=ascii");
            default -> Optional.empty();
        };
    }

    private static String describeJco(String call) {
        return switch (call) {
            case "u32" -> "`u32 -> u32`";
            case "string-16" -> "`string -> string` 16 B";
            case "string-4096" -> "`string -> string` 4 KiB";
            default -> call;
        };
    }

    private void jco(StringBuilder md) {
        md.append("## 6. jco on Node\n\n");
        if (jco.isEmpty()) {
            md.append("Not run (no jco results; `benchmarks/run.sh` runs it unless `--no-jco`).\n\n");
            return;
        }
        md.append("The same guest as a component (guests/bench.component.wasm, which `jco embed` + `jco new` made of ")
                .append("guests/bench.wasm and src/main/wit/bench.wit), transpiled with `jco transpile`, on Node with a ")
                .append("JavaScript host ")
                .append("doing the same work (src/main/node/). ").append(jcoInfo.getOrDefault("method", ""))
                .append("\n\n| call | witbind, Chicory compiler | jco on Node | jco time / witbind time |\n")
                .append("|---|---|---|---|\n");
        for (String call : List.of("u32", "string-16", "string-4096")) {
            Optional<Score> witbind = witbindFor(call);
            Score node = jco.get(call);
            if (witbind.isPresent() && node != null) {
                md.append("| ").append(describeJco(call)).append(" | ").append(time(witbind.get())).append(", ")
                        .append(perSecond(witbind.get())).append(" calls/s | ").append(time(node)).append(", ")
                        .append(perSecond(node)).append(" calls/s | ").append(ratio(node.over(witbind.get())))
                        .append(" |\n");
            }
        }
        md.append('\n');
    }

    private void components(StringBuilder md) {
        md.append("## 7. Components: instantiating and reading\n\n")
                .append("Instantiating: `bench.component.wasm` (3 core modules: the bench guest, wit-component's shim ")
                .append("and fixup) from an `InstancePre` (read, validated, parsed, compiled and linked once) against ")
                .append("its 3 core modules instantiated directly on Chicory with the same wiring and hand-written ")
                .append("host functions (parsed and compiled once too); both make every instance, host function and ")
                .append("import anew. Reading: `GuestComponent.parse` of `big.component.wasm` (")
                .append(String.format(Locale.ROOT, "%.1f", BIG_COMPONENT_BYTES / 1e6))
                .append(" MB: 4,096 generated functions in one core module, see guests/big.c), which reads and ")
                .append("validates the component and parses and validates its core module with Chicory, against ")
                .append("Chicory's parser on that core module alone.\n\n")
                .append("| what | witbind | Chicory alone | witbind / Chicory | goal |\n|---|---|---|---|---|\n");
        for (String engine : List.of("COMPILER", "INTERPRETER")) {
            String p = "engine=" + engine;
            Optional<Score> pre = score("ComponentInstantiateBenchmark.instancePre", p);
            Optional<Score> direct = score("ComponentInstantiateBenchmark.coreModules", p);
            if (pre.isPresent() && direct.isPresent()) {
                Score ratio = pre.get().over(direct.get());
                md.append("| instantiate, ").append(engine.toLowerCase(Locale.ROOT)).append(" | ")
                        .append(time(pre.get())).append(" | ").append(time(direct.get())).append(" | ")
                        .append(ratio(ratio)).append(" | ").append(goal(ratio, INSTANTIATE_GOAL)).append(" |\n");
            }
        }
        Optional<Score> read = score("ComponentReadBenchmark.guestComponent");
        Optional<Score> parse = score("ComponentReadBenchmark.chicoryParse");
        if (read.isPresent() && parse.isPresent()) {
            Score ratio = read.get().over(parse.get());
            md.append("| read and validate the 2 MB component | ").append(time(read.get())).append(" | ")
                    .append(time(parse.get())).append(" | ").append(ratio(ratio)).append(" | ")
                    .append(goal(ratio, READ_GOAL)).append(" |\n");
        }
        md.append('\n');
    }

    private void setup(StringBuilder md) {
        md.append("## Setup of each benchmark\n\n")
                .append("Each benchmark and parameter set runs in its own forks (so each has its own JIT profile); ")
                .append("JMH runs several iterations in each and reports the error as a 99.9% confidence ")
                .append("half-interval over all of them. The call benchmarks run several forks, because how C2 ")
                .append("compiles the guest's loop varies from fork to fork (1.4-1.9 ns per scalar call was seen ")
                .append("across forks of one build): the scalar call (scenario 1) ").append(ROUNDS)
                .append(" forks taken in turns, one fork of each of its benchmarks per round, because this machine's ")
                .append("speed drifts by 20-30% over minutes and its goal is a ratio of two 2 ns figures; the string ")
                .append("call (scenario 2) two forks in JMH's order; the rest one, to keep the whole run to a few ")
                .append("minutes on 2 cores (the table below says which). Each benchmark returns ")
                .append("its result to JMH (no dead code), and the guest checks every host answer.\n\n")
                .append("| benchmark | settings |\n|---|---|\n");
        settings.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        md.append("\nAll scores:\n\n| benchmark | score | error | unit |\n|---|---|---|---|\n");
        scores.forEach((key, score) -> md.append("| ").append(key).append(" | ")
                .append(String.format(Locale.ROOT, "%.3f | %.3f | %s", score.value, score.error, score.unit))
                .append(" |\n"));
        if (!jco.isEmpty()) {
            jco.forEach((key, score) -> md.append("| jco ").append(key).append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f | %.3f | %s", score.value, score.error, score.unit))
                    .append(" |\n"));
        }
    }

    // ---- formatting -------------------------------------------------------------------------------------------

    /** A time with its error, in the most readable unit. */
    static String time(Score score) {
        double ns = score.value * nanosPer(score.unit);
        double error = score.error * nanosPer(score.unit);
        String[] units = {"ns", "us", "ms", "s"};
        int u = 0;
        while (u < units.length - 1 && ns >= 1000) {
            ns /= 1000;
            error /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%s ± %s %s", significant(ns), significant(error), units[u]);
    }

    private static double nanosPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> throw new IllegalArgumentException("unexpected unit " + unit);
        };
    }

    private static String significant(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        } else if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        } else if (value >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String ratio(Score ratio) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", ratio.value, ratio.error);
    }

    /** Bytes per second of a per-call time, for {@code bytes} bytes per call. */
    private static Score throughput(Score time, double bytes) {
        double seconds = time.value * nanosPer(time.unit) / 1e9;
        double value = bytes / seconds;
        return new Score(value, value * time.error / time.value, "B/s");
    }

    private static Score bytesPerSecond(Score time) {
        return throughput(time, 2.0 * BytesBenchmark.SIZE);
    }

    private static String gbps(Score rate) {
        return String.format(Locale.ROOT, "%.2f ± %.2f GB/s", rate.value / 1e9, rate.error / 1e9);
    }

    private static String perSecond(Score time) {
        double perSecond = 1e9 / (time.value * nanosPer(time.unit));
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
    }
}
