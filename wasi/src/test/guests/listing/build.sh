#!/usr/bin/env bash
# Rebuilds listing.wasm (WASI 0.2.12) and listing-0.2.0.wasm (WASI 0.2.0) from listing.c, and the worlds jco wit prints for
# them (listing.golden.wit, listing-0.2.0.golden.wit). Needs the toolchains of ../README.md; the test suite never runs
# this. The output is byte for byte the committed files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source ../common.sh
command_program listing
