#!/usr/bin/env bash
# Rebuilds escape.wasm (WASI 0.2.12) and escape-0.2.0.wasm (WASI 0.2.0) from escape.c, and the worlds jco wit prints for
# them (escape.golden.wit, escape-0.2.0.golden.wit). Needs the toolchains of ../README.md; the test suite never runs
# this. The output is byte for byte the committed files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source ../common.sh
command_program escape
