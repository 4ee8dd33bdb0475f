#!/usr/bin/env bash
# Rebuilds wasi-plugin.wasm from wasi-plugin.c and wit/ (the plugin world: example:greeter/host@0.2.1, whose WIT
# wit/deps/greeter.wit links to the samples' own): clang-19 and wasi-libc make a preview-1 core module, jco embed
# attaches the world, jco new --wasi-command adds the preview-1 adapter (WASI 0.2.12). Needs the toolchains of
# /work/shared/toolchain.md (JCO=/path/to/jco if it is not at /work/jco); the build never runs this. A rebuild is
# byte for byte the committed file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
CLANG=${CLANG:-clang-19}
JCO=${JCO:-/work/jco/node_modules/.bin/jco}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# relative -o: wasm-ld records the output's base name as the module name
(cd "$work" && "$CLANG" --target=wasm32-wasi -O2 -s -o wasi-plugin.p1.wasm "$OLDPWD/wasi-plugin.c")
"$JCO" embed "$work/wasi-plugin.p1.wasm" --wit wit -n plugin -o "$work/wasi-plugin.embed.wasm"
"$JCO" new "$work/wasi-plugin.embed.wasm" --wasi-command -o wasi-plugin.wasm
chmod 644 wasi-plugin.wasm
echo "built wasi-plugin.wasm"
