#!/usr/bin/env bash
# Rebuilds words.wasm (a component) from words.c and wit/words.wit, and words.golden.wit (what `jco wit` prints for it).
# Needs clang-19, lld-19 and jco 1.35.0 (see ../README.md); the test suite never runs this. The output is byte for
# byte the committed files.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
source ../c-component.sh

c_component words words.c wit text
