#!/usr/bin/env bash
# Rebuilds the benchmark guests from C: core wasm modules, and the components that jco makes of them. Needs clang-19 +
# lld-19, jco 1.35.0 (see README.md) and a JDK (to generate the many-import sources); the benchmarks, their build and
# CI never run this. Output is deterministic: running it again with the same toolchain gives byte-identical files.
set -euo pipefail

CLANG=${CLANG:-clang-19}
JAVA=${JAVA:-java}
JCO=${JCO:-/work/jco/node_modules/.bin/jco}
cd "$(dirname "${BASH_SOURCE[0]}")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# build <output> <source>; relative -o on purpose: wasm-ld records the output file's base name as the module name.
build() {
    "$CLANG" --target=wasm32-unknown-unknown -O2 -nostdlib \
        -Wl,--no-entry -Wl,--export-memory \
        -o "$1" "$2"
    chmod 644 "$1"
    echo "built $1 ($(wc -c < "$1") bytes)"
}

build bench.wasm bench.c

# The many-import guests of the startup benchmark: 50 and 500 imports (x1, x10).
for imports in 50 500; do
    "$JAVA" ../../build/GenerateManyHosts.java c "many-$imports.c" "$imports"
    build "many-$imports.wasm" "many-$imports.c"
done

# The components (jco embed attaches the WIT world, jco new wraps the module): the bench guest as it is, for the
# component rows of scenarios 1 to 3, instantiation in scenario 7 and jco on Node (scenario 6); big.c, about 2 MB of
# code, for reading in scenario 7.
"$JCO" embed bench.wasm --wit ../wit/bench.wit -n bench -o "$work/bench.embed.wasm"
"$JCO" new "$work/bench.embed.wasm" -o bench.component.wasm
chmod 644 bench.component.wasm
echo "built bench.component.wasm ($(wc -c < bench.component.wasm) bytes)"

# big.wit imports bench:host/calls, so jco reads it with ../wit/bench.wit as a dependency.
mkdir -p "$work/big-wit/deps/bench-host"
cp big.wit "$work/big-wit/"
cp ../wit/bench.wit "$work/big-wit/deps/bench-host/"
(cd "$work" && "$CLANG" --target=wasm32-unknown-unknown -O2 -nostdlib -Wl,--no-entry -Wl,--export-memory \
    -o big.core.wasm "$OLDPWD/big.c")
"$JCO" embed "$work/big.core.wasm" --wit "$work/big-wit" -n big -o "$work/big.embed.wasm"
"$JCO" new "$work/big.embed.wasm" -o big.component.wasm
chmod 644 big.component.wasm
echo "built big.component.wasm ($(wc -c < big.component.wasm) bytes)"
