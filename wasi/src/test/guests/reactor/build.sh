#!/usr/bin/env bash
# Rebuilds reactor.wasm (WASI 0.2.12) and reactor-0.2.0.wasm (WASI 0.2.0, the reactor adapter of jco 1.0.0) from
# reactor.c and wit/reactor.wit, and the worlds jco wit prints for them. Needs the toolchains of ../README.md;
# the test suite never runs this. The output is byte for byte the committed files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source ../common.sh
compile reactor -mexec-model=reactor
"$JCO" embed "$work/reactor.p1.wasm" --wit wit -n greeter -o "$work/reactor.embed.wasm"
componentize "$work/reactor.embed.wasm" reactor reactor
