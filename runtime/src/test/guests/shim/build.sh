#!/usr/bin/env bash
# Assembles the hand-written components of ShimBypassTest (*.wat) into *.wasm with `jco parse`. Needs jco 1.35.0
# (see component/src/test/guests/README.md); the test suite never runs this. The output is byte for byte the
# committed files.
set -euo pipefail

JCO=${JCO:-/work/jco/node_modules/.bin/jco}
cd "$(dirname "${BASH_SOURCE[0]}")"
for wat in *.wat; do
    "$JCO" parse "$wat" -o "${wat%.wat}.wasm"
    chmod 644 "${wat%.wat}.wasm"
done
echo "assembled $(ls *.wat | wc -l) components"
