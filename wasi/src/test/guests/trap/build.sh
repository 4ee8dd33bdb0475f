#!/usr/bin/env bash
# Rebuilds trap.wasm (WASI 0.2.12) and trap-0.2.0.wasm (WASI 0.2.0) from trap.c, and the worlds jco wit prints for
# them (trap.golden.wit, trap-0.2.0.golden.wit). Needs the toolchains of ../README.md; the test suite never runs
# this. The output is byte for byte the committed files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source ../common.sh
command_program trap
