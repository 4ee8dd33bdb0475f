#!/usr/bin/env bash
# Rebuilds the WASI benchmark guests: each C program to a preview-1 core module (clang-19, wasi-libc) and to a
# command component with jco 1.35.0's adapter (WASI 0.2.12). Needs the toolchains of /work/shared/toolchain.md
# (JCO=/path/to/jco if it is not at /work/jco); the build and the tests never run this.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
CLANG=${CLANG:-clang-19}
JCO=${JCO:-/work/jco/node_modules/.bin/jco}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for program in write-stdout read-file; do
    # relative -o: wasm-ld records the output's base name as the module name
    (cd "$work" && "$CLANG" --target=wasm32-wasi -O2 -s -o "$program.p1.wasm" "$OLDPWD/$program.c")
    "$JCO" new "$work/$program.p1.wasm" --wasi-command -o "$program.wasm"
    chmod 644 "$program.wasm"
    echo "built $program.wasm"
done
