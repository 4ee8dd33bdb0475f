#!/usr/bin/env bash
# Assembles each hand-written component (*.wat) into *.wasm with `jco parse` (wasm-tools parse, which encodes
# without validating, so these invalid components can exist). Needs jco 1.35.0 (see ../README.md); the test suite
# never runs this. The output is byte for byte the committed files.
set -euo pipefail

JCO=${JCO:-/work/jco/node_modules/.bin/jco}
cd "$(dirname "${BASH_SOURCE[0]}")"
for wat in *.wat; do
    "$JCO" parse "$wat" -o "${wat%.wat}.wasm"
    chmod 644 "${wat%.wat}.wasm"
done
echo "assembled $(ls *.wat | wc -l) components"
