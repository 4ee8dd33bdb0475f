#!/usr/bin/env bash
# Rebuilds the benchmark guests (core wasm modules) from C. Needs clang-19 + lld-19 (see README.md) and a JDK
# (to generate the many-import sources); the benchmarks, their build and CI never run this.
# Output is deterministic: running it again with the same toolchain gives byte-identical files.
set -euo pipefail

CLANG=${CLANG:-clang-19}
JAVA=${JAVA:-java}
cd "$(dirname "${BASH_SOURCE[0]}")"

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
