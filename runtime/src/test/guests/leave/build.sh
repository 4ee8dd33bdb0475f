#!/usr/bin/env bash
# Assembles the core modules of LeaveChecksTest and OutwardCallsTest (*.wat) into *.wasm with wabt's wat2wasm
# (Debian's wabt 1.0.32: `apt-get install wabt`), tail calls enabled for realloc-contained's return_call. The test
# suite never runs this; the output is byte for byte the committed files.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
for wat in *.wat; do
    wat2wasm --enable-tail-call "$wat" -o "${wat%.wat}.wasm"
    chmod 644 "${wat%.wat}.wasm"
done
echo "assembled $(ls *.wat | wc -l) modules"
