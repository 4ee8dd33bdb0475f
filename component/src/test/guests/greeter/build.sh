#!/usr/bin/env bash
# Rebuilds the greeter component fixtures from greeter.c and wit/<version>/greeter.wit, and the golden world
# each one has (what `jco wit` prints for it). Needs clang-19, lld-19 and jco 1.35.0 (see README.md); the test
# suite never runs this. The output is byte-for-byte the committed files.
set -euo pipefail

CLANG=${CLANG:-clang-19}
JCO=${JCO:-/work/jco/node_modules/.bin/jco}
cd "$(dirname "${BASH_SOURCE[0]}")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# build <name> <host version> <uses shout: 0|1> <encoding: 0 utf8, 1 utf16, 2 latin1+utf16>
build() {
    local name=$1 version=$2 shout=$3 encoding=$4
    local flag
    case $encoding in
        0) flag=utf8 ;;
        1) flag=utf16 ;;
        2) flag=compact-utf16 ;;
    esac
    # Relative -o on purpose: wasm-ld records the output's base name as the module name.
    (cd "$work" && "$CLANG" --target=wasm32-unknown-unknown -O2 -nostdlib \
        -Wl,--no-entry -Wl,--export-memory \
        "-DHOST_VERSION=\"$version\"" "-DUSES_SHOUT=$shout" "-DENCODING=$encoding" \
        -o "$name.core.wasm" "$OLDPWD/greeter.c")
    "$JCO" embed "$work/$name.core.wasm" --wit "wit/$version" -n greeter --string-encoding "$flag" \
        -o "$work/$name.embed.wasm"
    "$JCO" new "$work/$name.embed.wasm" -o "$name.wasm"
    "$JCO" wit "$name.wasm" > "$name.golden.wit"
    chmod 644 "$name.wasm" "$name.golden.wit"
    echo "built $name.wasm"
}

build greeter-0.2.0 0.2.0 0 0
build greeter-0.2.1 0.2.1 1 0
build greeter-0.2.9 0.2.9 0 0
build greeter-0.3.0 0.3.0 0 0
build greeter-1.0.0 1.0.0 0 0
build greeter-utf16 0.2.1 1 1
build greeter-latin1-utf16 0.2.1 1 2
