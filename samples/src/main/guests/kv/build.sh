#!/usr/bin/env bash
# Rebuilds the kv sample guest (a core wasm module) from kv.c.
# Needs clang-19 + lld-19 (see README.md); the test suite and CI never run this.
# Output is deterministic: running it again with the same toolchain gives a byte-identical file.
set -euo pipefail

CLANG=${CLANG:-clang-19}
cd "$(dirname "${BASH_SOURCE[0]}")"

# Relative -o on purpose: wasm-ld records the output file's base name as the module name.
"$CLANG" --target=wasm32-unknown-unknown -O2 -nostdlib \
    -Wl,--no-entry -Wl,--export-memory \
    -o kv.wasm kv.c
chmod 644 kv.wasm
echo "built kv.wasm"
