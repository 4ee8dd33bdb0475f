#!/usr/bin/env bash
# Rebuilds files.wasm (WASI 0.2.12) and files-0.2.0.wasm (WASI 0.2.0) from files.c, and the worlds jco wit prints for
# them (files.golden.wit, files-0.2.0.golden.wit). Needs the toolchains of ../README.md; the test suite never runs
# this. The output is byte for byte the committed files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source ../common.sh
command_program files
