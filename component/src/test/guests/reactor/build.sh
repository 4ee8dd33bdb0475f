#!/usr/bin/env bash
# Rebuilds reactor.wasm (a WASI 0.2 reactor component) from reactor.c and wit/reactor.wit, and reactor.golden.wit
# (what `jco wit` prints for it). Needs clang-19, lld-19, wasi-libc and jco 1.35.0 (see ../README.md); the test
# suite never runs this. The output is byte for byte the committed files.
set -euo pipefail

CLANG=${CLANG:-clang-19}
JCO=${JCO:-/work/jco/node_modules/.bin/jco}
cd "$(dirname "${BASH_SOURCE[0]}")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Relative -o on purpose: wasm-ld records the output's base name as the module name.
(cd "$work" && "$CLANG" --target=wasm32-wasi -O2 -mexec-model=reactor -s -o reactor.p1.wasm "$OLDPWD/reactor.c")
"$JCO" embed "$work/reactor.p1.wasm" --wit wit -n reactor -o "$work/reactor.embed.wasm"
"$JCO" new "$work/reactor.embed.wasm" --wasi-reactor -o reactor.wasm
"$JCO" wit reactor.wasm > reactor.golden.wit
chmod 644 reactor.wasm reactor.golden.wit
echo "built reactor.wasm"
