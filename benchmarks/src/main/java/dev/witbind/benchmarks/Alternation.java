package dev.witbind.benchmarks;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs benchmarks one fork at a time, taking turns: round 1 runs one fork of each benchmark (and parameter set), round
 * 2 another, and so on; then each benchmark's forks are pooled into one {@link RunResult}, as if JMH had run them as
 * {@code -f ROUNDS}. On the shared 2-core VM this project is measured on, the machine's speed drifts by 20-30% over
 * minutes; JMH's own order (all forks of one benchmark, then the next) puts that drift into the ratio of two
 * benchmarks run minutes apart, which for the scalar call's goal of 1.1 x over a 2 ns call is the whole margin. Taking
 * turns spreads the drift over every benchmark alike. {@code benchmarks/alternate.sh} does the same from the shell,
 * for a quick comparison of chosen benchmarks.
 */
final class Alternation {
    private Alternation() {}

    /** One benchmark method with one set of {@code @Param} values. */
    private record Case(String benchmark, Map<String, String> params) {}

    /**
     * @param classes the benchmark classes, each {@code @Benchmark} method of which (inherited ones included) runs
     *     once per combination of its {@code @Param} values
     * @param include the run's include pattern: only the benchmarks whose full name it finds run
     * @param settings what to apply to every fork's options (warm-up and measurement of a quick run)
     */
    static List<RunResult> run(List<Class<?>> classes, int rounds, String include,
            UnaryOperator<ChainedOptionsBuilder> settings) throws RunnerException {
        Pattern included = Pattern.compile(include);
        List<Case> cases = new ArrayList<>();
        for (Class<?> type : classes) {
            for (Case c : cases(type)) {
                if (included.matcher(c.benchmark).find()) {
                    cases.add(c);
                }
            }
        }
        Map<Case, List<BenchmarkResult>> forks = new LinkedHashMap<>();
        Map<Case, RunResult> anyRun = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Case c : cases) {
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .include("^" + Pattern.quote(c.benchmark) + "$").forks(1).shouldFailOnError(true);
                c.params.forEach(options::param);
                for (RunResult result : new Runner(settings.apply(options).build()).run()) {
                    forks.computeIfAbsent(c, k -> new ArrayList<>()).addAll(result.getBenchmarkResults());
                    anyRun.putIfAbsent(c, result);
                }
            }
        }
        List<RunResult> pooled = new ArrayList<>();
        forks.forEach((c, results) -> pooled.add(new RunResult(anyRun.get(c).getParams(), results)));
        return pooled;
    }

    /** Every benchmark method of {@code type} with every combination of the values of its {@code @Param} fields. */
    private static List<Case> cases(Class<?> type) {
        List<Map<String, String>> combinations = List.of(Map.of());
        Field[] fields = type.getFields();
        Arrays.sort(fields, Comparator.comparing(Field::getName));
        for (Field field : fields) {
            Param param = field.getAnnotation(Param.class);
            if (param == null) {
                continue;
            }
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : param.value()) {
                    Map<String, String> next = new TreeMap<>(combination);
                    next.put(field.getName(), value);
                    extended.add(next);
                }
            }
            combinations = extended;
        }
        Method[] methods = type.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        List<Case> cases = new ArrayList<>();
        for (Map<String, String> combination : combinations) {
            for (Method method : methods) {
                if (method.isAnnotationPresent(Benchmark.class)) {
                    cases.add(new Case(type.getName() + "." + method.getName(), combination));
                }
            }
        }
        return cases;
    }
}
