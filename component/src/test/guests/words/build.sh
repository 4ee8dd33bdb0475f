#!/usr/bin/env bash
# Rebuilds words.wasm (a component) from words.c and wit/words.wit, and words.golden.wit (what `jco wit` prints for it).
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
    -o words.core.wasm "$OLDPWD/words.c")
"$JCO" embed "$work/words.core.wasm" --wit wit -n text -o "$work/words.embed.wasm"
"$JCO" new "$work/words.embed.wasm" -o words.wasm
"$JCO" wit words.wasm > words.golden.wit
chmod 644 words.wasm words.golden.wit
echo "built words.wasm"
