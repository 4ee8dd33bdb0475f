#!/usr/bin/env bash
# Rebuilds counters.wasm (a component) from counters.c and wit/counters.wit, and counters.golden.wit (what `jco wit` prints for it).
# Needs clang-19, lld-19 and jco 1.35.0 (see ../README.md); the test suite never runs this. The output is byte for
# byte the committed files.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
source ../c-component.sh

c_component counters counters.c wit counters-guest
