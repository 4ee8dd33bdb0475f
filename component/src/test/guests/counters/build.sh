#!/usr/bin/env bash
# Rebuilds counters.wasm (a component) from counters.c and wit/counters.wit, and counters.golden.wit (what `jco wit` prints for it).
# Needs clang-19, lld-19 and jco 1.35.0 (see ../README.md); the test suite never runs this. The output is byte for
# byte the committed files.
set -euo pipefail

CLANG=${CLANG:-clang-19}
JCO=${JCO:-/work/jco/node_modules/.bin/jco}
cd "$(dirname "${BASH_SOURCE[0]}")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Relative -o on purpose: wasm-ld records the output's base name as the module name.
(cd "$work" && "$CLANG" --target=wasm32-unknown-unknown -O2 -nostdlib -Wl,--no-entry -Wl,--export-memory \
    -o counters.core.wasm "$OLDPWD/counters.c")
"$JCO" embed "$work/counters.core.wasm" --wit wit -n counters-guest -o "$work/counters.embed.wasm"
"$JCO" new "$work/counters.embed.wasm" -o counters.wasm
"$JCO" wit counters.wasm > counters.golden.wit
chmod 644 counters.wasm counters.golden.wit
echo "built counters.wasm"
