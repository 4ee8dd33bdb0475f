#!/usr/bin/env bash
# Runs every benchmark scenario and writes BENCHMARKS.md at the repository root: about 17 minutes on 2 cores
# (plus a one-time npm install of jco, about 340 MB, into benchmarks/target/jco).
#
#   benchmarks/run.sh             # everything
#   benchmarks/run.sh --no-jco    # without the jco/Node part (scenario 6)
#   benchmarks/run.sh --quick     # one short fork per benchmark, into benchmarks/target/BENCHMARKS-quick.md:
#                                 # checks that everything runs (a few minutes); its numbers compare nothing
#
# Needs Java 17 and Maven; the jco part also needs node and npm (the npm registry). CI never runs this.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

jco=1
quick=0
for arg in "$@"; do
    case "$arg" in
        --no-jco) jco=0 ;;
        --quick) quick=1 ;;
        *) echo "unknown argument $arg" >&2; exit 2 ;;
    esac
done

echo "== building (mvn -q -pl benchmarks -am package -DskipTests)"
mvn -q -pl benchmarks -am package -DskipTests

JCO_DIR=benchmarks/target/jco
results=""
if [ "$jco" = 1 ]; then
    echo "== jco on Node"
    mkdir -p "$JCO_DIR"
    cp benchmarks/src/main/node/package.json "$JCO_DIR/"
    if [ ! -x "$JCO_DIR/node_modules/.bin/jco" ]; then
        (cd "$JCO_DIR" && npm install --no-audit --no-fund)
    fi
    JCO="$JCO_DIR/node_modules/.bin/jco"
    # the committed component of the bench guest (guests/build.sh made it with jco embed + jco new)
    rm -rf "$JCO_DIR/out"
    "$JCO" transpile benchmarks/src/main/guests/bench.component.wasm -o "$JCO_DIR/out" \
        --map 'bench:host/calls=./host.js' --quiet
    cp benchmarks/src/main/node/host.js "$JCO_DIR/out/"
    node benchmarks/src/main/node/run-jco.mjs "$JCO_DIR/out/bench.component.js" | tee "$JCO_DIR/results.txt"
    results="$JCO_DIR/results.txt"
fi

echo "== JMH"
if [ "$quick" = 1 ]; then
    java -Dwitbind.benchmarks.quick=true -cp benchmarks/target/benchmarks.jar dev.witbind.benchmarks.RunAll \
        benchmarks/target/BENCHMARKS-quick.md "$results"
    echo "== wrote benchmarks/target/BENCHMARKS-quick.md (a quick run: BENCHMARKS.md is unchanged)"
else
    java -cp benchmarks/target/benchmarks.jar dev.witbind.benchmarks.RunAll BENCHMARKS.md "$results"
    echo "== wrote BENCHMARKS.md"
fi
