#!/usr/bin/env bash
# Rebuilds rust-std.wasm (WASI 0.2.12) and rust-std-0.2.0.wasm (WASI 0.2.0) from rust-std.rs, and the worlds jco wit
# prints for them. Needs Debian 12's rustc 1.63 with its wasm32-wasi standard library (apt-get install rustc
# libstd-rust-dev-wasm32; rustc at /usr/bin/rustc, or RUSTC=...) and the toolchains of ../README.md; the test suite
# never runs this. The output is byte for byte the committed files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source ../common.sh
RUSTC=${RUSTC:-/usr/bin/rustc}

# Relative -o on purpose: the linker records the output's base name as the module name. The remap keeps this
# folder's path out of the panic messages compiled in.
(cd "$work" && "$RUSTC" --target wasm32-wasi --edition 2021 -O -C strip=symbols -C panic=abort \
    "--remap-path-prefix=$OLDPWD=." -o rust-std.p1.wasm "$OLDPWD/rust-std.rs")
componentize "$work/rust-std.p1.wasm" rust-std command
