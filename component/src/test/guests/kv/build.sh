#!/usr/bin/env bash
# Rebuilds kv.wasm (a component) from kv.c and wit/kv.wit, and kv.golden.wit (what `jco wit` prints for it).
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
    -o kv.core.wasm "$OLDPWD/kv.c")
"$JCO" embed "$work/kv.core.wasm" --wit wit -n kv -o "$work/kv.embed.wasm"
"$JCO" new "$work/kv.embed.wasm" -o kv.wasm
"$JCO" wit kv.wasm > kv.golden.wit
chmod 644 kv.wasm kv.golden.wit
echo "built kv.wasm"
