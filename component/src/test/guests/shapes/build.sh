#!/usr/bin/env bash
# Rebuilds shapes.wasm from wit/shapes.wit alone (jco embed --dummy writes a core module that only has the right
# imports and exports; it is never run), and shapes.golden.wit (what `jco wit` prints for it). Needs jco 1.35.0 (see
# ../README.md); the test suite never runs this. The output is byte for byte the committed files.
set -euo pipefail

JCO=${JCO:-/work/jco/node_modules/.bin/jco}
cd "$(dirname "${BASH_SOURCE[0]}")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$JCO" embed --dummy --wit wit -n shapes -o "$work/shapes.embed.wasm"
"$JCO" new "$work/shapes.embed.wasm" -o shapes.wasm
"$JCO" wit shapes.wasm > shapes.golden.wit
chmod 644 shapes.wasm shapes.golden.wit
echo "built shapes.wasm"
