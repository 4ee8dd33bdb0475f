#!/usr/bin/env bash
# Rebuilds tally.wasm (a component) from tally.c and wit/tally.wit, and tally.golden.wit (what `jco wit` prints for it).
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
    -o tally.core.wasm "$OLDPWD/tally.c")
"$JCO" embed "$work/tally.core.wasm" --wit wit -n tally -o "$work/tally.embed.wasm"
"$JCO" new "$work/tally.embed.wasm" -o tally.wasm
"$JCO" wit tally.wasm > tally.golden.wit
chmod 644 tally.wasm tally.golden.wit
echo "built tally.wasm"
