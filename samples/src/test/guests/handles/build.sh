#!/usr/bin/env bash
# Rebuilds the handles guest fixture (a core wasm module) from handles.c.
# Needs clang-19 + lld-19 (see README.md); the test suite and CI never run this.
# Output is deterministic: running it again with the same toolchain gives a byte-identical file.
set -euo pipefail

CLANG=${CLANG:-clang-19}
cd "$(dirname "${BASH_SOURCE[0]}")"

for name in handles; do
    # Relative -o on purpose: wasm-ld records the output file's base name as the module name.
    "$CLANG" --target=wasm32-unknown-unknown -O2 -nostdlib \
        -Wl,--no-entry -Wl,--export-memory \
        -o "$name.wasm" "$name.c"
    chmod 644 "$name.wasm"
    echo "built $name.wasm"
done
