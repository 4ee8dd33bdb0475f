#!/usr/bin/env bash
# Runs JMH benchmarks one fork at a time, taking turns, so that the machine's drift over minutes (20-30% on the
# shared VM BENCHMARKS.md was measured on) falls on every benchmark alike instead of on whichever ran last. For a
# ratio between two benchmarks of a few nanoseconds, such as the scalar call's goal of 1.1 x:
#
#   benchmarks/alternate.sh 8 ScalarCallIsolatedBenchmark.handWritten ScalarCallIsolatedBenchmark.component
#
# Each round runs each named benchmark (its exact JMH name, without the package) in one fork of its own, with the
# warm-up and measurement its annotations give; then it prints every fork's score and, per benchmark, the mean,
# the median and the median's ratio to the first benchmark's. JMH_ARGS adds options to every fork (for the
# benchmarks with an engine parameter: JMH_ARGS='-p engine=COMPILER'). Uses benchmarks/target/benchmarks.jar,
# built first, or the jar BENCHMARKS_JAR names, as it is (to measure an older build: git worktree add, package).
# Needs Java 17 and Maven. CI never runs this.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ $# -lt 2 ] || ! [[ "$1" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: benchmarks/alternate.sh ROUNDS BENCHMARK..." >&2
    exit 2
fi
rounds=$1
shift

jar=${BENCHMARKS_JAR:-}
if [ -z "$jar" ]; then
    mvn -q -pl benchmarks -am package -DskipTests
    jar=benchmarks/target/benchmarks.jar
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for round in $(seq 1 "$rounds"); do
    for benchmark in "$@"; do
        java -jar "$jar" "^dev\.witbind\.benchmarks\.${benchmark//./\\.}\$" -f 1 \
            ${JMH_ARGS:-} -rf csv -rff "$work/fork.csv" > "$work/fork.log" 2>&1 || { cat "$work/fork.log" >&2; exit 1; }
        # the csv's second line: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
        score=$(awk -F, 'NR == 2 { print $5 }' "$work/fork.csv")
        if [ -z "$score" ]; then
            echo "no score for $benchmark (does JMH know that name?)" >&2
            exit 1
        fi
        echo "round $round  $benchmark  $score" | tee -a "$work/scores.txt"
    done
done

echo
awk -v first="$1" '
    { scores[$3] = scores[$3] " " $4; names[$3] = 1; if (!($3 in order)) { order[$3] = n++ } }
    function median(list,    values, count, i, j, t) {
        count = split(list, values, " ")
        for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (values[j] < values[i]) {
            t = values[i]; values[i] = values[j]; values[j] = t }
        return count % 2 ? values[(count + 1) / 2] : (values[count / 2] + values[count / 2 + 1]) / 2
    }
    function mean(list,    values, count, i, sum) {
        count = split(list, values, " ")
        for (i = 1; i <= count; i++) sum += values[i]
        return sum / count
    }
    END {
        base = median(scores[first])
        for (k = 0; k < n; k++) for (name in order) if (order[name] == k) {
            printf "%-50s mean %.3f  median %.3f  median / %s median %.2f\n", name, mean(scores[name]),
                median(scores[name]), first, median(scores[name]) / base
        }
    }' "$work/scores.txt"
