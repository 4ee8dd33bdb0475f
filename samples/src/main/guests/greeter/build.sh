#!/usr/bin/env bash
# Rebuilds the greeter guest fixtures (core wasm modules) from greeter.c.
# Needs clang-19 + lld-19 (see README.md); the test suite and CI never run this.
# Output is deterministic: running it again with the same toolchain gives byte-identical files.
set -euo pipefail

CLANG=${CLANG:-clang-19}
cd "$(dirname "${BASH_SOURCE[0]}")"

# build <output> <host interface version> <uses 0.2.1 functions: 0|1> [import module prefix]
build() {
    local out=$1 version=$2 uses_021=$3 prefix=${4:-}
    # Relative -o on purpose: wasm-ld records the output file's base name as the module name.
    "$CLANG" --target=wasm32-unknown-unknown -O2 -nostdlib \
        -Wl,--no-entry -Wl,--export-memory \
        "-DHOST_VERSION=\"$version\"" "-DUSES_0_2_1_FUNCTIONS=$uses_021" "-DMODULE_PREFIX=\"$prefix\"" \
        -o "$out" greeter.c
    chmod 644 "$out"
    echo "built $out"
}

build greeter-0.2.0.wasm      0.2.0      0
build greeter-0.2.1.wasm      0.2.1      1
build greeter-0.2.9.wasm      0.2.9      0
build greeter-0.3.0.wasm      0.3.0      0
build greeter-1.0.0.wasm      1.0.0      0
build greeter-0.2.2-rc.1.wasm 0.2.2-rc.1 0
# Built against 0.2.0 yet calling 0.2.1's shout and repeat, which only a track lets it reach (Wasmtime issue 8029;
# strict versions refuse it by the host's @since gates).
build greeter-0.2.0-uses-0.2.1.wasm 0.2.0 1
# Canonical interface names: imports from example:greeter/host@0.2 (every 0.2.x), in the legacy core naming and in
# wit-component's newer one (module "cm32p2|example:greeter/host@0.2", what jco embed --dummy emits).
build greeter-canonical-0.2.wasm 0.2 1
build greeter-cm32p2-0.2.wasm    0.2 1 "cm32p2|"
