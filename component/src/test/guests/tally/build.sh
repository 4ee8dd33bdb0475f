#!/usr/bin/env bash
# Rebuilds tally.wasm (a component) from tally.c and wit/tally.wit, and tally.golden.wit (what `jco wit` prints for it).
# Needs clang-19, lld-19 and jco 1.35.0 (see ../README.md); the test suite never runs this. The output is byte for
# byte the committed files.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
source ../c-component.sh

c_component tally tally.c wit tally
