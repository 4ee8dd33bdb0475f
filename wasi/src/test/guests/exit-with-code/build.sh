#!/usr/bin/env bash
# Rebuilds exit-with-code.wasm (WASI 0.2.12 only: exit-with-code does not exist in 0.2.0) from exit-with-code.c
# and wit/exit.wit, exit-with-code.golden.wit (what jco wit prints for it) and exit-with-code.imports.txt. Needs the toolchains of
# ../README.md; the test suite never runs this. The output is byte for byte the committed files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source ../common.sh
compile exit-with-code
"$JCO" embed "$work/exit-with-code.p1.wasm" --wit wit -n exit-with-code -o "$work/exit-with-code.embed.wasm"
"$JCO" new "$work/exit-with-code.embed.wasm" --wasi-command -o exit-with-code.wasm
"$JCO" wit exit-with-code.wasm > exit-with-code.golden.wit
imports exit-with-code.wasm exit-with-code.imports.txt
chmod 644 exit-with-code.wasm exit-with-code.golden.wit exit-with-code.imports.txt
echo "built exit-with-code.wasm"
